/**
 * Layouts: how files with a given header row are read, as the user decided it (columns, header row,
 * date order, decimal comma, default currency). App-wide and free of case data: a header signature
 * and decisions. A layout file carries them to another machine or a colleague; it is hostile input
 * like any file from elsewhere, parsed with a schema and refused whole, with a reason, when wrong.
 */
import { z } from 'zod';
import { headerSignature } from './columnMapping';
import type { Dataset } from './dataset';
import { dayMonthOrders, type DayMonthOrder } from './dates';
import { canonicalFields, type CanonicalField, type ColumnMapping } from './fields';

export type SavedLayout = {
  /** headerSignature(headers): the lookup key, always recomputed from the headers. */
  signature: string;
  headers: string[];
  /** The header's row (a title above it is skipped). */
  headerLine: number;
  mapping: ColumnMapping;
  dayMonthOrder: DayMonthOrder;
  decimalComma: boolean;
  defaultCurrency: string;
  updatedAt: number;
};

/** The layout of a completed import: every decision the user made about how to read the file. */
export const layoutOf = (
  dataset: Pick<
    Dataset,
    'headers' | 'headerLine' | 'mapping' | 'dayMonthOrder' | 'decimalComma' | 'defaultCurrency'
  >,
  updatedAt: number,
): SavedLayout => ({
  signature: headerSignature(dataset.headers),
  headers: dataset.headers,
  headerLine: dataset.headerLine,
  mapping: dataset.mapping,
  dayMonthOrder: dataset.dayMonthOrder,
  decimalComma: dataset.decimalComma,
  defaultCurrency: dataset.defaultCurrency,
  updatedAt,
});

const MAX_COLUMNS = 2_000;
const column = z.number().int().min(0).max(100_000).nullable();

/** Fields added after mappings were first stored: null in older archives and layout files. */
const laterFields: ReadonlySet<CanonicalField> = new Set(['billOfLading']);

/** A column mapping: a column index or null per canonical field. */
export const mappingSchema = z.object(
  Object.fromEntries(
    canonicalFields.map((field) => [field, laterFields.has(field) ? column.default(null) : column]),
  ) as Record<keyof ColumnMapping, typeof column>,
) satisfies z.ZodType<ColumnMapping>;

const layoutSchema = z
  .object({
    headers: z.array(z.string().max(500)).min(1).max(MAX_COLUMNS),
    headerLine: z.number().int().min(1).max(1_000_000),
    mapping: mappingSchema,
    dayMonthOrder: z.enum(dayMonthOrders),
    decimalComma: z.boolean(),
    defaultCurrency: z.string().regex(/^([A-Z]{3})?$/, 'a three-letter currency code or nothing'),
    updatedAt: z.number().int().min(0).max(8.64e15),
  })
  .refine(
    (layout) =>
      Object.values(layout.mapping).every(
        (index) => index === null || index < layout.headers.length,
      ),
    { message: 'a column is mapped beyond the headers', path: ['mapping'] },
  );

const LAYOUTS_FORMAT = 'waybill-layouts';
const MAX_LAYOUTS = 1_000;

const layoutsFileSchema = z.object({
  format: z.literal(LAYOUTS_FORMAT),
  version: z.literal(1),
  layouts: z.array(layoutSchema).max(MAX_LAYOUTS),
});

/** The file a set of layouts is exported as: JSON, nothing but the layouts' decisions. */
export function layoutsFile(layouts: readonly SavedLayout[]): string {
  const file: z.input<typeof layoutsFileSchema> = {
    format: LAYOUTS_FORMAT,
    version: 1,
    layouts: layouts.map(({ signature: _signature, ...layout }) => layout),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

class LayoutFileError extends Error {}

/** Reads a layouts file; throws LayoutFileError naming the first problem (nothing is half-read). */
export function readLayoutsFile(fileName: string, text: string): SavedLayout[] {
  if (text.length > 20 * 1024 * 1024) {
    throw new LayoutFileError(`${fileName}: a layouts file is small; this one is over 20 MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LayoutFileError(`${fileName}: this is not JSON, so not a layouts file`);
  }
  const parsed = layoutsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [top, index, ...rest] = issue.path;
    const where =
      top === 'layouts' && typeof index === 'number'
        ? `layout ${index + 1}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`
        : issue.path.join('.') || 'the file';
    throw new LayoutFileError(
      `${fileName}: not a Waybill layouts file (${where}: ${issue.message})`,
    );
  }
  return parsed.data.layouts.map((layout) => ({
    ...layout,
    signature: headerSignature(layout.headers),
  }));
}
