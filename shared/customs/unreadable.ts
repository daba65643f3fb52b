/** A file that cannot be imported at all: one message naming the file and, where there is one, the row. */
export class UnreadableFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly rowNumber?: number,
  ) {
    super(`${fileName}: ${rowNumber === undefined ? '' : `row ${rowNumber}: `}${reason}`);
  }
}
