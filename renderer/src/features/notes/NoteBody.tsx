import { useMemo } from 'react';
import { parseNoteBody, type NoteBlock, type NoteInline } from '#shared/notes/markdownSubset';

function Inline({ node }: { node: NoteInline }) {
  switch (node.type) {
    case 'text':
      return <>{node.text}</>;
    case 'emphasis':
      return (
        <em>
          {node.children.map((child, index) => (
            <Inline key={index} node={child} />
          ))}
        </em>
      );
    case 'strong':
      return (
        <strong>
          {node.children.map((child, index) => (
            <Inline key={index} node={child} />
          ))}
        </strong>
      );
    case 'code':
      return <code>{node.text}</code>;
    case 'break':
      return <br />;
  }
}

function Block({ node }: { node: NoteBlock }) {
  switch (node.type) {
    case 'paragraph':
      return (
        <p>
          {node.children.map((child, index) => (
            <Inline key={index} node={child} />
          ))}
        </p>
      );
    case 'list': {
      const items = node.items.map((item, index) => (
        <li key={index}>
          {item.map((child, at) => (
            <Block key={at} node={child} />
          ))}
        </li>
      ));
      return node.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          {node.children.map((child, index) => (
            <Block key={index} node={child} />
          ))}
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{node.text}</code>
        </pre>
      );
  }
}

/** A note's body in the Markdown subset, rendered element by element: its text is never markup. */
export function NoteBody({ markdown }: { markdown: string }) {
  const blocks = useMemo(() => parseNoteBody(markdown), [markdown]);
  return (
    <div className="note-body">
      {blocks.map((block, index) => (
        <Block key={index} node={block} />
      ))}
    </div>
  );
}
