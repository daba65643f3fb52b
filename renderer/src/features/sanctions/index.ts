export { CaseScreening } from './CaseScreening';
export { SanctionsScreening } from './SanctionsScreening';
export { SanctionsSnapshots } from './SanctionsSnapshots';
