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
import { NumberField, Paper, PaperSchema, ParseProblem, SeedFile, SourceRange, TextField } from './model';

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

/** Splits text into lines the way VS Code numbers them, dropping a leading byte-order mark. */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/);
}

function toLine(raw: string, index: number): Line {
  const start = raw.length - raw.trimStart().length;
  return { index, text: raw.trim(), column: start };
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
  let text = '';
  const parts: TextField['parts'] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous) text += line.index === previous.index + 1 ? ' ' : '\n\n';
    parts.push({ offset: text.length, line: line.index, column: line.column });
    text += line.text;
    previous = line;
  }
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    text,
    parts,
    range: { line: first.index, column: first.column, endLine: last.index, endColumn: last.column + last.text.length },
  };
}

function numberField(line: Line): NumberField {
  return { raw: line.text, value: Number(line.text.replace(/,/g, '')), range: lineRange(line) };
}

function problemAt(line: Line, message: string): ParseProblem {
  return { line: line.index, column: line.column, endColumn: line.column + line.text.length, message };
}

/** True when the first non-blank line is an `N papers found` header: how seed files outside the glob are found. */
export function hasSeedHeader(text: string): boolean {
  const firstLine = splitLines(text.slice(0, 1024)).find((l) => l.trim() !== '');
  return firstLine !== undefined && HEADER.test(firstLine.trim());
}

export function parseSeed(source: string): SeedFile {
  const rawLines = splitLines(source);
  const lines: Line[] = [];
  const kinds: LineKind[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const line = toLine(rawLines[i], i);
    if (line.text === '') continue;
    kinds.push(classify(line, lines.length === 0));
    lines.push(line);
  }

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
  return { declaredCount, papers, problems, lineCount: rawLines.length };
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
  const checked = PaperSchema.safeParse(paper);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    problems.push(problemAt(titleLines[0], `Card "${shorten(title.text)}": ${issue.path.join('.')} ${issue.message}.`));
    return undefined;
  }
  return paper;
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
