// Parses a literature digest: an optional `N papers found` header, then paper cards separated by blank lines:
//
//   Title
//
//   0.80            three scores, one per line
//   0.80
//   0.90
//   485             the citation count
//
//   Summary paragraph(s)
//
//   Key finding
//
//   The finding
//
//   Numbers: …      optional
//
// Real files vary (CRLF, a BOM, trailing spaces, runs of blank lines, cards without `Key finding` or
// `Numbers:`), so the parser classifies lines and anchors each card on its block of numbers rather than on
// counting blank lines. Nothing here throws: a malformed card becomes a problem with its line, and parsing
// carries on with the next card.
import { NumberField, Paper, ParseProblem, SeedFile, SourceRange, TextField } from './model';

/**
 * The non-blank lines of a file, trimmed, as parallel arrays: `text[i]` starts at column `column[i]` of source line
 * `row[i]`. Arrays of numbers instead of an object per line keep a 100,000-card file from allocating a million
 * short-lived objects (which made parsing slow down as files grew).
 */
interface Lines {
  text: string[];
  row: number[];
  column: number[];
  kind: Uint8Array;
}

const enum Kind {
  Text,
  Header,
  Numeric,
  KeyLabel,
  NumbersLabel,
}

const HEADER = /^(\d{1,3}(?:,\d{3})+|\d+)\s+papers?\s+found\b/i;
const KEY_LABEL = /^key\s+findings?\s*:?$/i;
const NUMBERS_LABEL = /^numbers\s*:/i;
/** Short single tokens with a digit (`0.80`, `485`, `1,312`, `0.8o`): the score block, valid or not. */
const NUMERIC_ISH = /^[^\s]{1,16}$/;
const HAS_DIGIT = /\d/;
const SCORE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const COUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

function isSpace(code: number): boolean {
  // The characters String.prototype.trim removes that occur in text files.
  return code === 32 || code === 9 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x1680;
}

/** One pass over the text that slices each non-blank line once (splitting first and trimming after was 2× slower). */
function scanLines(source: string): { lines: Lines; lineCount: number } {
  const text: string[] = [];
  const row: number[] = [];
  const column: number[] = [];
  const length = source.length;
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let index = 0;
  // Native searches for the next \n and \r (a line ends at either) instead of a loop over every character.
  let nextLf = source.indexOf('\n', start);
  let nextCr = source.indexOf('\r', start);
  for (;;) {
    if (nextLf !== -1 && nextLf < start) nextLf = source.indexOf('\n', start);
    if (nextCr !== -1 && nextCr < start) nextCr = source.indexOf('\r', start);
    const end = Math.min(nextLf === -1 ? length : nextLf, nextCr === -1 ? length : nextCr);
    let from = start;
    let to = end;
    while (from < to && isSpace(source.charCodeAt(from))) from++;
    while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
    if (to > from) {
      text.push(source.slice(from, to));
      row.push(index);
      column.push(from - start);
    }
    if (end >= length) break;
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    index++;
  }
  const kind = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) kind[i] = classify(text[i], i === 0);
  return { lines: { text, row, column, kind }, lineCount: index + 1 };
}

function classify(t: string, isFirstContent: boolean): Kind {
  if (isFirstContent && HEADER.test(t)) return Kind.Header;
  if (KEY_LABEL.test(t)) return Kind.KeyLabel;
  if (NUMBERS_LABEL.test(t)) return Kind.NumbersLabel;
  if (NUMERIC_ISH.test(t) && HAS_DIGIT.test(t) && !/[a-z]{2}/i.test(t)) return Kind.Numeric;
  return Kind.Text;
}

function lineRange(lines: Lines, i: number, from = 0, to = lines.text[i].length): SourceRange {
  const row = lines.row[i];
  return { line: row, column: lines.column[i] + from, endLine: row, endColumn: lines.column[i] + to };
}

/** Joins lines `from`…`to - 1` into one field; lines of one paragraph join with a space, paragraphs with a blank line. */
function textField(lines: Lines, from: number, to: number): TextField {
  const last = to - 1;
  const range = { line: lines.row[from], column: lines.column[from], endLine: lines.row[last], endColumn: lines.column[last] + lines.text[last].length };
  if (to - from === 1) return { text: lines.text[from], range };
  let text = '';
  const parts: NonNullable<TextField['parts']> = [];
  for (let i = from; i < to; i++) {
    if (i > from) text += lines.row[i] === lines.row[i - 1] + 1 ? ' ' : '\n\n';
    parts.push({ offset: text.length, line: lines.row[i], column: lines.column[i] });
    text += lines.text[i];
  }
  return { text, range, parts };
}

function numberField(lines: Lines, i: number): NumberField {
  const raw = lines.text[i];
  return { raw, value: Number(raw.indexOf(',') === -1 ? raw : raw.replace(/,/g, '')), range: lineRange(lines, i) };
}

function problemAt(lines: Lines, i: number, message: string): ParseProblem {
  return { line: lines.row[i], column: lines.column[i], endColumn: lines.column[i] + lines.text[i].length, message };
}

/** True when the first non-blank line is an `N papers found` header: how seed files outside the glob are found. */
export function hasSeedHeader(text: string): boolean {
  const { lines } = scanLines(text.slice(0, 1024));
  return lines.text.length > 0 && lines.kind[0] === Kind.Header;
}

export function parseSeed(source: string): SeedFile {
  const { lines, lineCount } = scanLines(source);
  const { kind } = lines;
  const count = kind.length;

  const problems: ParseProblem[] = [];
  let declaredCount: NumberField | undefined;
  let cursor = 0;
  if (kind[0] === Kind.Header) {
    const match = HEADER.exec(lines.text[0])!;
    declaredCount = { raw: match[1], value: Number(match[1].replace(/,/g, '')), range: lineRange(lines, 0, 0, match[1].length) };
    cursor = 1;
  }

  // A card starts at a title block whose next content is a numeric block. The title is the text line right
  // above the numbers and any text lines directly above it in the source (one paragraph).
  const cardStarts: number[] = [];
  for (let i = cursor; i < count; i++) {
    if (kind[i] !== Kind.Numeric || (i > 0 && kind[i - 1] === Kind.Numeric)) continue;
    let titleStart = i;
    if (titleStart - 1 >= cursor && kind[titleStart - 1] === Kind.Text) {
      titleStart--;
      while (titleStart - 1 >= cursor && kind[titleStart - 1] === Kind.Text && lines.row[titleStart - 1] === lines.row[titleStart] - 1) titleStart--;
    }
    if (titleStart === i) {
      problems.push(problemAt(lines, i, `Numbers without a title: expected a title line before the scores at line ${lines.row[i] + 1}.`));
      continue;
    }
    cardStarts.push(titleStart);
  }

  if (cardStarts.length === 0 && count > cursor) {
    problems.push(problemAt(lines, cursor, 'No paper cards found: a card is a title followed by three scores and a citation count.'));
  } else if (cardStarts.length > 0 && cardStarts[0] > cursor) {
    problems.push(problemAt(lines, cursor, 'Text before the first card is ignored.'));
  }

  const papers: Paper[] = [];
  for (let c = 0; c < cardStarts.length; c++) {
    const end = c + 1 < cardStarts.length ? cardStarts[c + 1] : count;
    const paper = parseCard(lines, cardStarts[c], end, papers.length, problems);
    if (paper) papers.push(paper);
  }
  return { declaredCount, papers, problems, lineCount };
}

function parseCard(lines: Lines, start: number, end: number, index: number, problems: ParseProblem[]): Paper | undefined {
  const { kind, text: texts } = lines;
  let i = start;
  while (i < end && kind[i] === Kind.Text) i++;
  const title = textField(lines, start, i);
  const scoresStart = i;
  while (i < end && kind[i] === Kind.Numeric) i++;
  const scoreCount = i - scoresStart;
  const where = () => `Card "${shorten(title.text)}" (line ${lines.row[start] + 1})`;

  if (scoreCount !== 4) {
    problems.push(problemAt(lines, scoresStart, `${where()}: expected three scores and a citation count on four lines, found ${scoreCount} number line${scoreCount === 1 ? '' : 's'}.`));
    return undefined;
  }
  for (let s = 0; s < 3; s++) {
    if (!SCORE.test(texts[scoresStart + s])) {
      problems.push(problemAt(lines, scoresStart + s, `${where()}: score ${s + 1} "${texts[scoresStart + s]}" is not a number.`));
      return undefined;
    }
  }
  if (!COUNT.test(texts[scoresStart + 3])) {
    problems.push(problemAt(lines, scoresStart + 3, `${where()}: the citation count "${texts[scoresStart + 3]}" is not a whole number.`));
    return undefined;
  }

  // Sections are runs of lines: the summary until "Key finding", the finding until "Numbers:".
  let summary: [number, number] | undefined;
  let finding: [number, number] | undefined;
  let numbers: TextField | undefined;
  let section: 'summary' | 'finding' | 'after' = 'summary';
  let runStart = i;
  const close = (upTo: number) => {
    if (upTo <= runStart) return;
    if (section === 'summary') summary = [runStart, upTo];
    else if (section === 'finding') finding = [runStart, upTo];
  };
  for (; i < end; i++) {
    const k = kind[i];
    if (k === Kind.KeyLabel) {
      if (section !== 'summary') {
        problems.push(problemAt(lines, i, `Card "${shorten(title.text)}": a second "Key finding" label is read as text of the finding.`));
        continue;
      }
      close(i);
      section = 'finding';
      runStart = i + 1;
    } else if (k === Kind.NumbersLabel) {
      if (numbers) {
        problems.push(problemAt(lines, i, `Card "${shorten(title.text)}": a second "Numbers:" line is ignored.`));
        continue;
      }
      close(i);
      const line = texts[i];
      const label = NUMBERS_LABEL.exec(line)![0].length;
      const valueStart = line.length - line.slice(label).trimStart().length;
      const column = lines.column[i] + valueStart;
      const value = line.slice(valueStart);
      numbers = { text: value, range: { line: lines.row[i], column, endLine: lines.row[i], endColumn: column + value.length } };
      section = 'after';
      runStart = i + 1;
    } else if (section === 'after') {
      problems.push(problemAt(lines, i, `Card "${shorten(title.text)}": text after the "Numbers:" line is ignored.`));
    }
  }
  close(end);

  const last = end - 1;
  const paper: Paper = {
    index,
    title,
    scores: [numberField(lines, scoresStart), numberField(lines, scoresStart + 1), numberField(lines, scoresStart + 2)],
    citations: numberField(lines, scoresStart + 3),
    summary: summary && textField(lines, summary[0], summary[1]),
    keyFinding: finding && textField(lines, finding[0], finding[1]),
    numbers,
    range: { line: lines.row[start], column: 0, endLine: lines.row[last], endColumn: lines.column[last] + texts[last].length },
  };
  // Every field was checked above with the same rules PaperSchema states, so the hot path does not run zod
  // again per card (it tripled the parse time); the tests hold the parser's output to PaperSchema.
  return paper;
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
