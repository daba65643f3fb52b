/**
 * How long a search or filter being typed waits for a pause before it runs. Only typing waits:
 * clicks, picks, clears, sorts and a page opening run at once.
 */
export const TYPING_PAUSE_MS = 120;
