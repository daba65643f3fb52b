/**
 * The start of a file name made from an investigation's name: letters and digits of any script
 * kept, every run of anything else one hyphen, at most 60 characters.
 */
export const fileStem = (name: string): string =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'investigation';
