/** The evidence feature's public entry: all that other features may use of it. */
export { ClaimEvidence } from './ClaimEvidence';
export { DeleteEvidenceDialog } from './DeleteEvidenceDialog';
export { LinkToClaimDialog } from './LinkToClaimDialog';
