/**
 * A file the user chose is read from disk as it is used (see app/pickFiles.ts), so it can change or
 * go away meanwhile. Chromium then throws a NotReadableError whose own words blame permissions;
 * this says what happened, naming the file.
 */
export function chosenFileGoneMessage(error: unknown, fileName: string): string | null {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NotReadableError'
    ? `${fileName} was changed, moved or deleted on disk after it was chosen, so it can no longer be read. Choose it again.`
    : null;
}
