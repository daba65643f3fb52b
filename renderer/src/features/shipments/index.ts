/** The shipments feature's public entry: all that other features may use of it. */
export { ShipmentsPage } from './ShipmentsPage';
