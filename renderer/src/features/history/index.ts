/** The history feature's public entry: all that other features may use of it. */
export { HistoryPage } from './HistoryPage';
