export { SanctionsSnapshots } from './SanctionsSnapshots';
