/** The notes feature's public entry: all that other features may use of it. */
export { NotesPage } from './NotesPage';
