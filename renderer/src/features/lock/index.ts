/** The lock feature's public entry: all that other features may use of it. */
export { LockDialog } from './LockDialog';
export { RemoveLockDialog } from './RemoveLockDialog';
export { UnlockPanel } from './UnlockPanel';
export { lockAgain } from './lockMutations';
