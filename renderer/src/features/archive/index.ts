/** The archive feature's public entry: all that other features may use of it. */
export { ArchiveWorkFooter } from './ArchiveWorkFooter';
export { BackupDialog } from './BackupDialog';
export { RestoreArchive } from './RestoreArchive';
