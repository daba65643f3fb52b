/** The datasets feature's public entry: all that other features may use of it. */
export { DatasetsPage } from './DatasetsPage';
