// Reads quantities from card text: numbers with their sign, thousands separators, decimals and exponent, the unit
// or multiplier written after them, the qualifier written before them (`>`, `~`, "about", "up to"…), and ranges
// (`10–1000x`, `3.83%–28.74%`, `1e17–2e19`). Each quantity keeps its offsets in the field's text and its raw string
// (trailing zeros carry precision).
//
// The scanner walks the text once by hand; the only regular expressions run on short, bounded slices around a
// number (a few dozen characters), so reading a 1 MB line takes linear time whatever it contains.
import { boundEntity, closesEscapedTag, closesTag, groupThousands, isWordCode } from './text';

export type Dimension = 'none' | 'count' | 'bytes' | 'time' | 'percent' | 'pp' | 'factor' | 'bits';
export type Qualifier = 'approx' | 'gt' | 'ge' | 'lt' | 'le';

export interface Quantity {
  /** The number as written, sign included (`−0.65`, `1,312`, `1e17`, `36.0`). */
  raw: string;
  /** The number's value, without the multiplier (`60` for `60K`). */
  value: number;
  /** Decimals of `raw` (trailing zeros count; `1e17` → −17). */
  decimals: number;
  /** An explicit sign written before the number. */
  sign: '+' | '-' | '';
  /** The sign is glued to the previous number with no space (`147.0-0.65`, `0.918+0.069`). */
  glued: boolean;
  /** Multiplier to the dimension's base unit (K → 1e3, GB → 1e9 bytes, ms → 1e-3 s). */
  scale: number;
  /** Canonical unit (`%`, `pp`, `×`, `K`, `M`, `B`, `GB`, `ms`, `bit`…) or '' when none. */
  unit: string;
  /** The unit as written, including any space before it. */
  unitRaw: string;
  dimension: Dimension;
  qualifier?: Qualifier;
  /** The qualifier as written (`>`, `~`, `about`), but for an HTML entity (`&gt;`), given as the symbol it stands
   * for (`>`): messages show what was read. `start` still covers what was written. */
  qualifierRaw?: string;
  /** Offsets of the whole quantity (qualifier, sign, number, unit) in the field text; `end` exclusive. */
  start: number;
  end: number;
  /** Offsets of the number itself (sign included). */
  numStart: number;
  numEnd: number;
  /** Part of an identifier (`GPT3`, `LLaMA-2`, `Top-1`, `3rd`): not a measurement. */
  name: boolean;
  /** A reference (`Table 4`, `Fig. 2`, `Eq. 3`). */
  reference: boolean;
  /** Used as an adjective (`4-bit`, `5-shot`): describes a setting rather than reporting a result. */
  attributive: boolean;
  /** Written after ± (a spread, not a value). */
  plusMinus: boolean;
  /** Written after ∆ or Δ (a stated change). */
  delta: boolean;
  /** Written with a trailing `+` (`550+`). */
  plus: boolean;
  /** Index of the range this number belongs to, if any. */
  range?: number;
  /** Invisible characters that were written inside the quantity and ignored in reading it (`U+200B`…): set by the
   * checker, which reads the text without them (see `withoutInvisibles`). */
  invisible?: string[];
  /** The value whose unit this one was given: it was written without a unit of its own before a value that has one,
   * joined to it by a bare connector (`from 12.0 to 4.0 GB`, `28.6 vs 23.3%`, `1.2, 3.4 and 5.6 GB`); see
   * `shareUnits`. `unitRaw` stays empty (nothing was written). */
  unitFrom?: Quantity;
  /** `unitFrom` was not shared on reading but assumed by the checker, for one claim, in place of a literal reading
   * that does not fit it (`12 GB → 4 (67% reduction)`: 4 read as 4 GB); see `unitGuess` in the checker. */
  unitAssumed?: boolean;
}

export interface Range {
  low: Quantity;
  high: Quantity;
  start: number;
  end: number;
  dimension: Dimension;
  unit: string;
  qualifier?: Qualifier;
}

/** Two numbers run together (`87.8288.69`, `71.28%3.06`): a separator was lost. */
export interface Fused {
  raw: string;
  start: number;
  end: number;
  /** The two numbers it probably was, when a split is plausible. */
  guess?: [string, string];
}

export interface Reading {
  quantities: Quantity[];
  ranges: Range[];
  fused: Fused[];
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const LETTER = /\p{L}/u;
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetter(c);

interface UnitDef {
  unit: string;
  dimension: Dimension;
  scale: number;
}

/** Units written after a number; matched on a bounded slice, longest first, then a word boundary. */
const UNIT_RE =
  /^(\s?)(percentage points?|pct\.? points?|p\.p\.|pp|-?points?|pts|%|×|[xX](?![\p{L}\d])|-?fold|times|thousand|million|billion|trillion|KiB|MiB|GiB|TiB|KB|kB|MB|GB|TB|PB|bytes?|ns|µs|us|ms|secs?|seconds?|s|mins?|minutes?|hrs?|hours?|h|days?|weeks?|wks?|-?bits?|bn|[KkMBT])(?![\p{L}\d])/u;

/** Whether a one-letter symbol and `=` come right before `start` (see SYMBOL_SETTING_RE); the cheap test first. */
function isSymbolSetting(text: string, start: number): boolean {
  const eq = text[start - 1] === '=' ? start - 1 : text[start - 2] === '=' && isSpaceCode(text.charCodeAt(start - 1)) ? start - 2 : -1;
  if (eq <= 0 || !SYMBOL_SETTING_RE.test(text.slice(Math.max(0, start - 5), start))) return false;
  // `Δ=5.0pp` states a change (see `delta`), it is no setting.
  const symbol = text[isSpaceCode(text.charCodeAt(eq - 1)) ? eq - 2 : eq - 1];
  return symbol !== 'Δ' && symbol !== '∆';
}

/** A one-letter symbol and `=` right before a number (`r=8`, `ε = 8`; not `acc=71.2`). */
const SYMBOL_SETTING_RE = /(?:^|[^\p{L}\d_])\p{L}\s?=\s?$/u;

/** A word of change after `N-point` (`a 6.2-point drop`, `9.8-point gain`): then the points are a stated change. */
const POINT_CHANGE_RE = /^\s(?:drop|gain|increase|improvement|decrease|reduction|rise|jump|boost|lead|margin|decline|fall|lift|gap|advantage)s?\b/i;

/** The unit definitions, shared by every quantity that uses them (never changed after reading). */
const UNIT_DEFS: readonly UnitDef[] = Object.freeze([
  { unit: '%', dimension: 'percent', scale: 1 },
  { unit: '×', dimension: 'factor', scale: 1 },
  { unit: 'K', dimension: 'count', scale: 1e3 },
  { unit: 'M', dimension: 'count', scale: 1e6 },
  { unit: 'B', dimension: 'count', scale: 1e9 },
  { unit: 'T', dimension: 'count', scale: 1e12 },
  { unit: 'KB', dimension: 'bytes', scale: 1e3 },
  { unit: 'MB', dimension: 'bytes', scale: 1e6 },
  { unit: 'GB', dimension: 'bytes', scale: 1e9 },
  { unit: 'TB', dimension: 'bytes', scale: 1e12 },
  { unit: 'PB', dimension: 'bytes', scale: 1e15 },
  { unit: 'KiB', dimension: 'bytes', scale: 1024 },
  { unit: 'MiB', dimension: 'bytes', scale: 1024 ** 2 },
  { unit: 'GiB', dimension: 'bytes', scale: 1024 ** 3 },
  { unit: 'TiB', dimension: 'bytes', scale: 1024 ** 4 },
  { unit: 'B', dimension: 'bytes', scale: 1 },
  { unit: 'ns', dimension: 'time', scale: 1e-9 },
  { unit: 'µs', dimension: 'time', scale: 1e-6 },
  { unit: 'ms', dimension: 'time', scale: 1e-3 },
  { unit: 's', dimension: 'time', scale: 1 },
  { unit: 'min', dimension: 'time', scale: 60 },
  { unit: 'h', dimension: 'time', scale: 3600 },
  { unit: 'd', dimension: 'time', scale: 86400 },
  { unit: 'bit', dimension: 'bits', scale: 1 },
  // A week is always seven days; months and years vary in length and are not read as units.
  { unit: 'wk', dimension: 'time', scale: 7 * 86400 },
].map((d) => Object.freeze(d as UnitDef)));
const UNIT_OF_TOKEN: ReadonlyMap<string, UnitDef> = new Map(
  ([
    ['%', 0],
    ['×', 1],
    ['x', 1],
    ['X', 1],
    ['fold', 1],
    ['times', 1],
    ['K', 2],
    ['k', 2],
    ['thousand', 2],
    ['M', 3],
    ['million', 3],
    ['B', 4],
    ['bn', 4],
    ['billion', 4],
    ['T', 5],
    ['trillion', 5],
    ['KB', 6],
    ['kB', 6],
    ['MB', 7],
    ['GB', 8],
    ['TB', 9],
    ['PB', 10],
    ['KiB', 11],
    ['MiB', 12],
    ['GiB', 13],
    ['TiB', 14],
    ['byte', 15],
    ['bytes', 15],
    ['ns', 16],
    ['µs', 17],
    ['us', 17],
    ['ms', 18],
    ['s', 19],
    ['sec', 19],
    ['secs', 19],
    ['second', 19],
    ['seconds', 19],
    ['min', 20],
    ['mins', 20],
    ['minute', 20],
    ['minutes', 20],
    ['h', 21],
    ['hr', 21],
    ['hrs', 21],
    ['hour', 21],
    ['hours', 21],
    ['day', 22],
    ['days', 22],
    ['bit', 23],
    ['bits', 23],
    ['week', 24],
    ['weeks', 24],
    ['wk', 24],
    ['wks', 24],
  ] as Array<[string, number]>).map(([t, i]) => [t, UNIT_DEFS[i]]),
);
/** pp and its spellings. */
const PP_DEF: UnitDef = Object.freeze({ unit: 'pp', dimension: 'pp', scale: 1 });
/** No unit. */
const NO_UNIT: UnitDef = Object.freeze({ unit: '', dimension: 'none', scale: 1 });

function unitDef(token: string): UnitDef {
  const t = token.charCodeAt(0) === 45 ? token.slice(1) : token;
  return UNIT_OF_TOKEN.get(t) ?? PP_DEF;
}

/** Qualifier words (the whole text, any case) that can be written just before a number. */
const QUALIFIER_WORD_RE =
  /^(?:more than|greater than|larger than|higher than|over|above|at least|exceeding|less than|fewer than|lower than|smaller than|under|below|up to|at most|about|around|roughly|approximately|approx\.?|nearly|almost|circa|ca\.|some)$/i;
/** The longest qualifier (`approximately`). */
const QUALIFIER_MAX = 13;

/**
 * The bound that an HTML entity written as a qualifier stands for, as the symbol the checker reads (`&gt;` → `>`,
 * `&lt;=` → `<=`, `&ge;` → `≥`: see `boundEntity`), or undefined. Why: digests scraped from web pages write
 * `&gt;325 GB -> &lt;53 GB` for >325 GB -> <53 GB, and must be read the same.
 */
function entityQualifier(g: string): string | undefined {
  const eq = g.charCodeAt(g.length - 1) === 61; // a `=` after the entity: `&gt;=` is >=
  const symbol = boundEntity(eq ? g.slice(0, -1) : g);
  if (!eq || symbol === undefined) return symbol;
  return symbol === '>' || symbol === '<' ? `${symbol}=` : undefined;
}

/**
 * The qualifier that ends `head` (before trailing white space), found by hand from the end: the match of
 * /((?<![-=])>=?|<=?(?![-=])|≥|≤|~|≈|∼|≃|\b(?:more than|…|some))\s*$/i — `token` is its group, `length` its whole
 * length (the qualifier and the spaces after it). The leftmost start wins, as in the regex. An HTML entity for a
 * bound counts as the symbol it stands for (see `entityQualifier`), which is then the `token`; an entity for `>`
 * after `-` or `=` is the end of an arrow (`-&gt;`), as `>` is.
 */
function qualifierAtEnd(head: string): { token: string; length: number } | undefined {
  let e = head.length;
  while (e > 0 && isSpaceCode(head.charCodeAt(e - 1))) e--;
  for (let s = Math.max(0, e - QUALIFIER_MAX); s < e; s++) {
    const written = head.slice(s, e);
    const g = (head.charCodeAt(s) === 38 ? entityQualifier(written) : undefined) ?? written; // & begins an entity
    const before = s > 0 ? head[s - 1] : '';
    const ok =
      ((g === '>' || g === '>=') && before !== '-' && before !== '=') ||
      g === '<' ||
      g === '<=' ||
      (g.length === 1 && '≥≤~≈∼≃'.includes(g)) ||
      ((s === 0 || !isWordCode(head.charCodeAt(s - 1))) && QUALIFIER_WORD_RE.test(g));
    if (ok) return { token: g, length: head.length - s };
  }
  return undefined;
}

/** /\bfrom\s+\S*\s*$/i.test(t): the word `from`, white space, then at most one more token and white space at the end. */
function endsWithFromToken(t: string): boolean {
  const fromEndsAt = (end: number) =>
    end >= 4 &&
    (t.charCodeAt(end - 4) | 32) === 102 && // f
    (t.charCodeAt(end - 3) | 32) === 114 && // r
    (t.charCodeAt(end - 2) | 32) === 111 && // o
    (t.charCodeAt(end - 1) | 32) === 109 && // m
    (end === 4 || !isWordCode(t.charCodeAt(end - 5)));
  let e = t.length;
  while (e > 0 && isSpaceCode(t.charCodeAt(e - 1))) e--;
  if (e < t.length && fromEndsAt(e)) return true; // `from` and spaces, no token
  let k = e;
  while (k > 0 && !isSpaceCode(t.charCodeAt(k - 1))) k--;
  let w = k;
  while (w > 0 && isSpaceCode(t.charCodeAt(w - 1))) w--;
  return k < e && w < k && fromEndsAt(w);
}

function qualifierOf(token: string): Qualifier {
  const t = token.toLowerCase();
  if (t === '>' || /^(more|greater|larger|higher) than$|^over$|^above$|^exceeding$/.test(t)) return 'gt';
  if (t === '>=' || t === '≥' || t === 'at least') return 'ge';
  if (t === '<' || /^(less|fewer|lower|smaller) than$|^under$|^below$/.test(t)) return 'lt';
  if (t === '<=' || t === '≤' || t === 'up to' || t === 'at most') return 'le';
  return 'approx';
}

const REFERENCE_RE = /\b(?:table|tab\.|fig\.?|figure|section|sec\.|eq\.?|equation|appendix|line|page|p\.|ref\.?|version|v)\s*$/i;
/** Words that name one of a series by its number (`round 3`, `layer 12`); see `isReference`. */
const ORDINAL_RE = /\b(?:step|stage|round|epoch|layer)\s*$/i;
const SIGNS = '+-\u2212';

/**
 * Whether a number written after `head` is a reference (`Table 4`, `Fig. 2`) rather than a value. After a word that
 * names one of a series (`round 3`, `epoch 5`) only a bare integer is: with decimals, a unit or a multiplier it is
 * a value measured per round, step… (`per round 480 MB`, `Step 2.4 sec`, `each layer 80M`).
 */
function isReference(head: string, raw: string, def: UnitDef): boolean {
  return REFERENCE_RE.test(head) || (def === NO_UNIT && isBareInteger(raw) && ORDINAL_RE.test(head));
}

/** Whether a number is written as an integer: no decimals, no exponent (`12`, `1,000`; not `2.4`, `1e3`). */
function isBareInteger(raw: string): boolean {
  return !raw.includes('.') && !raw.includes('e') && !raw.includes('E');
}

/** The longest citation bracket read (`[12, 15, 21-23]`): a longer list of integers is more likely data. */
const MAX_CITATION = 40;
/** A citation bracket: integers of up to four digits, separated by commas, semicolons or dashes (`[4]`, `[3-5]`). */
const CITATION_RE = /^\[ ?\d{1,4}(?: ?[,;\-\u2013\u2014] ?\d{1,4})* ?\]/;
/** What a citation bracket follows: a word, or punctuation that ends one (`quality [4]`, `68.9% [3]`, `[3][4]`). */
const BEFORE_CITATION = '.,;)]%\'"\u2019\u201d';

/**
 * The end (after `]`) of the citation bracket that the number at `start` is written in (`quality [4]`,
 * `answer quality [12, 15]`, `GaLore[3-5]`), or −1. Its numbers point to references, they are not quantities. Other
 * brackets keep their numbers: intervals (`[0.5, 0.9]`, `[1e-5, 1e-3)`), a bracket after a number, a symbol or at
 * the start of the text (`x ∈ [1, 5]`, `= [2, 8]`). Looks at most MAX_CITATION characters either way.
 */
function citationEndAround(text: string, start: number): number {
  // Back over the digits and separators before the number, to the `[`.
  let k = start;
  const lo = Math.max(0, start - MAX_CITATION);
  while (k > lo && isCitationInner(text.charCodeAt(k - 1))) k--;
  if (k === 0 || text.charCodeAt(k - 1) !== 91) return -1; // [
  const open = k - 1;
  const m = CITATION_RE.exec(text.slice(open, open + MAX_CITATION));
  if (m === null || open + m[0].length <= start) return -1;
  // What the bracket follows, across at most two spaces.
  let b = open;
  while (b > 0 && b > open - 2 && text.charCodeAt(b - 1) === 32) b--;
  const c = text[b - 1];
  return b > 0 && (isLetter(c) || BEFORE_CITATION.includes(c)) ? open + m[0].length : -1;
}

/** Characters inside a citation bracket: digits, spaces and separators. */
function isCitationInner(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 32 || c === 44 || c === 59 || c === 45 || c === 0x2013 || c === 0x2014;
}

/** Numbers read per field at most: prose holds a few dozen; beyond this the text is a dump, not claims. */
export const MAX_QUANTITIES = 5000;

const DIGIT_RE = /[0-9]/g;
const SPACE_RE = /\s/;

/** Whether a UTF-16 code unit is white space as `trimEnd` sees it (the same set as \s). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE_RE.test(String.fromCharCode(c));
}

/** Whether `week`/`wk` starts at `i`: checked apart from `mayBeginUnit`, as many words after numbers start with w
 * (`with`, `while`, `were`) and each would cost a match of UNIT_RE. */
function isWeekAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 119 && c !== 87) return false;
  const d = text.charCodeAt(i + 1) | 32;
  return d === 107 || (d === 101 && (text.charCodeAt(i + 2) | 32) === 101); // wk, wee(k)
}

/** Whether a unit written after a number can begin with this character (see UNIT_RE); non-ASCII ones are tried. */
function mayBeginUnit(c: number): boolean {
  if (c >= 128) return true;
  switch (c) {
    case 37: // %
    case 45: // -
    case 66: // B
    case 71: // G
    case 75: // K
    case 77: // M
    case 80: // P
    case 84: // T
    case 88: // X
    case 98: // b
    case 100: // d
    case 102: // f
    case 104: // h
    case 107: // k
    case 109: // m
    case 110: // n
    case 112: // p
    case 115: // s
    case 116: // t
    case 117: // u
    case 120: // x
      return true;
    default:
      return false;
  }
}

/** Reads every number in `text` (up to MAX_QUANTITIES). Linear in the length of the text. */
export function readQuantities(text: string): Reading {
  const quantities: Quantity[] = [];
  const fused: Fused[] = [];
  const n = text.length;
  let i = 0;
  let previousNameEnd = -2;
  // The end of the citation bracket (`[12, 15]`) the last number was read in, and the numbers read in such brackets.
  let citationEnd = -1;
  const citations = new Set<Quantity>();
  while (i < n && quantities.length < MAX_QUANTITIES) {
    // The next digit (a native scan: faster than a loop over every character).
    DIGIT_RE.lastIndex = i;
    if (!DIGIT_RE.test(text)) break;
    i = DIGIT_RE.lastIndex - 1;
    // A digit that starts a number (the scanner never lands inside one: it jumps past each number it reads).
    const start = i;
    let j = i;
    // Thousands groups: 1–3 digits then groups of ",ddd" not followed by another digit.
    let k = j;
    while (isDigit(text[k])) k++;
    const intLen = k - j;
    let end = k;
    if (intLen <= 3 && text[k] === ',' && isDigit(text[k + 1]) && isDigit(text[k + 2]) && isDigit(text[k + 3]) && !isDigit(text[k + 4])) {
      while (text[end] === ',' && isDigit(text[end + 1]) && isDigit(text[end + 2]) && isDigit(text[end + 3]) && !isDigit(text[end + 4])) end += 4;
    }
    j = end;
    let hadDot = false;
    if (text[j] === '.' && isDigit(text[j + 1])) {
      hadDot = true;
      j++;
      while (isDigit(text[j])) j++;
    }
    // A second decimal point straight after the decimals: two numbers run together (`87.8288.69`).
    if (hadDot && text[j] === '.' && isDigit(text[j + 1])) {
      let f = j + 1;
      while (isDigit(text[f]) || (text[f] === '.' && isDigit(text[f + 1]))) f++;
      const raw = text.slice(start, f);
      if (!isLetter(text[start - 1]) && !isLetter(text[f])) fused.push({ raw, start, end: f, guess: splitFused(raw) });
      previousNameEnd = -2;
      i = f;
      continue;
    }
    // Exponent.
    if ((text[j] === 'e' || text[j] === 'E') && (isDigit(text[j + 1]) || (SIGNS.includes(text[j + 1] ?? '') && isDigit(text[j + 2])))) {
      let e = j + 1;
      if (!isDigit(text[e])) e++;
      const digitsStart = e;
      while (isDigit(text[e]) && e - digitsStart < 4) e++;
      if (!isDigit(text[e]) && !isLetter(text[e])) j = e;
    }
    let numStart = start;
    let sign: Quantity['sign'] = '';
    let glued = false;
    const before = text[start - 1];
    if (citationEnd <= start) citationEnd = citationEndAround(text, start);
    // A number in a citation bracket (`[3-5]`) has no sign: a dash there separates two citations.
    const citation = start < citationEnd;
    if (!citation && before !== undefined && SIGNS.includes(before)) {
      const b2 = text[start - 2];
      if (b2 === undefined || !isAlnum(b2) || quantities.length > 0 && quantities[quantities.length - 1].end === start - 1 && !quantities[quantities.length - 1].name) {
        sign = before === '+' ? '+' : '-';
        numStart = start - 1;
        glued = b2 !== undefined && (isDigit(b2) || b2 === '%' || isLetter(b2));
      }
    }
    // Identifier parts: GPT3, W3A3, LLaMA-2-70B, CIFAR-10/100, Top-1, Pass@1.
    let name = false;
    if (isLetter(before) || before === '_' || before === '@' || before === '#') name = true;
    else if (sign === '' && (before === '-' || before === '\u2011' || before === '/' || before === '.' || before === '_')) {
      const b2 = text[start - 2];
      if (isLetter(b2) || previousNameEnd === start - 1) name = true;
    } else if (before === ':' && isDigit(text[start - 2]) && previousNameEnd === start - 1) {
      name = true; // the 4 of `2:4`
    }
    // A setting written as a one-letter symbol's value (`r=8`, `k = 5`, `ε=8`): a name, not a measured value.
    if (!name && sign === '' && isSymbolSetting(text, start)) name = true;
    // A pattern or ratio written with a colon (`2:4 sparsity`, `1:1 mix`), not a value: both numbers are its name.
    if (!name && text[j] === ':' && isDigit(text[j + 1])) name = true;
    const raw = text.slice(numStart, j);
    // Unit after the number, on a bounded slice.
    let unitRaw = '';
    let def: UnitDef = NO_UNIT;
    let after = j;
    // UNIT_RE can match only if the unit's first character is there (after at most one white space).
    const t0 = text.charCodeAt(j);
    const unitPossible = t0 === t0 && (mayBeginUnit(t0) || isWeekAt(text, j) || (isSpaceCode(t0) && (t0 >= 128 || mayBeginUnit(text.charCodeAt(j + 1)) || isWeekAt(text, j + 1))));
    const tail = unitPossible ? text.slice(j, j + 24) : '';
    // A per cent sign needs no word boundary after it (`55.20%56.45%` is two numbers run together).
    const um = !unitPossible ? null : tail[0] === '%' || (tail[0] === ' ' && tail[1] === '%') ? ['' + tail.slice(0, tail[0] === '%' ? 1 : 2), tail[0] === ' ' ? ' ' : '', '%'] : UNIT_RE.exec(tail);
    if (um && !name) {
      const token = um[2];
      // "-bit"/"-fold" are glued with a hyphen; a single space is allowed before other units, but not before
      // one-letter multipliers or x (a lone "x" after a space is usually a variable).
      const spaced = um[1] !== '';
      const oneLetter = /^[KkMBTxX]$/.test(token);
      // `a 6.2-point drop` is a change in points; `a 5-point scale` stays a setting (see `attributive`).
      const pointSetting = token.startsWith('-p') && !POINT_CHANGE_RE.test(text.slice(j + um[0].length, j + um[0].length + 16));
      if (!(spaced && oneLetter) && !(spaced && token.startsWith('-')) && !pointSetting) {
        unitRaw = um[0];
        def = unitDef(token);
        after = j + um[0].length;
      }
    }
    let attributive = false;
    if (!name && unitRaw === '' && (text[after] === '-' || text[after] === '\u2011') && isLetter(text[after + 1])) attributive = true;
    if (!name && /^-?bits?$/.test(unitRaw.trim()) && unitRaw.startsWith('-')) attributive = true;
    if (!name && unitRaw === '' && isLetter(text[after])) name = true; // 3rd, 8xA100, 2nd…
    // Two numbers run together after a unit (`71.28%3.06`).
    if (!name && def.dimension === 'percent' && isDigit(text[after])) {
      let f = after;
      while (isDigit(text[f]) || (text[f] === '.' && isDigit(text[f + 1]))) f++;
      const rawF = text.slice(start, f);
      fused.push({ raw: rawF, start, end: f, guess: [text.slice(start, after), text.slice(after, f)] });
      i = f;
      previousNameEnd = -2;
      continue;
    }
    let plus = false;
    if (text[after] === '+' && !isDigit(text[after + 1])) {
      plus = true;
      after++;
    }
    // Qualifier and ∆/± before the number, on a bounded slice.
    // head = the 24 characters before the number; trimmedHead = head.trimEnd(); both sliced only when a test needs
    // them (most numbers have neither a word nor a symbol before them that could qualify them).
    const headStart = Math.max(0, numStart - 24);
    let headEnd = numStart;
    while (headEnd > headStart && isSpaceCode(text.charCodeAt(headEnd - 1))) headEnd--;
    const lc = headEnd > headStart ? text[headEnd - 1] : undefined;
    const wordy = isLetter(lc) || lc === '.';
    let head: string | undefined;
    let qualifier: Qualifier | undefined;
    let qualifierRaw: string | undefined;
    let qStart = numStart;
    // `;` ends an HTML entity for a bound (`&gt;`).
    if (!name && !glued && lc !== undefined && (wordy || '<>~≈∼≃≤≥=;'.includes(lc))) {
      const qm = qualifierAtEnd((head ??= text.slice(headStart, numStart)));
      // A `>` (or `&gt;`) that closes a tag (or an escaped one) is markup, not a bound.
      const at = qm === undefined ? -1 : numStart - qm.length;
      if (qm && !(qm.token === '>' && (text.charCodeAt(at) === 62 ? closesTag(text, at) : closesEscapedTag(text, at)))) {
        qualifierRaw = qm.token;
        qualifier = qualifierOf(qm.token);
        qStart = numStart - qm.length;
      }
    }
    if (plus && !qualifier) qualifier = 'ge';
    const delta = lc !== undefined && (lc === '∆' || lc === 'Δ' || lc === ':' || wordy) && /[∆Δ]$|\bdelta:?$|\bdiff\.?:?$/i.test(text.slice(headStart, headEnd));
    const plusMinus = lc === '±' || (lc === '-' && /\+\/-$/.test(text.slice(headStart, headEnd)));
    const reference = citation || (!name && wordy && isReference((head ??= text.slice(headStart, numStart)), raw, def));
    const value = plainValue(raw) ?? Number(raw.includes(',') || raw.includes('\u2212') ? raw.replace(/,/g, '').replace('\u2212', '-') : raw);
    const decimals = decimalsFromRaw(raw);
    if (Number.isFinite(value)) {
      const q: Quantity = {
        raw,
        value,
        decimals,
        sign,
        glued,
        scale: def.scale,
        unit: def.unit,
        unitRaw,
        dimension: def.dimension,
        qualifier,
        qualifierRaw,
        start: qStart,
        end: after,
        numStart,
        numEnd: j,
        name,
        reference,
        attributive,
        plusMinus,
        delta,
        plus,
        // Set later on some quantities or on their copies; present on all from the start, so that every quantity
        // has the same shape (the checker's hot paths read these objects by the thousand).
        range: undefined,
        invisible: undefined,
        unitFrom: undefined,
        unitAssumed: undefined,
      };
      quantities.push(q);
      if (citation) citations.add(q);
    }
    previousNameEnd = name ? j : -2;
    i = Math.max(after, j, i + 1);
  }
  const ranges = findRanges(text, quantities, citations);
  shareUnits(text, quantities);
  return { quantities, ranges, fused };
}

const POW10_FLOAT: number[] = [];
for (let e = 0; e <= 22; e++) POW10_FLOAT.push(10 ** e);

/**
 * The value of a number written without an exponent (sign, digits, thousands commas, decimals), as `Number` reads
 * it, without building the cleaned string: with at most 15 digits both the digits and the power of ten are exact
 * doubles, and one IEEE division rounds their quotient correctly, as `Number` does. Undefined otherwise.
 */
function plainValue(raw: string): number | undefined {
  let i = 0;
  let negative = false;
  const c0 = raw.charCodeAt(0);
  if (c0 === 43) i = 1;
  else if (c0 === 45 || c0 === 0x2212) {
    negative = true;
    i = 1;
  }
  let n = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (dot) decimals++;
    } else if (c === 44) continue;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || decimals > 22) return undefined;
  const v = decimals === 0 ? n : n / POW10_FLOAT[decimals];
  return negative ? -v : v;
}

function decimalsFromRaw(raw: string): number {
  // Without an exponent or commas: the digits after the point.
  if (!raw.includes('e') && !raw.includes('E') && !raw.includes(',')) {
    const dot = raw.indexOf('.');
    return dot < 0 ? 0 : raw.length - dot - 1;
  }
  const s = raw.replace(/,/g, '');
  const e = s.search(/[eE]/);
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1).replace('\u2212', '-'));
  const dot = mantissa.indexOf('.');
  return (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent;
}

/** Splits `87.8288.69` into `87.82` and `88.69`: the first number gets as many decimals as the second. */
export function splitFused(raw: string): [string, string] | undefined {
  const first = raw.indexOf('.');
  const last = raw.lastIndexOf('.');
  if (first < 0 || last === first) return undefined;
  if (raw.indexOf('.', first + 1) !== last) return undefined;
  const middle = raw.slice(first + 1, last);
  const d2 = raw.length - last - 1;
  let k = d2;
  if (middle.length - k < 1) k = middle.length - 1;
  if (k < 1) return undefined;
  return [raw.slice(0, first + 1 + k), raw.slice(first + 1 + k)];
}

const RANGE_DASH = /^\s?[\u2013\u2014\u2011]\s?$|^-$|^\s(?:to)\s$/;

/** `between … and` around two numbers. */
const AND_RE = /^\s{1,2}and\s{1,2}$/i;
const BETWEEN_BEFORE_RE = /(?:^|[^\p{L}\d])between\s{1,2}$/iu;
/** Dimensions in which a range is a claim (`2–3× faster`, `10–20% less`), as the checker reads it. */
const CLAIM_RANGE_DIMENSIONS: ReadonlySet<Dimension> = new Set<Dimension>(['factor', 'percent']);

/**
 * Whether `a` and `b` are written `between a and b` with a factor or a percentage (`between 2 and 3 times faster`,
 * `between 10% and 20% less`): the range `a–b`, as a claim. Between measured values (`between 3 and 5 ms`) the unit
 * is shared instead (see `shareUnits`), and the values stay values.
 */
function betweenAnd(text: string, a: Quantity, b: Quantity, between: string): boolean {
  return (
    CLAIM_RANGE_DIMENSIONS.has(b.dimension) &&
    between.length <= 7 &&
    AND_RE.test(between) &&
    BETWEEN_BEFORE_RE.test(text.slice(Math.max(0, a.start - 11), a.start))
  );
}

/** Joins `a–b` (en/em dash, non-breaking hyphen, a glued hyphen, " to " or `between a and b` with a factor or a
 * percentage) into ranges when a < b. */
function findRanges(text: string, qs: Quantity[], citations: ReadonlySet<Quantity>): Range[] {
  const ranges: Range[] = [];
  for (let k = 0; k + 1 < qs.length; k++) {
    const a = qs[k];
    const b = qs[k + 1];
    if (a.name || b.name || a.range !== undefined || a.plusMinus || b.plusMinus || citations.has(a) || citations.has(b)) continue;
    // The dash may have been read as b's sign (`2-4`): look at what lies between a's end and b's digits.
    const between = text.slice(a.end, b.sign !== '' && b.glued ? b.numStart : b.start);
    let dash = between;
    if (b.sign === '-' && b.glued && between === '') dash = '-';
    if ((dash.length > 6 || !RANGE_DASH.test(dash)) && !betweenAnd(text, a, b, between)) continue;
    if (dash.includes('to') && endsWithFromToken(text.slice(Math.max(0, a.start - 12), a.start))) continue;
    if (a.unit !== '' && b.unit !== '' && a.dimension !== b.dimension) continue;
    if (b.qualifier && b.qualifier !== 'approx') continue;
    const scaleA = a.unit === '' ? b.scale : a.scale;
    const lowValue = Math.abs(a.value) * scaleA * (a.sign === '-' ? -1 : 1);
    const highValue = Math.abs(b.value) * b.scale;
    if (!(lowValue < highValue)) continue;
    const index = ranges.length;
    const low: Quantity = a.unit === '' ? { ...a, unit: b.unit, unitRaw: '', dimension: b.dimension, scale: b.scale } : a;
    const high: Quantity = b.sign === '-' && b.glued ? { ...b, sign: '', glued: false, raw: b.raw.slice(1), numStart: b.numStart + 1, value: Math.abs(b.value) } : b;
    low.range = index;
    high.range = index;
    a.range = index;
    b.range = index;
    qs[k] = low;
    qs[k + 1] = high;
    ranges.push({ low, high, start: a.start, end: b.end, dimension: b.dimension, unit: b.unit, qualifier: a.qualifier });
    k++;
  }
  return ranges;
}

/** How two values are joined when a unit written once may belong to both: a connector of two values (`to`, `→`,
 * `vs`, `/`, a dash), a list word (`and`, `or`), or a comma (a list only when it ends in `and`/`or`). */
type Joiner = 'pair' | 'list' | 'comma';

const PAIR_JOINERS: ReadonlySet<string> = new Set(['to', '→', '⟶', '⇒', '➝', '➔', '->', '=>', 'vs', 'vs.', 'versus', '/', '–', '—']);
const LIST_JOINERS: ReadonlySet<string> = new Set(['and', 'or', '&']);
/** The longest text between two values that can still be a bare connector (`, and` with spaces around it). */
const MAX_JOINER = 12;

/** The connector that is all that lies between two values, or undefined when there is anything else (a word, a
 * bracket) or nothing (a glued sign: `75.3-0.8`). */
function joinerOf(between: string): Joiner | undefined {
  let s = 0;
  let e = between.length;
  while (s < e && isSpaceCode(between.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(between.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  let w = between.slice(s, e).toLowerCase();
  if (w === ',') return 'comma';
  if (w.startsWith(',')) {
    // `1.2, 3.4, and 5.6 GB`: the comma before the list word.
    let k = 1;
    while (k < w.length && isSpaceCode(w.charCodeAt(k))) k++;
    w = w.slice(k);
    return LIST_JOINERS.has(w) ? 'list' : undefined;
  }
  if (LIST_JOINERS.has(w)) return 'list';
  return PAIR_JOINERS.has(w) ? 'pair' : undefined;
}

/** Dimensions of values a unit written once can be shared in (factors and points are claims, not values). */
const SHARED_DIMENSIONS: ReadonlySet<Dimension> = new Set<Dimension>(['count', 'bytes', 'time', 'percent', 'bits']);

function takesUnit(a: Quantity): boolean {
  return a.dimension === 'none' && !a.name && !a.reference && !a.attributive && !a.plusMinus && !a.delta && a.range === undefined;
}

function givesUnit(b: Quantity): boolean {
  return SHARED_DIMENSIONS.has(b.dimension) && !b.name && !b.reference && !b.attributive && !b.plusMinus && !b.delta && !b.glued && b.range === undefined;
}

/** Words naming a setting counted in plain numbers (`batch 32 → 64 GB` is a batch size and a memory, not 32 GB). */
const SETTING_WORDS: ReadonlySet<string> = new Set([
  'batch', 'bs', 'rank', 'layer', 'layers', 'head', 'heads', 'epoch', 'epochs', 'step', 'steps', 'iteration', 'iterations',
  'iters', 'gpu', 'gpus', 'tpu', 'tpus', 'node', 'nodes', 'worker', 'workers', 'thread', 'threads', 'seed', 'seeds',
  'run', 'runs', 'shot', 'shots', 'beam', 'beams', 'expert', 'experts', 'k', 'n',
]);

/** Whether one of the (at most three) words written just before `start` names a setting (see SETTING_WORDS). */
function settingBefore(text: string, start: number): boolean {
  const lo = Math.max(0, start - 40);
  let i = start;
  for (let words = 0; words < 3; words++) {
    while (i > lo && isSpaceCode(text.charCodeAt(i - 1))) i--;
    let j = i;
    while (j > lo && (isLetter(text[j - 1]) || text[j - 1] === '-')) j--;
    if (j === i) return false;
    if (SETTING_WORDS.has(text.slice(j, i).toLowerCase())) return true;
    i = j;
  }
  return false;
}

/** Whether a bare number is closer to `b` read as written (in the base unit: 4096 against 32K = 32,000) than with
 * `b`'s multiplier (4096K against 32K): then it already is a value in its own right, and keeps its reading. */
export function plainReadingCloser(a: Quantity, b: Quantity): boolean {
  if (b.scale === 1) return false;
  const x = Math.abs(a.value);
  const y = Math.abs(b.value);
  if (x === 0 || y === 0) return false;
  return Math.abs(Math.log(x / (y * b.scale))) <= Math.abs(Math.log(x / y));
}

/**
 * Writers put a unit only on the last value of a pair or a list: `from 12.0 to 4.0 GB`, `12 → 4 GB`, `28.6 vs 23.3%`,
 * `between 3 and 5 ms`, `1.2, 3.4 and 5.6 GB`. Each value written without a unit before such a value, with nothing
 * but a connector between them, is given that unit (and `unitFrom`), in place in `qs`. Not when the reading is
 * doubtful: a unit written on the first value only, a comma alone (`MMLU 71.2, 4 GB`), a setting named before the
 * values (`batch 32 → 64 GB`), a bare count already comparable with the other value (`4096 → 32K`), or `of`
 * (`3 of 7B`: three things of seven billion). Ranges (`3–5 ms`) are joined by `findRanges`, which shares the unit too.
 */
function shareUnits(text: string, qs: Quantity[]): void {
  for (let m = qs.length - 1; m > 0; m--) {
    const b = qs[m];
    if (!givesUnit(b)) continue;
    // The values before b joined to it by bare connectors: qs[first…m − 1].
    let first = m;
    let list = false;
    while (first > 0) {
      const a = qs[first - 1];
      const next = qs[first];
      if (!takesUnit(a) || next.start - a.end > MAX_JOINER) break;
      const joiner = joinerOf(text.slice(a.end, next.start));
      if (joiner === undefined || (joiner === 'comma' && !list)) break;
      if (joiner === 'list') list = true;
      first--;
    }
    if (first === m || settingBefore(text, qs[first].start)) continue;
    let plain = false;
    for (let k = first; k < m && !plain; k++) plain = plainReadingCloser(qs[k], b);
    if (plain) continue;
    for (let k = first; k < m; k++) qs[k] = { ...qs[k], unit: b.unit, dimension: b.dimension, scale: b.scale, unitFrom: b };
    m = first;
  }
}

/**
 * Decimal byte units in their binary reading (1 KB = 1024 bytes, 1 GB = 1024³): writers use GB for both, and the
 * method accepts either reading. KiB…TiB are binary already and have no other reading.
 */
const BINARY_SCALE: ReadonlyMap<string, number> = new Map([
  ['KB', 1024],
  ['MB', 1024 ** 2],
  ['GB', 1024 ** 3],
  ['TB', 1024 ** 4],
  ['PB', 1024 ** 5],
]);

/** Whether the quantity's unit is a decimal byte unit, which can also be read as binary (GB as GiB). */
export function hasDecimalByteUnit(q: Quantity): boolean {
  return q.dimension === 'bytes' && BINARY_SCALE.has(q.unit);
}

/** The quantity's multiplier when its byte unit is read as binary (GB → 1024³ bytes); its own multiplier otherwise. */
export function binaryScale(q: Quantity): number {
  return q.dimension === 'bytes' ? (BINARY_SCALE.get(q.unit) ?? q.scale) : q.scale;
}

const binaryCopies = new WeakMap<Quantity, Quantity>();

/** The quantity with a decimal byte unit read as binary (one copy per quantity, so that what is computed from
 * it is computed once); the quantity itself when its unit has no binary reading. */
export function inBinaryUnits(q: Quantity): Quantity {
  if (!hasDecimalByteUnit(q)) return q;
  let copy = binaryCopies.get(q);
  if (copy === undefined) {
    copy = { ...q, scale: binaryScale(q) };
    binaryCopies.set(q, copy);
  }
  return copy;
}

/**
 * Whether reading byte units as binary can change what these quantities give: some unit is decimal (KB…PB) and the
 * byte units are not all the same (GB against MB, GB against GiB; GB against GB is the same ratio either way).
 */
export function binaryReadingDiffers(qs: readonly Quantity[]): boolean {
  let unit: string | undefined;
  let mixed = false;
  let decimal = false;
  for (const q of qs) {
    if (q.dimension !== 'bytes') continue;
    if (unit !== undefined && q.unit !== unit) mixed = true;
    unit ??= q.unit;
    if (hasDecimalByteUnit(q)) decimal = true;
  }
  return mixed && decimal;
}

/** How the binary reading relates the byte units of these quantities, for the explanation: `1 GB = 1024 MB`,
 * `1 GB = 1 GiB` (the largest decimal unit against the largest other one). */
export function binaryUnitsNote(qs: readonly Quantity[]): string {
  const bytes = qs.filter((qu) => qu.dimension === 'bytes').sort((x, y) => binaryScale(y) - binaryScale(x));
  const decimal = bytes.find(hasDecimalByteUnit);
  const other = bytes.find((qu) => qu.unit !== decimal?.unit);
  if (!decimal || !other) return 'binary byte units';
  const [big, small] = binaryScale(decimal) >= binaryScale(other) ? [decimal, other] : [other, decimal];
  const name = (qu: Quantity): string => (qu.unit === 'B' ? 'bytes' : qu.unit);
  const factor = binaryScale(big) / binaryScale(small);
  return `1 ${name(big)} = ${factor < 10_000 ? factor : groupThousands(String(factor))} ${name(small)}`;
}

/** The quantity's value in its dimension's base unit (`60K` → 60000, `2.1 GB` → 2.1e9). */
export function baseValue(q: Quantity): number {
  return q.value * q.scale;
}

/** A short text for a quantity as read: `27.1 GB`, `−0.65`, `~130.6 GB`. */
export function describe(q: Quantity): string {
  return `${q.qualifierRaw ? `${q.qualifierRaw}` : ''}${q.raw}${q.unitRaw}`.trim();
}

/** The first index in `qs` (sorted by start) whose quantity starts at or after `offset`. */
export function firstStartingAt(qs: readonly Quantity[], offset: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
