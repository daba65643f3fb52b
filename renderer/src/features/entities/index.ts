/** The entities feature's public entry: all that other features may use of it. */
export { EntitiesPage } from './EntitiesPage';
export { EntityPicker } from './EntityPicker';
