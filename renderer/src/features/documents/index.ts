/** The documents feature's public entry: all that other features may use of it. */
export { DocumentsPage } from './DocumentsPage';
