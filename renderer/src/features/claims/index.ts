/** The claims feature's public entry: all that other features may use of it. */
export { ClaimsPage } from './ClaimsPage';
