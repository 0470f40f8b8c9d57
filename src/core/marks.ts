// Where each check's claim sits inside a card's fields, as offsets into the field text, so the card can mark the
// claimed numbers inline. The inverse of `locate`.
import { Check } from './check';
import { Paper, TextField } from './model';

export const MARKED_FIELDS = ['title', 'summary', 'keyFinding', 'numbers'] as const;
export type MarkedField = (typeof MARKED_FIELDS)[number];

export interface Mark {
  field: MarkedField;
  start: number;
  end: number;
  /** Index of the check in the paper's check list. */
  check: number;
}

/** The offset in `field.text` of a source position, or undefined when the position is outside the field. */
export function offsetIn(field: TextField, line: number, column: number): number | undefined {
  const parts = field.parts ?? [{ offset: 0, line: field.range.line, column: field.range.column }];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part.line !== line || column < part.column) continue;
    const offset = part.offset + column - part.column;
    const partEnd = i + 1 < parts.length ? parts[i + 1].offset : field.text.length;
    return offset <= partEnd ? offset : undefined;
  }
  return undefined;
}

export function marksFor(paper: Paper, checks: Check[]): Mark[] {
  const marks: Mark[] = [];
  checks.forEach((check, index) => {
    for (const name of MARKED_FIELDS) {
      const field = paper[name];
      if (!field) continue;
      const start = offsetIn(field, check.range.line, check.range.column);
      const end = offsetIn(field, check.range.endLine, check.range.endColumn);
      if (start === undefined || end === undefined || end <= start) continue;
      marks.push({ field: name, start, end, check: index });
      return;
    }
  });
  return marks;
}
