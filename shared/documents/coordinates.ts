import type { PdfRect } from './document';

/**
 * PDF user space (points, y up) and a rendered page's viewport (CSS pixels, y down) are related by
 * the viewport's affine transform [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f.
 * Excerpts store PDF coordinates, so their highlights survive zoom and rotation.
 */
export type Transform = readonly [number, number, number, number, number, number];
export type ViewportRect = { left: number; top: number; width: number; height: number };

const apply = (t: Transform, x: number, y: number): [number, number] => [
  t[0] * x + t[2] * y + t[4],
  t[1] * x + t[3] * y + t[5],
];

function invert(t: Transform): Transform {
  const determinant = t[0] * t[3] - t[1] * t[2];
  if (determinant === 0) throw new Error('The viewport transform cannot be inverted.');
  return [
    t[3] / determinant,
    -t[1] / determinant,
    -t[2] / determinant,
    t[0] / determinant,
    (t[2] * t[5] - t[3] * t[4]) / determinant,
    (t[1] * t[4] - t[0] * t[5]) / determinant,
  ];
}

const normalised = (x1: number, y1: number, x2: number, y2: number): PdfRect => ({
  x1: Math.min(x1, x2),
  y1: Math.min(y1, y2),
  x2: Math.max(x1, x2),
  y2: Math.max(y1, y2),
});

export function pdfRectFromViewport(rect: ViewportRect, transform: Transform): PdfRect {
  const inverse = invert(transform);
  const [x1, y1] = apply(inverse, rect.left, rect.top);
  const [x2, y2] = apply(inverse, rect.left + rect.width, rect.top + rect.height);
  return normalised(x1, y1, x2, y2);
}

export function viewportRectFromPdf(rect: PdfRect, transform: Transform): ViewportRect {
  const [x1, y1] = apply(transform, rect.x1, rect.y1);
  const [x2, y2] = apply(transform, rect.x2, rect.y2);
  return {
    left: Math.min(x1, x2),
    top: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}
