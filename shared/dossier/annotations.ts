/**
 * The cited excerpts as W3C Web Annotations (JSON-LD), for annotation tools: each targets its PDF by
 * SHA-256. Two selectors, each enough alone: the page as a FragmentSelector (RFC 3778's `page=N`)
 * refined by a TextPositionSelector (offsets into the page's stored text), and the quote with its
 * context as a TextQuoteSelector. `created` is when the excerpt was cut.
 */
import type { Dossier } from './model';

export function renderAnnotations(dossier: Dossier): string {
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: `${dossier.title}: cited excerpts`,
    total: dossier.excerpts.length,
    first: {
      type: 'AnnotationPage',
      items: dossier.excerpts.map((excerpt) => ({
        id: `urn:waybill:excerpt:${excerpt.documentSha256}:${excerpt.id}`,
        type: 'Annotation',
        motivation: 'highlighting',
        created: excerpt.createdAt,
        ...(excerpt.comment
          ? { body: { type: 'TextualBody', value: excerpt.comment, format: 'text/plain' } }
          : {}),
        target: {
          source: `urn:sha256:${excerpt.documentSha256}`,
          selector: [
            {
              type: 'FragmentSelector',
              conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
              value: `page=${excerpt.page}`,
              refinedBy: {
                type: 'TextPositionSelector',
                start: excerpt.position.start,
                end: excerpt.position.end,
              },
            },
            {
              type: 'TextQuoteSelector',
              exact: excerpt.quote,
              prefix: excerpt.prefix,
              suffix: excerpt.suffix,
            },
          ],
        },
      })),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
