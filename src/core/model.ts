// The paper-card model, defined once with zod (the `mini` build: a fifth of the classic build's bundle cost)
// and shared by the parser, the checker, the CLI, the extension and the webview protocol.
// Positions are zero-based and count UTF-16 code units, like VS Code's `Position`; the CLI adds one.
import * as z from 'zod/mini';

/** A span of source text. `endColumn` is exclusive; for single-line spans `endLine === line`. */
export const SourceRangeSchema = z.object({
  line: z.number().check(z.int(), z.nonnegative()),
  column: z.number().check(z.int(), z.nonnegative()),
  endLine: z.number().check(z.int(), z.nonnegative()),
  endColumn: z.number().check(z.int(), z.nonnegative()),
});
export type SourceRange = z.infer<typeof SourceRangeSchema>;

/**
 * Where each source line of a multi-line field starts inside the joined `text`, so an offset in the text can be
 * mapped back to a line and column (see `locate`).
 */
export const TextPartSchema = z.object({
  offset: z.number().check(z.int(), z.nonnegative()),
  line: z.number().check(z.int(), z.nonnegative()),
  column: z.number().check(z.int(), z.nonnegative()),
});
export type TextPart = z.infer<typeof TextPartSchema>;

export const TextFieldSchema = z.object({
  text: z.string(),
  range: SourceRangeSchema,
  /** Only for fields joined from several lines; a single-line field maps offsets through `range`. */
  parts: z.optional(z.array(TextPartSchema)),
});
export type TextField = z.infer<typeof TextFieldSchema>;

/** A number as written (`raw` keeps trailing zeros, which carry precision) and as read. */
export const NumberFieldSchema = z.object({
  raw: z.string(),
  value: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  range: SourceRangeSchema,
});
export type NumberField = z.infer<typeof NumberFieldSchema>;

export const PaperSchema = z.object({
  /** Position of the card in its file, from 0. */
  index: z.number().check(z.int(), z.nonnegative()),
  title: TextFieldSchema,
  /** The three unlabeled scores, in file order. The file does not say what they measure. */
  scores: z.tuple([NumberFieldSchema, NumberFieldSchema, NumberFieldSchema]),
  citations: z.object({
    raw: z.string(),
    value: z.number().check(z.int(), z.nonnegative()),
    range: SourceRangeSchema,
  }),
  summary: z.optional(TextFieldSchema),
  keyFinding: z.optional(TextFieldSchema),
  /** The text after `Numbers:`; its range covers only that text. */
  numbers: z.optional(TextFieldSchema),
  /** First and last source line of the whole card. */
  range: SourceRangeSchema,
});
export type Paper = z.infer<typeof PaperSchema>;

export const ParseProblemSchema = z.object({
  line: z.number().check(z.int(), z.nonnegative()),
  column: z.number().check(z.int(), z.nonnegative()),
  endColumn: z.number().check(z.int(), z.nonnegative()),
  message: z.string(),
});
export type ParseProblem = z.infer<typeof ParseProblemSchema>;

export interface SeedFile {
  /** The `N papers found` header, when the file has one. */
  declaredCount: NumberField | undefined;
  papers: Paper[];
  problems: ParseProblem[];
  /** The number of source lines, after line endings are normalised. */
  lineCount: number;
}

/** Maps an offset inside a field's text back to a source position. */
export function locate(field: TextField, offset: number): { line: number; column: number } {
  let part: TextPart = { offset: 0, line: field.range.line, column: field.range.column };
  for (const candidate of field.parts ?? []) {
    if (candidate.offset > offset) break;
    part = candidate;
  }
  return { line: part.line, column: part.column + (offset - part.offset) };
}
