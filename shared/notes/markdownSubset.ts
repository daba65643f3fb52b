/**
 * The handbook's Markdown subset for note bodies: emphasis, lists, quotes and code. Parsed by
 * mdast-util-from-markdown into a tree that the UI renders element by element; raw HTML, images
 * and links come out as plain text, so nothing in a note ever becomes markup or a request.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';

export type NoteBlock =
  | { type: 'paragraph'; children: NoteInline[] }
  | { type: 'list'; ordered: boolean; items: NoteBlock[][] }
  | { type: 'quote'; children: NoteBlock[] }
  | { type: 'code'; text: string };

export type NoteInline =
  | { type: 'text'; text: string }
  | { type: 'emphasis' | 'strong'; children: NoteInline[] }
  | { type: 'code'; text: string }
  | { type: 'break' };

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

function inline(node: Nodes): NoteInline[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', text: node.value }];
    case 'emphasis':
    case 'strong':
      return [{ type: node.type, children: node.children.flatMap(inline) }];
    case 'inlineCode':
      return [{ type: 'code', text: node.value }];
    case 'break':
      return [{ type: 'break' }];
    case 'link':
      // Shown as text with its address, never as a link.
      return [{ type: 'text', text: `${textOf(node)} (${node.url})` }];
    default:
      return [{ type: 'text', text: 'value' in node ? String(node.value) : textOf(node) }];
  }
}

function blocks(node: Nodes): NoteBlock[] {
  switch (node.type) {
    case 'root':
      return node.children.flatMap(blocks);
    case 'paragraph':
      return [{ type: 'paragraph', children: node.children.flatMap(inline) }];
    case 'heading':
      return [
        {
          type: 'paragraph',
          children: [{ type: 'strong', children: node.children.flatMap(inline) }],
        },
      ];
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered ?? false,
          items: node.children.map((item) => item.children.flatMap(blocks)),
        },
      ];
    case 'blockquote':
      return [{ type: 'quote', children: node.children.flatMap(blocks) }];
    case 'code':
      return [{ type: 'code', text: node.value }];
    case 'html':
      return [{ type: 'paragraph', children: [{ type: 'text', text: node.value }] }];
    case 'thematicBreak':
      return [];
    default:
      return [{ type: 'paragraph', children: [{ type: 'text', text: textOf(node) }] }];
  }
}

export function parseNoteBody(markdown: string): NoteBlock[] {
  const tree: Root = fromMarkdown(markdown);
  return blocks(tree);
}
