/**
 * Characters that show nothing but change how text reads or matches. Explicit bidirectional
 * formatting characters (embeddings, overrides, isolates and their ends) reorder what follows them:
 * `\u202E` turns `Zaslonova paid` into what reads as `diap avonolsaZ`. Zero-width characters, soft
 * hyphens and marks make two names that look alike differ. Where text is shown for checking (the
 * dossier; a source's name in the app), they are written out instead, as `[U+202E]`, so the reader
 * sees the text as stored.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
const INVISIBLES =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

const codePoint = (char: string) =>
  `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

/** The text with its bidi controls written out (the dossier's text: other invisibles stay). */
export const showBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, codePoint);

/** The text with every invisible character written out (a name, shown for checking). */
export const showInvisibles = (text: string): string => text.replace(INVISIBLES, codePoint);

/** Whether the text holds a character that shows nothing. */
export const hasInvisibles = (text: string): boolean => text.search(INVISIBLES) >= 0;
