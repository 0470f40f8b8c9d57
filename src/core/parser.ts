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
 * `row[i]`, which starts at offset `lineStart[i]` of the whole text. Arrays of numbers instead of an object per line
 * keep a 100,000-card file from allocating a million short-lived objects (which made parsing slow down as files
 * grew).
 */
interface Lines {
  text: string[];
  row: number[];
  column: number[];
  /** Where the source line starts in the whole text (a lazy paper slices its card from there). */
  lineStart: number[];
  kind: Kind[];
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
const POINT_OR_COMMA = /[.,]/;

function isSpace(code: number): boolean {
  // The characters String.prototype.trim removes that occur in text files.
  return code === 32 || code === 9 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x1680;
}

/**
 * One pass over the text that slices each non-blank line once (splitting first and trimming after was 2× slower),
 * appending to `into`; rows count from `firstRow`, and `source` starts at offset `base` of the whole text. Returns
 * the number of lines (line breaks + 1).
 */
function scanLines(source: string, into: Lines, firstRow: number, atFileStart: boolean, base: number): number {
  const { text, row, column, lineStart } = into;
  const length = source.length;
  let start = atFileStart && source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let index = firstRow;
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
      lineStart.push(base + start);
    }
    if (end >= length) break;
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    index++;
  }
  return index - firstRow + 1;
}

const emptyLines = (): Lines => ({ text: [], row: [], column: [], lineStart: [], kind: [] });

/** Every array of `lines`, to remove lines from all of them at once. */
const columnsOf = (lines: Lines): unknown[][] => [lines.text, lines.row, lines.column, lines.lineStart, lines.kind];

/** A citation count's or header's number: `1,312` → 1312. */
function countValue(raw: string): number {
  return Number(raw.indexOf(',') === -1 ? raw : raw.replace(/,/g, ''));
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
  return { raw, value: countValue(raw), range: lineRange(lines, i) };
}

function problemAt(lines: Lines, i: number, message: string): ParseProblem {
  return { line: lines.row[i], column: lines.column[i], endColumn: lines.column[i] + lines.text[i].length, message };
}

/** True when the first non-blank line is an `N papers found` header: how seed files outside the glob are found. */
export function hasSeedHeader(text: string): boolean {
  const lines = emptyLines();
  scanLines(text.slice(0, 1024), lines, 0, true, 0);
  return lines.text.length > 0 && classify(lines.text[0], true) === Kind.Header;
}

export interface ReaderOptions {
  /** The whole text the pieces come from: papers are then lazy (see `LazyPaper`) instead of built at once. */
  lazyFrom?: string;
  /** Reading cards again: the source line the first starts on and its index; the text has no header. */
  card?: { line: number; index: number };
}

/** Everything a parse finds except the papers themselves, which `SeedReader` hands out one at a time. */
export type SeedOutline = Omit<SeedFile, 'papers'> & { paperCount: number };

/**
 * Parses a seed file that arrives in pieces, handing each paper to `onPaper` as soon as the next card's start shows
 * it is complete, and keeping only the lines of the card still open. Memory stays bounded by the longest card, not
 * the file, which is how `paper-claims verify` checks digests of any size. `parseSeed` uses it too, so
 * both give the same papers and problems.
 *
 * Every piece but the last must end with a line break (`\n`): see `textChunks`.
 */
export class SeedReader {
  /** The lines not yet handed out: from the start of the card still open (or of the file, before the first card). */
  private readonly lines = emptyLines();
  /** Lines of `lines` already looked at for card starts. */
  private examined = 0;
  /** Card starts found in `lines`; all but the last begin a card that the next start has closed. */
  private starts: number[] = [];
  /** Source lines before the next piece. */
  private rowsBefore = 0;
  private started = false;
  /** Whether a non-blank line has been read: only the first one can be the header. */
  private contentSeen = false;
  private cardSeen = false;
  private papers = 0;
  private readonly problems: ParseProblem[] = [];
  private declaredCount: NumberField | undefined;
  /** Characters of the whole text before the next piece. */
  private charsBefore = 0;
  private readonly firstIndex: number;
  private readonly lazyFrom: string | undefined;
  /** The block of lazy papers being filled. */
  private block: LazyBlock | undefined;
  /** Reading cards again: their text does not start the file, so a U+FEFF there is not a byte-order mark. */
  private readonly rereading: boolean;

  constructor(
    private readonly onPaper: (paper: Paper) => void,
    options: ReaderOptions = {},
  ) {
    this.lazyFrom = options.lazyFrom;
    this.firstIndex = options.card?.index ?? 0;
    this.rereading = options.card !== undefined;
    if (options.card) {
      this.rowsBefore = options.card.line;
      this.contentSeen = true; // a card's text has no header
    }
  }

  push(piece: string): void {
    const lines = this.lines;
    const before = lines.text.length;
    this.rowsBefore += scanLines(piece, lines, this.rowsBefore, !this.started && !this.rereading, this.charsBefore) - 1;
    this.charsBefore += piece.length;
    this.started = true;
    for (let i = before; i < lines.text.length; i++) lines.kind.push(classify(lines.text[i], !this.contentSeen && i === before));
    if (!this.contentSeen && lines.text.length > before) {
      this.contentSeen = true;
      if (lines.kind[before] === Kind.Header) {
        // The header is not part of any card: read it and drop its line.
        const match = HEADER.exec(lines.text[before])!;
        this.declaredCount = { raw: match[1], value: countValue(match[1]), range: lineRange(lines, before, 0, match[1].length) };
        for (const column of columnsOf(lines)) column.splice(before, 1);
      }
    }
    this.findStarts(false);
    this.emitClosedCards(false);
  }

  /** Ends the file: the card still open is complete. */
  end(): SeedOutline {
    this.rowsBefore++;
    this.findStarts(true);
    this.emitClosedCards(true);
    return { declaredCount: this.declaredCount, problems: this.problems.sort(byPosition), lineCount: this.rowsBefore, paperCount: this.papers };
  }

  /**
   * A card starts at a title block whose next content is a numeric block. The title is the text line right above
   * the numbers and any text lines directly above it in the source (one paragraph). A start depends on the lines
   * above it and on the line after it (see `scoreLikeTitle`), so each line is looked at once, when the next one has
   * arrived (at the end, the last one too).
   */
  private findStarts(atEnd: boolean): void {
    const { kind, row } = this.lines;
    // Reading cards again, the last line ends a paper's card, so it starts none, whatever came after it in the file
    // (a score-like line is a title only when the numbers after it have arrived).
    const last = atEnd && !this.rereading ? kind.length : kind.length - 1;
    for (let i = this.examined; i < last; i++) {
      if (kind[i] !== Kind.Numeric) continue;
      const afterNumbers = i > 0 && kind[i - 1] === Kind.Numeric;
      if (afterNumbers && row[i - 1] === row[i] - 1) continue;
      if (scoreLikeTitle(this.lines, i)) {
        kind[i] = Kind.Text; // the next line starts the card, with this one as (the end of) its title
        continue;
      }
      // After a blank line, numbers still continue the ones above, unless they are a score-like title (above): the
      // card before may end with its citation count (no summary, finding or Numbers line).
      if (afterNumbers) continue;
      let titleStart = i;
      if (titleStart - 1 >= 0 && kind[titleStart - 1] === Kind.Text) {
        titleStart--;
        while (titleStart - 1 >= 0 && kind[titleStart - 1] === Kind.Text && row[titleStart - 1] === row[titleStart] - 1) titleStart--;
      }
      if (titleStart === i) {
        this.problems.push(problemAt(this.lines, i, `Numbers without a title: expected a title line before the scores at line ${row[i] + 1}.`));
        continue;
      }
      if (!this.cardSeen && titleStart > 0) this.problems.push(problemAt(this.lines, 0, 'Text before the first card is ignored.'));
      this.cardSeen = true;
      this.starts.push(titleStart);
    }
    this.examined = Math.max(this.examined, last);
  }

  /** Parses and hands out every closed card (at the end, the last one too) and forgets their lines. */
  private emitClosedCards(atEnd: boolean): void {
    const { starts, lines } = this;
    const count = lines.text.length;
    if (atEnd && starts.length === 0 && count > 0) {
      this.problems.push(problemAt(lines, 0, 'No paper cards found: a card is a title followed by three scores and a citation count.'));
    }
    const closed = atEnd ? starts.length : starts.length - 1;
    if (closed <= 0) return;
    for (let c = 0; c < closed; c++) {
      const end = c + 1 < starts.length ? starts[c + 1] : count;
      const layout = readCard(lines, starts[c], end, this.problems);
      if (layout) {
        const index = this.firstIndex + this.papers++;
        this.onPaper(this.lazyFrom === undefined ? buildPaper(lines, layout, index) : this.lazyPaper(this.lazyFrom, layout, index));
      }
    }
    // Keep the lines from the open card's start on (none at the end).
    const keep = atEnd ? count : starts[closed];
    for (const column of columnsOf(lines)) dropFirst(column, keep);
    this.starts = atEnd ? [] : [0];
    this.examined -= keep;
  }

  /** The lazy paper for a card, in the block being filled (or a new one). */
  private lazyPaper(source: string, layout: CardLayout, index: number): Paper {
    const lines = this.lines;
    if (!this.block || this.block.papers.length === BLOCK_SIZE) this.block = new LazyBlock(source, lines.lineStart[layout.start], lines.row[layout.start]);
    const paper = new LazyPaper(index, this.block, lines, layout);
    const last = layout.end - 1;
    this.block.papers.push(paper);
    this.block.to = lines.lineStart[last] + lines.column[last] + lines.text[last].length;
    return paper;
  }
}

/**
 * Whether the numeric-looking line `i`, which starts a run of numeric lines, is a title such as `T5` or `v2`: a
 * token that is neither a score nor a count, nor has the point or comma of a damaged one (`0.7O`, `O.6x`), with a
 * blank line between it and the numbers after it. Why: scores sit on consecutive lines and a title is followed by a
 * blank line, so `T5` read as a score made its card "numbers without a title"; in a double-spaced file a damaged
 * first score has a blank line after it too.
 */
function scoreLikeTitle(lines: Lines, i: number): boolean {
  const next = i + 1;
  const text = lines.text[i];
  return next < lines.kind.length && lines.kind[next] === Kind.Numeric && lines.row[next] > lines.row[i] + 1 && !POINT_OR_COMMA.test(text) && !SCORE.test(text) && !COUNT.test(text);
}

/** Removes the first `count` items in place (`splice` would also build an array of the removed ones). */
function dropFirst(items: unknown[], count: number): void {
  items.copyWithin(0, count);
  items.length -= count;
}

/** Problems in source order (they are found in two passes: card starts, then each card). */
function byPosition(a: ParseProblem, b: ParseProblem): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Parses a whole file. The text goes to `SeedReader` in 64 KB pieces rather than in one: in one piece, every line of
 * the file is sliced and classified before the first card is built, and those million short-lived lines outlive
 * the young generation, which made parsing 100,000 cards twice as slow.
 */
export function parseSeed(source: string, options: ParseOptions = {}): SeedFile {
  const whole = wholeFileReader(options.lazy ? source : undefined);
  for (const piece of textChunks(source)) whole.reader.push(piece);
  return whole.end();
}

export interface ParseOptions {
  /**
   * Keep each paper as its place in the text, read when a field is first used (see `LazyPaper`): what the editor
   * keeps, where most papers of a big file are never shown. The papers are the same once read.
   */
  lazy?: boolean;
}

/** A reader that keeps every paper, and the `SeedFile` it makes at the end. */
function wholeFileReader(lazyFrom: string | undefined): { reader: SeedReader; end: () => SeedFile } {
  const papers: Paper[] = [];
  const reader = new SeedReader((paper) => papers.push(paper), { lazyFrom });
  return {
    reader,
    end: () => {
      const { declaredCount, problems, lineCount } = reader.end();
      return { declaredCount, papers, problems, lineCount };
    },
  };
}

export interface Pacing extends ParseOptions {
  /** Gives the host's event loop a turn (in VS Code's extension host: a `setImmediate`). */
  pause: () => Promise<void>;
  /** How long to parse between pauses, in milliseconds (default 5: a slice plus a garbage collection that falls in it
   * stays well under the 50 ms of a long task). */
  sliceMs?: number;
  /** Checked after each pause: true abandons the parse (a newer edit will parse again). */
  cancelled?: () => boolean;
}

/**
 * `parseSeed` for a host that must stay responsive: the same pieces, with a pause whenever `sliceMs` has passed, so
 * other work runs between slices instead of waiting for a whole 100,000-card file (about a second). Resolves to
 * exactly what `parseSeed` returns, or `undefined` when cancelled.
 */
export async function parseSeedPaced(source: string, pacing: Pacing): Promise<SeedFile | undefined> {
  const sliceMs = pacing.sliceMs ?? 5;
  const whole = wholeFileReader(pacing.lazy ? source : undefined);
  let sliceStart = performance.now();
  let first = true;
  for (const piece of textChunks(source)) {
    if (!first && performance.now() - sliceStart >= sliceMs) {
      await pacing.pause();
      if (pacing.cancelled?.()) return undefined;
      sliceStart = performance.now();
    }
    whole.reader.push(piece);
    first = false;
  }
  return whole.end();
}

/**
 * Splits a file's text, or its UTF-8 bytes, into pieces of about `size` characters (bytes) that end at a line
 * break, for `SeedReader`. A `\n` byte never occurs inside a multi-byte UTF-8 character, so every piece decodes on
 * its own; a CR LF pair is never split. A BOM stays in the text (the parser skips it) so columns match the editor's.
 */
export function* textChunks(source: string | Uint8Array, size = 1 << 16): Generator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let start = 0; start < source.length; ) {
    const from = start + Math.max(1, size) - 1;
    const newline = from >= source.length ? -1 : typeof source === 'string' ? source.indexOf('\n', from) : source.indexOf(10, from);
    const end = newline === -1 ? source.length : newline + 1;
    yield typeof source === 'string' ? source.slice(start, end) : decoder.decode(source.subarray(start, end));
    start = end;
  }
}

/** Where a card's parts are among its lines: what `readCard` finds, and `buildPaper` (or a lazy paper) builds on. */
interface CardLayout {
  /** The card's lines are `start`…`end - 1`; the title is `start`…`scoresStart - 1`. */
  start: number;
  end: number;
  scoresStart: number;
  summary: [number, number] | undefined;
  finding: [number, number] | undefined;
  /** The `Numbers:` line. */
  numbers: number | undefined;
}

/** Reads a card's lines: its layout, or undefined when it is not a paper; problems found on the way go to `problems`. */
function readCard(lines: Lines, start: number, end: number, problems: ParseProblem[]): CardLayout | undefined {
  const { kind, text: texts } = lines;
  let i = start;
  while (i < end && kind[i] === Kind.Text) i++;
  const scoresStart = i;
  const titleText = () => textField(lines, start, scoresStart).text;
  while (i < end && kind[i] === Kind.Numeric) i++;
  const scoreCount = i - scoresStart;
  const where = () => `Card "${shorten(titleText())}" (line ${lines.row[start] + 1})`;

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
  let numbers: number | undefined;
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
        problems.push(problemAt(lines, i, `Card "${shorten(titleText())}": a second "Key finding" label is read as text of the finding.`));
        continue;
      }
      close(i);
      section = 'finding';
      runStart = i + 1;
    } else if (k === Kind.NumbersLabel) {
      if (numbers !== undefined) {
        problems.push(problemAt(lines, i, `Card "${shorten(titleText())}": a second "Numbers:" line is ignored.`));
        continue;
      }
      close(i);
      numbers = i;
      section = 'after';
      runStart = i + 1;
    } else if (section === 'after') {
      problems.push(problemAt(lines, i, `Card "${shorten(titleText())}": text after the "Numbers:" line is ignored.`));
    }
  }
  close(end);
  return { start, end, scoresStart, summary, finding, numbers };
}

/** Builds the paper a card's layout describes. */
function buildPaper(lines: Lines, layout: CardLayout, index: number): Paper {
  const { start, end, scoresStart, summary, finding } = layout;
  const texts = lines.text;
  let numbers: TextField | undefined;
  if (layout.numbers !== undefined) {
    const i = layout.numbers;
    const line = texts[i];
    const label = NUMBERS_LABEL.exec(line)![0].length;
    const valueStart = line.length - line.slice(label).trimStart().length;
    const column = lines.column[i] + valueStart;
    const value = line.slice(valueStart);
    numbers = { text: value, range: { line: lines.row[i], column, endLine: lines.row[i], endColumn: column + value.length } };
  }
  const last = end - 1;
  // Every field was checked by readCard with the same rules PaperSchema states, so the hot path does not run zod
  // again per card (it tripled the parse time); the tests hold the parser's output to PaperSchema.
  return {
    index,
    title: textField(lines, start, scoresStart),
    scores: [numberField(lines, scoresStart), numberField(lines, scoresStart + 1), numberField(lines, scoresStart + 2)],
    citations: numberField(lines, scoresStart + 3),
    summary: summary && textField(lines, summary[0], summary[1]),
    keyFinding: finding && textField(lines, finding[0], finding[1]),
    numbers,
    range: { line: lines.row[start], column: 0, endLine: lines.row[last], endColumn: lines.column[last] + texts[last].length },
  };
}

/**
 * A paper the editor keeps for a big file: its place in the text and nothing else, until a field is read; then its
 * block of cards is read again from the text (see `LazyBlock`) and kept. Why: 100,000 built papers are some 18
 * objects each, which V8 must copy out of its young generation and mark again in every full collection; that made
 * the editor's parse grow 17× from 10,000 cards to 100,000 while reading the text alone grows 9×. The tree, a
 * card, the checker read only the papers they show or check.
 */
class LazyPaper implements Paper {
  /** Set by the block's read. */
  built: Paper | undefined;
  private titleField: Paper['title'] | undefined;
  private citationsField: Paper['citations'] | undefined;

  // Where a one-line title (titleAt −1 otherwise) and the citation count are in the text, as numbers in the object
  // rather than objects of their own: what sorting a big file's tree reads of every paper.
  private readonly titleAt: number;
  private readonly titleLength: number;
  private readonly titleLine: number;
  private readonly titleColumn: number;
  private readonly countAt: number;
  private readonly countLength: number;
  private readonly countLine: number;
  private readonly countColumn: number;

  constructor(
    readonly index: number,
    private readonly block: LazyBlock,
    lines: Lines,
    layout: CardLayout,
  ) {
    const t = layout.start;
    const oneLine = layout.scoresStart - t === 1;
    this.titleAt = oneLine ? lines.lineStart[t] + lines.column[t] : -1;
    this.titleLength = lines.text[t].length;
    this.titleLine = lines.row[t];
    this.titleColumn = lines.column[t];
    const c = layout.scoresStart + 3;
    this.countAt = lines.lineStart[c] + lines.column[c];
    this.countLength = lines.text[c].length;
    this.countLine = lines.row[c];
    this.countColumn = lines.column[c];
  }

  private get paper(): Paper {
    if (!this.built) this.block.read();
    return this.built!;
  }
  /** A one-line title is sliced from the text without reading the card. */
  get title(): Paper['title'] {
    return (this.titleField ??= this.titleAt >= 0 ? oneLineField(this.block.source, this.titleAt, this.titleLength, this.titleLine, this.titleColumn) : this.paper.title);
  }
  get scores(): Paper['scores'] {
    return this.paper.scores;
  }
  /** The citation count is read without reading the card. */
  get citations(): Paper['citations'] {
    if (!this.citationsField) {
      const { text: raw, range } = oneLineField(this.block.source, this.countAt, this.countLength, this.countLine, this.countColumn);
      this.citationsField = { raw, value: countValue(raw), range };
    }
    return this.citationsField;
  }
  get summary(): Paper['summary'] {
    return this.paper.summary;
  }
  get keyFinding(): Paper['keyFinding'] {
    return this.paper.keyFinding;
  }
  get numbers(): Paper['numbers'] {
    return this.paper.numbers;
  }
  get range(): Paper['range'] {
    return this.paper.range;
  }
}

/** The field of `length` characters at offset `at` of `source`, which is at `column` of source line `line`. */
function oneLineField(source: string, at: number, length: number, line: number, column: number): TextField {
  return { text: source.slice(at, at + length), range: { line, column, endLine: line, endColumn: column + length } };
}

/** Papers per block: read together, as the tree shows papers in pages and the checker checks them in slices. */
const BLOCK_SIZE = 64;

/**
 * Consecutive lazy papers that are read again together, from the start of the first one's card to the end of the
 * last one's: one reader over a few dozen cards costs about what the whole file's parse costs a card, while a reader
 * per card cost three times that.
 */
class LazyBlock {
  readonly papers: LazyPaper[] = [];
  /** The block's text is `source.slice(from, to)`, from the start of its first line, which is source line `line`. */
  to: number;

  constructor(
    readonly source: string,
    private readonly from: number,
    private readonly line: number,
  ) {
    this.to = from;
  }

  read(): void {
    let next = 0;
    const papers = this.papers;
    const reader = new SeedReader((paper) => void (next < papers.length && (papers[next++].built = paper)), { card: { line: this.line, index: papers[0].index } });
    reader.push(this.source.slice(this.from, this.to));
    reader.end();
    // The same lines parsed as these papers in the file's parse.
    if (next !== papers.length) throw new Error(`Paper Claims: the cards from line ${this.line + 1} no longer read as ${papers.length} papers.`);
  }
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
