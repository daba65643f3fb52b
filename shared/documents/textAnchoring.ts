/**
 * Finding text in pages and anchoring excerpts to it. Page text keeps pdf.js's line ends (`\n`), so
 * a search must neither lose a hyphen that ends a line nor require it: `Улан-Удэнский` split as
 * `Улан-\nУдэнский` is found, and so is `designation` split as `designa-\ntion`.
 */
export type TextSpan = { start: number; end: number };

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for `query` that lets a line break (with or without a hyphen before it) fall anywhere. */
function searchPattern(query: string): RegExp | null {
  const chars = [...query.trim().replace(/\s+/g, ' ')];
  if (chars.length === 0) return null;
  const lineBreak = '(?:-?[ \\t]*\\n[ \\t]*)?';
  const body = chars.map((char) => (char === ' ' ? '\\s+' : escape(char))).join(lineBreak);
  return new RegExp(body, 'giu');
}

export function findAll(text: string, query: string, limit = 1000): TextSpan[] {
  const pattern = searchPattern(query);
  if (!pattern) return [];
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    if (spans.length >= limit) break;
  }
  return spans;
}

/** A line of context around a hit, for search results: the text before, the hit, the text after. */
export function snippet(
  text: string,
  span: TextSpan,
  context = 60,
): { before: string; hit: string; after: string } {
  const flat = (value: string) => value.replace(/\s+/g, ' ');
  return {
    before:
      (span.start > context ? '…' : '') +
      flat(text.slice(Math.max(0, span.start - context), span.start)),
    hit: flat(text.slice(span.start, span.end)),
    after:
      flat(text.slice(span.end, span.end + context)) +
      (span.end + context < text.length ? '…' : ''),
  };
}

const QUOTE_CONTEXT = 32;

/** The TextQuoteSelector of a span: its exact text and a little of what comes before and after. */
export function quoteSelector(
  text: string,
  span: TextSpan,
): { exact: string; prefix: string; suffix: string } {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - QUOTE_CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + QUOTE_CONTEXT),
  };
}

/** How many characters two strings share at their ends that meet (prefix: `a` ends like `b`). */
function commonSuffix(a: string, b: string): number {
  let count = 0;
  while (
    count < a.length &&
    count < b.length &&
    a[a.length - 1 - count] === b[b.length - 1 - count]
  )
    count += 1;
  return count;
}
function commonPrefix(a: string, b: string): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count += 1;
  return count;
}

/** Every place `exact` occurs in `text`, as spans. */
function occurrences(text: string, exact: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1))
    spans.push({ start: at, end: at + exact.length });
  return spans;
}

/**
 * Re-finds an excerpt in its page's current text: every place the exact quote occurs is scored by
 * how much of its prefix and suffix match, then by closeness to the stored position. Where the
 * exact text no longer occurs (a new version broke its lines elsewhere), the quote as it reads
 * (`reading`) is looked for, across any line break, and scored the same way. Returns null (an
 * orphan) when neither occurs.
 */
export function anchorQuote(
  text: string,
  quote: { exact: string; prefix: string; suffix: string },
  position?: TextSpan,
  reading?: string,
): TextSpan | null {
  if (!quote.exact) return null;
  let candidates = occurrences(text, quote.exact);
  if (candidates.length === 0 && reading) candidates = findAll(text, reading);
  let best: { span: TextSpan; score: number; distance: number } | null = null;
  for (const span of candidates) {
    const score =
      commonSuffix(
        text.slice(Math.max(0, span.start - quote.prefix.length), span.start),
        quote.prefix,
      ) + commonPrefix(text.slice(span.end, span.end + quote.suffix.length), quote.suffix);
    const distance = position ? Math.abs(position.start - span.start) : 0;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { span, score, distance };
    }
  }
  return best?.span ?? null;
}
