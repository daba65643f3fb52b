/** What a caught failure says, for the user: an error's message, or anything else as text. */
export const messageOf = (caught: unknown): string =>
  caught instanceof Error ? caught.message : String(caught);
