/**
 * Explicit bidirectional formatting characters (embeddings, overrides, isolates and their ends) in
 * imported or typed text. Invisible, they reorder what follows them: `\u202E` turns `Zaslonova
 * paid` into what reads as `diap avonolsaZ`. Where text is shown for checking (the dossier), each
 * is written out instead, as `[U+202E]`, so the reader sees the text as stored.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

export const showBidiControls = (text: string): string =>
  text.replace(
    BIDI_CONTROLS,
    (char) => `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
