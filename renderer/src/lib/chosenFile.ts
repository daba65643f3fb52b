/**
 * A file the user chose is read from disk as it is used (see app/pickFiles.ts), so it can change or
 * go away meanwhile. Chromium then fails `arrayBuffer()` with a NotReadableError whose own words
 * blame permissions, and a read of the Blob's stream with a bare `TypeError: network error`.
 */

/** The error of a failed read of a Blob's stream, as `arrayBuffer()` would have failed. */
export function blobReadError(error: unknown): unknown {
  return error instanceof TypeError && error.message === 'network error'
    ? new DOMException('The file could not be read.', 'NotReadableError')
    : error;
}

/** What to tell the user when a chosen file could not be read, naming it; null for other errors. */
export function chosenFileGoneMessage(error: unknown, fileName: string): string | null {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NotReadableError'
    ? `${fileName} was changed, moved or deleted on disk after it was chosen, so it can no longer be read. Choose it again.`
    : null;
}
