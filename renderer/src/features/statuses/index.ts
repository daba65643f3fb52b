/** The statuses feature's public entry: all that other features may use of it. */
export { StatusesPage } from './StatusesPage';
