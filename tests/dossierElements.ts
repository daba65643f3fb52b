import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Every element the dossier's HTML template writes: an element not in this list in an export can
 * only have come from imported data, which must never happen.
 */
export const DOSSIER_ELEMENTS = [
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'strong',
  'em',
  'span',
  'bdi',
  'main',
  'section',
  'article',
  'dl',
  'dt',
  'dd',
  'ol',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'blockquote',
  'pre',
  'code',
  'br',
];

/** Every element[attribute] the template writes. */
export const DOSSIER_ATTRIBUTES = [
  'html[lang]',
  'meta[charset]',
  'meta[http-equiv]',
  'meta[content]',
  'meta[name]',
  'article[class]',
  'article[id]',
  'p[class]',
  'span[class]',
  'ol[class]',
  'li[value]',
  'li[class]',
  'dl[class]',
  'td[class]',
];

/** The kinds of Markdown node the dossier's template writes: the data must add none of its own. */
export const TEMPLATE_NODES = new Set([
  'root',
  'heading',
  'paragraph',
  'text',
  'strong',
  'emphasis',
  'list',
  'listItem',
  'blockquote',
  'break',
  'code',
  'inlineCode',
]);

/** Every kind of node in `markdown`, as a CommonMark parser reads it. */
export function markdownNodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromMarkdown(markdown));
  return types;
}

/** The Markdown as a reader sees it: its text, markup gone. */
export function markdownText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromMarkdown(markdown));
  return parts.join('');
}
