export { SanctionsScreening } from './SanctionsScreening';
export { SanctionsSnapshots } from './SanctionsSnapshots';
