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

interface Line {
  /** Zero-based line number. */
  index: number;
  /** The line without surrounding whitespace. */
  text: string;
  /** Column where `text` starts. */
  column: number;
}

type LineKind = 'header' | 'numeric' | 'keyLabel' | 'numbers' | 'text';

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

/**
 * The non-blank lines of a file, trimmed, with their line numbers and start columns. One pass over the text that
 * slices each line once: splitting first and trimming after doubled the parse time on large digests.
 */
function scanLines(source: string): { lines: Line[]; lineCount: number } {
  const lines: Line[] = [];
  const length = source.length;
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let index = 0;
  for (;;) {
    let end = start;
    while (end < length) {
      const code = source.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    let from = start;
    let to = end;
    while (from < to && isSpace(source.charCodeAt(from))) from++;
    while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
    if (to > from) lines.push({ index, text: source.slice(from, to), column: from - start });
    if (end >= length) break;
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    index++;
  }
  return { lines, lineCount: index + 1 };
}

function classify(line: Line, isFirstContent: boolean): LineKind {
  const t = line.text;
  if (isFirstContent && HEADER.test(t)) return 'header';
  if (KEY_LABEL.test(t)) return 'keyLabel';
  if (NUMBERS_LABEL.test(t)) return 'numbers';
  if (NUMERIC_ISH.test(t) && HAS_DIGIT.test(t) && !/[a-z]{2}/i.test(t)) return 'numeric';
  return 'text';
}

function lineRange(line: Line, from = 0, to = line.text.length): SourceRange {
  return { line: line.index, column: line.column + from, endLine: line.index, endColumn: line.column + to };
}

/** Joins consecutive lines into one field; lines of one paragraph join with a space, paragraphs with a blank line. */
function textField(lines: Line[]): TextField {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const range = { line: first.index, column: first.column, endLine: last.index, endColumn: last.column + last.text.length };
  if (lines.length === 1) return { text: first.text, range };
  let text = '';
  const parts: NonNullable<TextField['parts']> = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous) text += line.index === previous.index + 1 ? ' ' : '\n\n';
    parts.push({ offset: text.length, line: line.index, column: line.column });
    text += line.text;
    previous = line;
  }
  return { text, range, parts };
}

function numberField(line: Line): NumberField {
  const raw = line.text;
  return { raw, value: Number(raw.indexOf(',') === -1 ? raw : raw.replace(/,/g, '')), range: lineRange(line) };
}

function problemAt(line: Line, message: string): ParseProblem {
  return { line: line.index, column: line.column, endColumn: line.column + line.text.length, message };
}

/** True when the first non-blank line is an `N papers found` header: how seed files outside the glob are found. */
export function hasSeedHeader(text: string): boolean {
  const first = scanLines(text.slice(0, 1024)).lines[0];
  return first !== undefined && HEADER.test(first.text);
}

export function parseSeed(source: string): SeedFile {
  const { lines, lineCount } = scanLines(source);
  const kinds: LineKind[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) kinds[i] = classify(lines[i], i === 0);

  const problems: ParseProblem[] = [];
  let declaredCount: NumberField | undefined;
  let cursor = 0;
  if (kinds[0] === 'header') {
    const match = HEADER.exec(lines[0].text)!;
    declaredCount = { raw: match[1], value: Number(match[1].replace(/,/g, '')), range: lineRange(lines[0], 0, match[1].length) };
    cursor = 1;
  }

  // A card starts at a title block (consecutive text lines) whose next content is a numeric block.
  const cardStarts: number[] = [];
  for (let i = cursor; i < lines.length; i++) {
    if (kinds[i] !== 'numeric' || (i > 0 && kinds[i - 1] === 'numeric')) continue;
    let titleStart = i;
    while (titleStart - 1 >= cursor && kinds[titleStart - 1] === 'text' && isSameBlock(lines, titleStart - 1, i)) titleStart--;
    if (titleStart === i) {
      problems.push(problemAt(lines[i], `Numbers without a title: expected a title line before the scores at line ${lines[i].index + 1}.`));
      continue;
    }
    cardStarts.push(titleStart);
  }

  if (cardStarts.length === 0 && lines.length > cursor) {
    problems.push(problemAt(lines[cursor], 'No paper cards found: a card is a title followed by three scores and a citation count.'));
  } else if (cardStarts.length > 0 && cardStarts[0] > cursor) {
    problems.push(problemAt(lines[cursor], 'Text before the first card is ignored.'));
  }

  const papers: Paper[] = [];
  for (let c = 0; c < cardStarts.length; c++) {
    const end = c + 1 < cardStarts.length ? cardStarts[c + 1] : lines.length;
    const paper = parseCard(lines, kinds, cardStarts[c], end, papers.length, problems);
    if (paper) papers.push(paper);
  }
  return { declaredCount, papers, problems, lineCount };
}

/** The title block is the run of text lines directly above the scores, with at most one blank line between them. */
function isSameBlock(lines: Line[], candidate: number, numericStart: number): boolean {
  // Lines between candidate and numericStart are text lines already accepted; allow the title to be one
  // paragraph: consecutive source lines, or the single line right above the blank before the scores.
  const next = lines[candidate + 1];
  if (candidate + 1 === numericStart) return true;
  return next.index === lines[candidate].index + 1;
}

function parseCard(lines: Line[], kinds: LineKind[], start: number, end: number, index: number, problems: ParseProblem[]): Paper | undefined {
  let i = start;
  const titleLines: Line[] = [];
  while (i < end && kinds[i] === 'text') titleLines.push(lines[i++]);
  const scoreLines: Line[] = [];
  while (i < end && kinds[i] === 'numeric') scoreLines.push(lines[i++]);
  const title = textField(titleLines);
  const titleLine = titleLines[0].index + 1;

  if (scoreLines.length !== 4) {
    problems.push(problemAt(scoreLines[0], `Card "${shorten(title.text)}" (line ${titleLine}): expected three scores and a citation count on four lines, found ${scoreLines.length} number line${scoreLines.length === 1 ? '' : 's'}.`));
    return undefined;
  }
  for (let s = 0; s < 3; s++) {
    if (!SCORE.test(scoreLines[s].text)) {
      problems.push(problemAt(scoreLines[s], `Card "${shorten(title.text)}" (line ${titleLine}): score ${s + 1} "${scoreLines[s].text}" is not a number.`));
      return undefined;
    }
  }
  if (!COUNT.test(scoreLines[3].text)) {
    problems.push(problemAt(scoreLines[3], `Card "${shorten(title.text)}" (line ${titleLine}): the citation count "${scoreLines[3].text}" is not a whole number.`));
    return undefined;
  }

  const summaryLines: Line[] = [];
  const findingLines: Line[] = [];
  let numbers: TextField | undefined;
  let section: 'summary' | 'finding' | 'after' = 'summary';
  for (; i < end; i++) {
    const line = lines[i];
    switch (kinds[i]) {
      case 'keyLabel':
        if (section !== 'summary') problems.push(problemAt(line, `Card "${shorten(title.text)}": a second "Key finding" label is ignored.`));
        else section = 'finding';
        break;
      case 'numbers': {
        if (numbers) {
          problems.push(problemAt(line, `Card "${shorten(title.text)}": a second "Numbers:" line is ignored.`));
          break;
        }
        const label = NUMBERS_LABEL.exec(line.text)![0];
        const valueStart = label.length + (line.text.length - label.length - line.text.slice(label.length).trimStart().length);
        const value: Line = { index: line.index, text: line.text.slice(valueStart), column: line.column + valueStart };
        numbers = textField([value]);
        section = 'after';
        break;
      }
      default:
        if (section === 'summary') summaryLines.push(line);
        else if (section === 'finding') findingLines.push(line);
        else problems.push(problemAt(line, `Card "${shorten(title.text)}": text after the "Numbers:" line is ignored.`));
    }
  }

  const paper: Paper = {
    index,
    title,
    scores: [numberField(scoreLines[0]), numberField(scoreLines[1]), numberField(scoreLines[2])],
    citations: numberField(scoreLines[3]),
    summary: summaryLines.length ? textField(summaryLines) : undefined,
    keyFinding: findingLines.length ? textField(findingLines) : undefined,
    numbers,
    range: { line: titleLines[0].index, column: 0, endLine: lines[end - 1].index, endColumn: lines[end - 1].column + lines[end - 1].text.length },
  };
  // Every field was checked above with the same rules PaperSchema states, so the hot path does not run zod
  // again per card (it tripled the parse time); the tests hold the parser's output to PaperSchema.
  return paper;
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
