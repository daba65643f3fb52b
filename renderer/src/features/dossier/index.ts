/** The dossier feature's public entry: all that other features may use of it. */
export { DossierPage } from './DossierPage';
export { NameCheckDialog } from './NameCheckDialog';
export { useCheckedCsvExport } from './checkedCsvExport';
