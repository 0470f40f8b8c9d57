// The claim checker: reads the quantities of a card, recognises the relations the method names (docs/claims.md),
// recomputes each one with the rounding intervals read from the text, and reports a verdict that explains itself.
//
// Nothing here evaluates card text: every computation is built in code from numbers read by `quantity.ts`, with
// exact rational arithmetic from `rounding.ts`. Nothing here throws on odd input: a card that cannot be read
// yields fewer checks, never an exception.
import { Check, SEVERITY_OF, Severity, Verdict, VERDICT_RANK } from './check';
import { locate, NumberField, Paper, SeedFile, TextField } from './model';
import { binaryReadingDiffers, binaryUnitsNote, describe, firstStartingAt, inBinaryUnits, isSpaceCode, plainReadingCloser, Quantity, Range, Reading, readQuantities } from './quantity';
import {
  closed,
  divQ,
  mulQ,
  divPositive,
  exact,
  formatComputed,
  formatComputedInterval,
  formatInterval,
  formatQ,
  intervalDecimals,
  HUNDRED,
  Interval,
  ONE,
  overlaps,
  pow10,
  Q,
  q,
  roundsTo,
  roundHalfUp,
  stepsAway,
  subInterval,
  affine,
  toNumber,
  unroundValue,
  ZERO,
  contains,
  endInside,
} from './rounding';
import { findBidiControls } from './checks/bidi';
import { findDamage } from './checks/damaged';
import { groupThousands, invisiblesWithin, isWordCode, sourceOffset, suffixStart, suffixStartNotIn, trimEndChar, VisibleText, withEntitiesRead, withoutInvisibles, withoutTags, writtenSlice } from './text';
import { checkDirections, lowerIsBetter, subjectPart } from './checks/direction';
import { mentions, oursSide, subjectOf } from './checks/subject';
import { memoized } from './memo';

export type FieldKey = 'title' | 'summary' | 'keyFinding' | 'numbers';

export const FIELD_LABEL: Record<FieldKey, string> = {
  title: 'title',
  summary: 'summary',
  keyFinding: 'key finding',
  numbers: 'Numbers line',
};

export interface FieldInfo {
  key: FieldKey;
  field: TextField;
  /** The field's text as a reader sees it (invisible characters removed, escaped arrows and no-break spaces read as
   * what they stand for: see `withEntitiesRead`); every offset below is into this text. */
  text: string;
  /** The way back from offsets in `text` to offsets in `field.text`. */
  visible: VisibleText;
  reading: Reading;
  clauses: Array<{ start: number; end: number }>;
  pairs: Pair[];
  /**
   * A chain of changes (`40 → 20 → 10 GB`) or comparisons (`Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB`) from its
   * first value to each later one: a claim after it may be about the whole chain (4×) as well as its last step (2×),
   * and after comparisons, about the first two (`Ours` against `QLoRA`). Only a reading that fits is kept (see
   * `candidatesFor`): a claim that fits none is judged, and fixed, as one about the last step, as most are.
   */
  chainPairs: Pair[];
  claims: Claim[];
  /** Values: quantities that report a measurement (not claims, names, references or range ends). */
  values: Quantity[];
}

export type PairKind = 'change' | 'compare' | 'part';

export interface Pair {
  a: Quantity;
  b: Quantity;
  kind: PairKind;
  connector: string;
  connectorStart: number;
  clause: number;
  /** Pairs formed across the same connector share a group. */
  group: number;
  labelA: string;
  labelB: string;
  field: FieldInfo;
  /** From the start of a chain of changes or comparisons to a later value (see `FieldInfo.chainPairs`). */
  chain: boolean;
}

export type ClaimType = 'difference' | 'percent-change' | 'factor' | 'range' | 'percent';

export interface Claim {
  q: Quantity;
  type: ClaimType;
  /** For percent changes, factors and ranges: the direction the words give. */
  /** `better`: an improvement, whose way depends on the metric (see `claimDirection`). */
  direction?: 'down' | 'up' | 'either' | 'better';
  /** The word that gives `direction`, as written (`reduction`, `faster`, `reduced`): what a message quotes. */
  word?: string;
  /** For a factor or a percentage: the word follows the number directly and ends the claim (`(13× fewer)`, not
   * `(2× more efficient)`). */
  bareWord?: boolean;
  /** For a factor or a percentage: the word after the direction word (`memory` in `(4× less memory)`). */
  noun?: string;
  range?: Range;
  clause: number;
  /** Where to read the words around the claim, for matching it to the right numbers (`less storage`, `fewer
   * parameters`): see `claimContext`, which reads them when they are needed. */
  contextStart: number;
  contextEnd: number;
  attached: boolean;
  /** For a percentage that states a value as a share of another (`(30% of original)`, `(90% of teacher)`,
   * `(97% retained)`): the words naming that other (`original`, `teacher`, '' for `retained`); else undefined. */
  shareOf: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a field: clauses, values, claims, pairs.

const CONNECTOR_RE = /→|⟶|⇒|➝|➔|->|=>|\bvs\b\.?|\bversus\b|\bcompared (?:to|with)\b|\bagainst\b|\bto\b|\bout of\b|\bof\b/gi;

const DOWN_WORDS = 'reduction|reductions|decrease|decreases|drop|drops|less|lower|fewer|smaller|cut|cuts|savings?|shorter|reduced|lower|compression|slower|slowdown|slow-down|shrink|shrinkage|decline';
const UP_WORDS = 'increase|increases|more|higher|gain|gains|larger|bigger|speedup|speed-up|boost|growth|greater|longer';
const BETTER_WORDS = 'improvement|improvements';
const EITHER_WORDS = 'faster|quicker|speed';
const AFTER_CHANGE_RE = new RegExp(`^\\s*(?:\\)\\s*)?(?:[\\p{L}-]{2,20}\\s+)?(${DOWN_WORDS}|${UP_WORDS}|${BETTER_WORDS}|${EITHER_WORDS})\\b`, 'iu');
/** A word right after a number that ends the claim: `(13× fewer)`, `8× smaller,`. */
const BARE_WORD_RE = /^\s?([\p{L}-]{2,20})\s?(?:[)\],;.:]|$)/u;
/** The word right after another: `memory` in ` memory)`. */
const NEXT_WORD_RE = /^\s([\p{L}-]{2,20})/u;
/** Nouns that name the values' own quantity, by the values' dimension (see `factorWordCounts`). */
const NOUNS_OF: Partial<Record<string, RegExp>> = {
  time: /^(?:latency|time|duration|runtime|wall-?clock|delay)$/i,
  bytes: /^(?:memory|storage|size|footprint|vram|ram|disk|space|bytes)$/i,
  count: /^(?:param(?:eter)?s|weights|steps|tokens|flops|samples|examples|gpus)$/i,
};
/** Words of size whose direction an x-fold claim's values must follow (see `factorWordCounts`). */
const SIZE_WORD_RE = /^(?:smaller|larger|bigger|fewer|more|less|lower|higher|shorter|longer|reductions?|increases?|decreases?|cuts?|drops?|compression|shrink|shrinkage|growth|decline)$/i;
const BY_CHANGE_WORD_RE = /^(?:reduc|cut|lower|decreas|shrink|drop|sav|compress|slash|trim|increas|improv|boost|rais|grow|gain|speed|accelerat)/i;

/**
 * The change word of a text ending in `<change word> … by` (`reduced latency by`), scanned by hand: the group of
 * /\b(reduc\w*|cut\w*|…|accelerat\w*)\b[^.;()]{0,40}\bby\s*$/i (a whole \w word starting with one of the stems,
 * then at most 40 characters without `.;()`, then the word `by` and trailing spaces), leftmost word first.
 */
function byChangeWord(t: string): string | undefined {
  let e = t.length;
  while (e > 0 && isSpaceCode(t.charCodeAt(e - 1))) e--;
  const b = e - 2; // where `by` must start
  if (b < 1 || (t[b] !== 'b' && t[b] !== 'B') || (t[b + 1] !== 'y' && t[b + 1] !== 'Y') || isWordCode(t.charCodeAt(b - 1))) return undefined;
  for (let s = 0; s < b; s++) {
    if (!isWordCode(t.charCodeAt(s)) || (s > 0 && isWordCode(t.charCodeAt(s - 1)))) continue;
    let q = s;
    while (isWordCode(t.charCodeAt(q))) q++; // stops before b: t[b - 1] is not a word character
    if (b - q > 40) continue;
    let clean = true;
    for (let i = q; i < b && clean; i++) clean = !'.;()'.includes(t[i]);
    if (!clean) continue;
    const word = t.slice(s, q);
    if (BY_CHANGE_WORD_RE.test(word)) return word;
  }
  return undefined;
}

const DOWN_RE = new RegExp(`^(?:${DOWN_WORDS})$`);
const EITHER_RE = new RegExp(`^(?:${EITHER_WORDS})$`);

/** The direction a change word gives, per word as written (see `directionOfWord`). */
const wordDirection = memoized(directionOfWord, 4096);

function directionOfWord(word: string): NonNullable<Claim['direction']> {
  const w = word.toLowerCase();
  if (DOWN_RE.test(w) || /^(reduc|cut|lower|decreas|shrink|drop|sav|compress|slash|trim)/.test(w)) return 'down';
  if (EITHER_RE.test(w) || /^(speed|accelerat)/.test(w)) return 'either';
  if (/^improv/.test(w)) return 'better';
  return 'up';
}

/**
 * The way a claim's word says a pair's values move. An improvement has no way of its own: it is a decrease for a
 * metric where lower is better (latency, loss, perplexity: `Perplexity 5.68 → 5.47 (3.7% improvement)`), an increase
 * where higher is better, and either when the card does not say which.
 */
function claimDirection(claim: Claim, p: Pair): 'down' | 'up' | 'either' | undefined {
  if (claim.direction !== 'better') return claim.direction;
  const lower = lowerIsBetter(p);
  return lower === undefined ? undefined : lower ? 'down' : 'up';
}

type ClaimWords = Pick<Claim, 'direction' | 'word' | 'bareWord' | 'noun'>;

/** An x-fold claim's word, read from the text after its number: its direction, and what `factorWordCounts` needs. */
function factorWord(after: string): ClaimWords {
  const m = AFTER_CHANGE_RE.exec(after);
  if (m === null) return NO_WORDS;
  const bareWord = BARE_WORD_RE.exec(after)?.[1].toLowerCase() === m[1].toLowerCase();
  const noun = NEXT_WORD_RE.exec(after.slice(m.index + m[0].length))?.[1];
  return { direction: wordDirection(m[1]), word: m[1], bareWord, noun };
}

const NO_WORDS: ClaimWords = Object.freeze({ direction: undefined, word: undefined, bareWord: undefined, noun: undefined });

/** A claim's direction and the word that gives it (nothing without a word). */
function directionOf(word: string | undefined): ClaimWords {
  return word === undefined ? NO_WORDS : { direction: wordDirection(word), word, bareWord: undefined, noun: undefined };
}

/** A claim with every field set, so that all claims share one shape (`analyseField` sets `clause`; `checkPaper` sets
 * `attached` once the claim is read against some numbers). */
function claimOf(qu: Quantity, type: ClaimType, words: ClaimWords, contextStart: number, contextEnd: number, range?: Range): Claim {
  return { q: qu, type, direction: words.direction, word: words.word, bareWord: words.bareWord, noun: words.noun, range, clause: 0, contextStart, contextEnd, attached: false, shareOf: undefined };
}

/** The characters that can end a clause (a native scan finds them faster than a loop over every character). */
const CLAUSE_END_RE = /[;\n|:.!?]/g;

/**
 * Whether offset `i` lies in the qualifier written before a quantity's number (the `&gt;` of `&gt;325 GB`), given
 * `k`, the index of the first quantity that may hold it. Why: the `;` that ends an HTML entity read as a bound is
 * part of the quantity, not the end of a clause (`&gt;325 GB -> &lt;53 GB` is one clause, as `>325 GB -> <53 GB` is);
 * `splitClauses` asks only about a `;`, so a line break between `over` and its number still ends a clause.
 */
function inQualifier(qs: readonly Quantity[], k: number, i: number): boolean {
  return k < qs.length && qs[k].start <= i && i < qs[k].numStart;
}

/** The clauses of `text`, whose quantities `qs` (sorted by start) have been read. */
function splitClauses(text: string, qs: readonly Quantity[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let k = 0; // the first quantity whose number does not begin before the candidate
  // `test` finds the next candidate without building a match (lastIndex ends just after the character).
  CLAUSE_END_RE.lastIndex = 0;
  while (CLAUSE_END_RE.test(text)) {
    const i = CLAUSE_END_RE.lastIndex - 1;
    const c = text[i];
    while (k < qs.length && qs[k].numStart <= i) k++;
    let cut = false;
    if (c === ';' || c === '\n' || c === '|') cut = true;
    else if (c === ':' && (text[i + 1] === ' ' || i + 1 === text.length)) cut = true;
    else if ((c === '.' || c === '!' || c === '?') && (text[i + 1] === ' ' || i + 1 === text.length)) {
      // The word before the mark: the run of non-space characters ending at it, within the 8 characters before
      // (as /(\S+)$/ on that slice would read it).
      const lo = Math.max(start, i - 8);
      let b = i;
      while (b > lo && !isSpaceCode(text.charCodeAt(b - 1))) b--;
      const last = b < i ? text.charCodeAt(i - 1) : -1;
      const endsInDigit = last >= 48 && last <= 57;
      if (!endsInDigit && !/^(?:vs|e\.g|i\.e|al|approx|fig|tab|eq|cf|etc|ca|avg|resp|ref|no|sec)$/i.test(text.slice(b, i))) cut = true;
      else if (endsInDigit && /^\s+[A-Z]/.test(text.slice(i + 1, i + 4))) cut = true;
    }
    if (cut && !(c === ';' && inQualifier(qs, k, i))) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

function clauseOf(clauses: Array<{ start: number; end: number }>, offset: number): number {
  // Binary search: clauses are sorted and cover the text.
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Values lying within [from, to), at most `max` of them from the end nearest `to` (or the start). */
function valuesBetween(values: Quantity[], from: number, to: number, max: number, fromEnd: boolean): Quantity[] {
  const out: Quantity[] = [];
  const i0 = firstStartingAt(values, from);
  if (fromEnd) {
    let j = firstStartingAt(values, to) - 1;
    while (j >= i0 && values[j].end > to) j--;
    for (let k = Math.max(i0, j - max + 1); k <= j; k++) out.push(values[k]);
  } else {
    for (let k = i0; k < values.length && values[k].end <= to && out.length < max; k++) out.push(values[k]);
  }
  return out;
}

function usable(qu: Quantity): boolean {
  return !qu.name && !qu.reference && !qu.attributive && !qu.plusMinus;
}

/**
 * What follows a multiple that is a setting, not a claim (like `4-bit`): `10-fold cross-validation`, `8x A100`,
 * `2× GPUs`, `4x upscaled`. Why: read as claims, they were checked against the card's numbers and flagged.
 */
const FACTOR_SETTING_RE = /^[\s-]?(?:cross[\s-]?validat\w*|cv\b|[ahlvt]\d{2,3}\b|(?:gpu|tpu|node)s?\b(?!\s(?:throughput|memory|hours?|utili[sz]ation|time|efficiency|usage|cost))|rtx\b|upscal\w*|downscal\w*|upsampl\w*|downsampl\w*|super[\s-]?resolution)/i;

/**
 * What follows a percentage that states a share of a reference, up to its closing bracket: `of original`, `of the
 * baseline`, `of teacher`, `of full fine-tuning`, `retained`, `recovered` (see `shareOf`).
 */
const SHARE_AFTER_RE = /^\s(?:of\s(?:the\s)?((?:original|baseline|teacher|dense|full|base|reference|uncompressed|unpruned|fp16|fp32|bf16)\b[^()]{0,24})|retained|retention|recovered|recovery)\)/i;

function classify(text: string, qu: Quantity, ranges: Range[]): Claim | undefined {
  if (!usable(qu)) return undefined;
  if (qu.range !== undefined) {
    const r = ranges[qu.range];
    if (qu !== r.high && qu.raw !== r.high.raw) return undefined;
    if (qu.numStart !== r.high.numStart) return undefined;
    if (r.dimension === 'factor') return claimOf(qu, 'range', factorWord(text.slice(r.end, r.end + 40)), r.start, r.end, r);
    if (r.dimension === 'percent') {
      const m = AFTER_CHANGE_RE.exec(text.slice(r.end, r.end + 40));
      const by = byChangeWord(text.slice(Math.max(0, r.start - 60), r.start));
      if (m || by) return claimOf(qu, 'range', directionOf(m ? m[1] : by), r.start, r.end, r);
    }
    return undefined;
  }
  if (qu.dimension === 'factor') {
    if (FACTOR_SETTING_RE.test(text.slice(qu.end, qu.end + 24))) return undefined;
    return claimOf(qu, 'factor', factorWord(text.slice(qu.end, qu.end + 40)), qu.start, qu.end);
  }
  if (qu.dimension === 'pp') {
    const m = AFTER_CHANGE_RE.exec(text.slice(qu.end, qu.end + 40));
    return claimOf(qu, 'difference', directionOf(m?.[1]), qu.start, qu.end);
  }
  if (qu.delta || qu.sign !== '') return claimOf(qu, qu.dimension === 'percent' ? 'percent-change' : 'difference', NO_WORDS, qu.start, qu.end);
  if (qu.dimension === 'percent') {
    const word = factorWord(text.slice(qu.end, qu.end + 40));
    if (word.word !== undefined) return claimOf(qu, 'percent-change', word, qu.start, qu.end);
    const by = byChangeWord(text.slice(Math.max(0, qu.start - 60), qu.start));
    if (by) return claimOf(qu, 'percent-change', directionOf(by), qu.start, qu.end);
    // A share said in so many words: `(30% of original)`, `(90% of teacher)`, `(97% retained)`.
    const share = text[qu.start - 1] === '(' ? SHARE_AFTER_RE.exec(text.slice(qu.end, qu.end + 40)) : null;
    if (share !== null) {
      const claim = claimOf(qu, 'percent', NO_WORDS, qu.start, qu.end);
      claim.shareOf = share[1] ?? '';
      return claim;
    }
    // A bare percentage in brackets right after other numbers: a share or a change, decided when attached.
    if (text[qu.start - 1] === '(' && (text[qu.end] === ')' || text[qu.end] === ',')) return claimOf(qu, 'percent', NO_WORDS, qu.start, qu.end);
  }
  return undefined;
}

/** Words around a claim: what lies between it and the nearest bracket or punctuation, 30 characters at most. */
function claimContext(text: string, claim: Claim): string {
  const s = claim.contextStart;
  const e = claim.contextEnd;
  const before = text.slice(Math.max(0, s - 30), s);
  const after = text.slice(e, Math.min(text.length, e + 30));
  const b = before.slice(suffixStartNotIn(before, '()[],;.:'));
  const a = /^[^()[\],;.:]*/.exec(after)?.[0] ?? '';
  return `${b} ${a}`;
}

function compatible(a: Quantity, b: Quantity): boolean {
  const valueDims = ['none', 'count', 'bytes', 'time', 'percent', 'bits'];
  if (!valueDims.includes(a.dimension) || !valueDims.includes(b.dimension)) return false;
  if (a.dimension === b.dimension) return true;
  return a.dimension === 'none' || b.dimension === 'none';
}

/** `s.replace(/[(:=,]+\s*$/, '')`: drops a trailing run of `(`, `:`, `=` or `,` and the spaces after it. */
function trimLabelEnd(s: string): string {
  let j = s.length;
  while (j > 0 && isSpaceCode(s.charCodeAt(j - 1))) j--;
  const k = suffixStart(s.slice(0, j), '(:=,');
  return k < j ? s.slice(0, k) : s;
}

/** The label written next to a value: the words before it in its segment, or a bracket right after it. */
function labelFor(text: string, qu: Quantity, from: number): string {
  // A bracket without digits wins over the words before: read it first, and the words only when it is not there.
  const bracket = /^\s*\(([^()]{1,30})\)/.exec(text.slice(qu.end, qu.end + 34));
  let label: string;
  if (bracket && !/\d/.test(bracket[1])) label = bracket[1];
  else {
    // Without markup: the label of `<td>Ours</td><td>40.1` is "Ours", not "td".
    const before = trimLabelEnd(withoutTags(text.slice(Math.max(from, qu.start - 40), qu.start))).trim();
    const words = before.split(/\s+/).filter((w) => w !== '' && !/^(vs\.?|versus|to|from|of|and|→|->|=>|avg|average|with|is|at|on)$/i.test(w));
    label = words.slice(-2).join(' ');
  }
  return label.replace(/[^\p{L}\p{N}+\-_. /]/gu, '').trim();
}

/** Records on each quantity the invisible characters that were written inside it (a reader would not see them). */
function markInvisibles(qs: Quantity[], visible: VisibleText, original: string): void {
  for (const qu of qs) {
    const names = invisiblesWithin(visible, original, qu.start, qu.end);
    if (names.length > 0) qu.invisible = names;
  }
}

export function analyseField(key: FieldKey, field: TextField): FieldInfo {
  const visible = withEntitiesRead(withoutInvisibles(field.text));
  const text = visible.text;
  const reading = readQuantities(text);
  if (visible.removed) markInvisibles(reading.quantities, visible, field.text);
  const clauses = splitClauses(text, reading.quantities);
  const claims: Claim[] = [];
  const values: Quantity[] = [];
  for (const qu of reading.quantities) {
    const claim = classify(text, qu, reading.ranges);
    if (claim) {
      // Completed in place: `classify` returns a fresh object.
      claim.clause = clauseOf(clauses, qu.start);
      claims.push(claim);
    }
    else if (usable(qu) && qu.range === undefined) values.push(qu);
  }
  // Connectors, outside quantities.
  const connectors: Array<{ start: number; end: number; word: string; kind: PairKind; clause: number }> = [];
  CONNECTOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let qi = 0;
  const qs = reading.quantities;
  // A pair needs a value on each side of its connector: with fewer than two values there is nothing to look for.
  if (values.length >= 2) while ((m = CONNECTOR_RE.exec(text)) !== null) {
    const s = m.index;
    while (qi < qs.length && qs[qi].end <= s) qi++;
    if (qi < qs.length && qs[qi].start <= s && s < qs[qi].end) continue;
    const w = m[0].toLowerCase();
    if (w === 'to' && /\b(?:up|down|due|how|able|used|want|need|lead|leads)\s+$/i.test(text.slice(Math.max(0, s - 6), s)) && !/down\s+$/i.test(text.slice(Math.max(0, s - 6), s))) continue;
    const kind: PairKind = w === 'of' || w === 'out of' ? 'part' : /^(vs|versus|compared|against)/.test(w) ? 'compare' : 'change';
    connectors.push({ start: s, end: s + m[0].length, word: m[0], kind, clause: clauseOf(clauses, s) });
  }
  const pairs: Pair[] = [];
  const chainPairs: Pair[] = [];
  /** The pair the previous connector made, when it made exactly one, where its chain started, and its first pair. */
  let link: { pair: Pair; start: Quantity; startLabel: string; first: Pair } | undefined;
  let group = 0;
  for (let ci = 0; ci < connectors.length; ci++) {
    const c = connectors[ci];
    const clause = clauses[c.clause];
    const prev = ci > 0 && connectors[ci - 1].clause === c.clause ? connectors[ci - 1].end : clause.start;
    const next = ci + 1 < connectors.length && connectors[ci + 1].clause === c.clause ? connectors[ci + 1].start : clause.end;
    // At most 8 values on each side: parallel lists longer than that are tables, not claims.
    let left = valuesBetween(values, prev, c.start, 8, true);
    let right = valuesBetween(values, c.end, next, 8, false);
    if (c.kind === 'part') {
      left = left.slice(-1);
      right = right.slice(0, 1);
      // "A of B" only when nothing but words lies between.
      if (left.length && right.length && /[()]/.test(text.slice(left[0].end, right[0].start))) continue;
    }
    // "from A to B": the left value follows "from"; prose "to" between unrelated numbers is filtered by units.
    const made: Array<[Quantity, Quantity]> = [];
    if (left.length >= 2 && left.length === right.length) {
      for (let k = 0; k < left.length; k++) made.push([left[k], right[k]]);
    } else if (left.length >= 1 && right.length >= 1) {
      made.push([left[left.length - 1], right[0]]);
      if (left.length === 1 && c.kind === 'compare') for (let k = 1; k < right.length; k++) if (right[k].dimension === left[0].dimension) made.push([left[0], right[k]]);
    }
    const before = pairs.length;
    for (const [a, b] of made) {
      if (!compatible(a, b)) continue;
      if (c.kind === 'change' && c.word.toLowerCase() === 'to' && a.dimension === 'none' && b.dimension === 'none' && !/\bfrom\b/i.test(text.slice(Math.max(prev, a.start - 30), a.start))) continue;
      pairs.push({ a, b, kind: c.kind, connector: c.word, connectorStart: c.start, clause: c.clause, group, labelA: labelFor(text, a, prev), labelB: labelFor(text, b, c.end), field: undefined as unknown as FieldInfo, chain: false });
    }
    const one = pairs.length === before + 1 && c.kind !== 'part' ? pairs[before] : undefined;
    if (one && link && link.pair.kind === one.kind && link.pair.clause === one.clause && link.pair.b === one.a && compatible(link.start, one.b)) {
      chainPairs.push({ ...one, a: link.start, labelA: link.startLabel, chain: true });
      // `Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB (54% less)`: a claim after comparisons is most often about the
      // first two (the subject against the first thing it is compared with), so their pair is read here too.
      if (one.kind === 'compare') chainPairs.push({ ...link.first, group: one.group, chain: true });
      link = { pair: one, start: link.start, startLabel: link.startLabel, first: link.first };
    } else link = one && { pair: one, start: one.a, startLabel: one.labelA, first: one };
    if (pairs.length > before) group++;
  }
  const info: FieldInfo = { key, field, text, visible, reading, clauses, pairs, chainPairs, claims, values };
  for (const p of pairs) p.field = info;
  for (const p of chainPairs) p.field = info;
  return info;
}

// ---------------------------------------------------------------------------------------------------------------
// Exact values and intervals of quantities.

const scaleCache = new Map<number, Q>();

function scaleQ(scale: number): Q {
  // Scale 1 (no multiplier, the common case) is ONE itself, so that `mulBy`/`divBy` can skip it.
  if (scale === 1) return ONE;
  let s = scaleCache.get(scale);
  if (s === undefined) {
    s = scale >= 1 ? q(Math.round(scale)) : q(1, Math.round(1 / scale));
    if (scaleCache.size < 256) scaleCache.set(scale, s);
  }
  return s;
}

/** x · s, without building an equal fraction when s is ONE (fractions are immutable and always reduced). */
function mulBy(x: Q, s: Q): Q {
  return s === ONE ? x : mulQ(x, s);
}

/** x / s, without building an equal fraction when s is ONE. */
function divBy(x: Q, s: Q): Q {
  return s === ONE ? x : divQ(x, s);
}

/**
 * Exact values derived from a quantity, computed once: the same quantity is read by every relation, candidate and
 * cross-field check that involves it. Quantities are not changed after reading, and fractions are immutable.
 */
interface QuantityExact {
  value?: Q;
  base?: Q;
  interval?: Interval;
  /** Descriptions by input name and rate, as [name, rate, text, name, rate, text…] (a quantity is described under one
   * or two names; its rate may come from the value it is paired with, see `rateOf`). */
  inputs?: string[];
  signed?: Stated;
  magnitude?: Stated;
}
/** Where a quantity keeps its memo: a property that is not enumerable, so that a copy (`{ ...qu, scale }` for a
 * binary reading, or with an assumed unit) starts without it, and one that no code outside this module can name. */
const EXACT_MEMO = Symbol('exact values');

function memoOf(qu: Quantity): QuantityExact {
  const holder = qu as Quantity & { [EXACT_MEMO]?: QuantityExact };
  let m = holder[EXACT_MEMO];
  if (m === undefined) {
    m = {};
    Object.defineProperty(holder, EXACT_MEMO, { value: m });
  }
  return m;
}

/** The value as written (`exact(qu.raw)`, 0 when unreadable), without the multiplier. */
function exactValue(qu: Quantity): Q {
  const m = memoOf(qu);
  return (m.value ??= exact(qu.raw) ?? ZERO);
}

/** The value as written, in its dimension's base unit, sign included. */
export function exactBase(qu: Quantity): Q {
  const m = memoOf(qu);
  return (m.base ??= mulBy(exactValue(qu), scaleQ(qu.scale)));
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * `Number(exactBase(qu).valueOf())` without building a fraction: the exact value is num/den with integer num and
 * den; when both are exact doubles, one IEEE division gives the same correctly rounded result as the fraction's
 * `valueOf` (which divides its reduced numerator by its denominator). Falls back to the fraction otherwise.
 */
export function baseNumber(qu: Quantity): number {
  const raw = qu.raw;
  let s = raw;
  if (s.includes(',')) s = s.replace(/,/g, '');
  if (s.includes('\u2212')) s = s.replace(/\u2212/g, '-');
  if (s.charCodeAt(0) === 43) s = s.slice(1);
  const m = DECIMAL_RE.exec(s);
  if (!m) return 0;
  const frac = m[3] ?? '';
  const digits = m[2] + frac;
  const exponent = (m[4] ? Number(m[4]) : 0) - frac.length;
  const scale = qu.scale;
  const sn = scale >= 1 ? Math.round(scale) : 1;
  const sd = scale >= 1 ? 1 : Math.round(1 / scale);
  if (digits.length <= 15 && exponent <= 15 && exponent >= -15) {
    const d = Number(digits);
    const num = d * (exponent > 0 ? 10 ** exponent : 1) * sn;
    const den = (exponent < 0 ? 10 ** -exponent : 1) * sd;
    if (num <= MAX_SAFE && den <= MAX_SAFE) {
      if (num === 0) return 0;
      return m[1] === '-' ? -(num / den) : num / den;
    }
  }
  return Number(exactBase(qu).valueOf());
}

/** The interval a value was rounded from (in base units); bounds for `>`/`<`; ±5 % more for `~`. */
export function intervalOf(qu: Quantity): Interval {
  const m = memoOf(qu);
  return (m.interval ??= computeIntervalOf(qu));
}

function computeIntervalOf(qu: Quantity): Interval {
  const v = exactValue(qu);
  const s = scaleQ(qu.scale);
  const u = unroundValue(v, qu.decimals);
  const scaled: Interval = { lo: mulBy(u.lo!, s), hi: mulBy(u.hi!, s), loIncl: true, hiIncl: true };
  const base = mulBy(v, s);
  switch (qu.qualifier) {
    case 'gt':
    case 'ge':
      return { lo: scaled.lo, hi: null, loIncl: true, hiIncl: false };
    case 'lt':
    case 'le':
      return { lo: ZERO, hi: scaled.hi, loIncl: false, hiIncl: true };
    case 'approx': {
      const w = base.abs().mul(q(5, 100));
      return closed(scaled.lo!.sub(w), scaled.hi!.add(w));
    }
    default:
      return scaled;
  }
}

function isBound(qu: Quantity): boolean {
  return qu.qualifier !== undefined && qu.qualifier !== 'approx';
}

/**
 * An input of a computation as read, for messages and explanations: `before = 27.1 GB (27.05…27.15)`. `p` is the
 * pair the value was read in, for its rate (`/s` of `100 GB/s`, see `rateOf`), which the value's own unit leaves out.
 */
function describeInput(name: string, qu: Quantity, p?: Pair): string {
  const rate = p === undefined ? '' : rateOf(qu, p);
  const inputs = (memoOf(qu).inputs ??= []);
  for (let k = 0; k < inputs.length; k += 3) if (inputs[k] === name && inputs[k + 1] === rate) return inputs[k + 2];
  const described = computeDescribeInput(name, qu, rate);
  inputs.push(name, rate, described);
  return described;
}

/**
 * The rate of a value of a pair: written after it, or, for a value written without a unit of its own, after the
 * other value (`300 → 900 GB/s`, `30 → 90 tokens/s`: written once for both, like a shared unit).
 */
function rateOf(qu: Quantity, p: Pair): string {
  const text = p.field.text;
  const own = rateAfter(qu, text);
  if (own !== '' || (qu.unitRaw.trim() !== '' && qu.unitFrom === undefined)) return own;
  return rateAfter(qu === p.a ? p.b : p.a, text);
}

/** The rate written right after a value (`/s` of `100 GB/s`, ` tokens/s` of `60 tokens/s`), or ''. */
function rateAfter(qu: Quantity, text: string): string {
  if (qu.end >= text.length) return '';
  return RATE_AFTER_RE.exec(text.slice(qu.end, qu.end + 40))?.[0].trimEnd() ?? '';
}

/** A value of a pair as written, with its rate (see `rateAfter`): `100 GB/s`, `60 tokens/s`, `45 ms`. */
function describeIn(p: Pair, qu: Quantity): string {
  return describe(qu) + rateAfter(qu, p.field.text);
}

function computeDescribeInput(name: string, qu: Quantity, rate: string): string {
  const i = intervalOf(qu);
  const s = scaleQ(qu.scale);
  const inUnit: Interval = { lo: i.lo && divBy(i.lo, s), hi: i.hi && divBy(i.hi, s), loIncl: i.loIncl, hiIncl: i.hiIncl };
  const d = qu.decimals + 1 + (qu.qualifier === 'approx' ? 0 : 0);
  // A unit written only on the value it is paired with (`from 12.0 to 4.0 GB`) is shown, and where it came from.
  const from = qu.unitFrom;
  const unit = (from ?? qu).unitRaw.trim();
  const shared = from ? ` (unit ${qu.unitAssumed ? 'assumed' : 'taken'} from ${describe(from)}${rate})` : '';
  return `${name} = ${(qu.qualifierRaw ? `${qu.qualifierRaw} ` : '') + qu.raw}${unit ? ` ${unit}` : ''}${rate}${shared} (${formatInterval(inUnit, Math.max(d, 0))})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Judging a stated value against a computed interval.

export interface Computation {
  kind: string;
  formula: string;
  /** Each input as read (see `inputsOf`): given, or described on demand by `describeInputs`. */
  inputs?: string[];
  /** Builds `inputs` when first needed: most candidates lose to a better one and are never shown. */
  describeInputs?: () => string[];
  /** The value from the numbers as written (null when only a bound follows). */
  point: Q | null;
  /** The range over the inputs' rounding intervals. */
  interval: Interval;
  /** Unit of the computed value as shown, e.g. `%`, ` pp`, `×`. */
  suffix: string;
  bounded: boolean;
  approxInputs: boolean;
  chart?: Array<{ label: string; value: number }>;
  /** The pair whose values the chart shows (see `chartOfComputation`), built only for the check that is shown. */
  chartPair?: Pair;
  note?: string;
  /** Decimals to show the computed value with, when the relation fixes them (differences). */
  decimals?: number;
}

export interface Judgement {
  verdict: Verdict;
  computedText: string;
  closest?: Q;
  steps: number;
}

interface Stated {
  value: Q;
  decimals: number;
  qualifier?: Quantity['qualifier'];
  /** unroundValue(value, decimals), filled in by `judge` the first time it is needed. */
  unrounded?: Interval;
}

/** The stated value of a quantity, signed or as a magnitude; built once per quantity and reading. */
function statedOf(qu: Quantity, magnitude: boolean): Stated {
  const m = memoOf(qu);
  const cached = magnitude ? m.magnitude : m.signed;
  if (cached) return cached;
  let v = exactValue(qu);
  if (magnitude) v = v.abs();
  const stated: Stated = { value: v, decimals: qu.decimals, qualifier: qu.qualifier };
  if (magnitude) m.magnitude = stated;
  else m.signed = stated;
  return stated;
}

/** Decimals to show a computed value with: those the relation fixes (differences), or four significant digits of
 * the largest value shown (see `intervalDecimals`); never fewer than the stated value has. */
function displayDecimals(c: Computation, stated: Stated): number {
  if (c.decimals !== undefined) return Math.max(stated.decimals, c.decimals);
  return intervalDecimals(c.interval, c.point, 4, Math.max(stated.decimals, 0));
}

/** The text of what the numbers give, as `judge` writes it. */
function computedTextOf(stated: Stated, c: Computation): string {
  return formatComputedInterval(c.interval, displayDecimals(c, stated), c.suffix);
}

export function judge(stated: Stated, c: Computation): Judgement {
  const r = rule(stated, c);
  const computedText = computedTextOf(stated, c);
  return r.closest === undefined ? { verdict: r.verdict, computedText, steps: r.steps } : { verdict: r.verdict, computedText, closest: r.closest, steps: r.steps };
}

/** A judgement without its text: what every candidate needs to be compared; the text is written for the winner. */
type Ruling = Omit<Judgement, 'computedText'>;

function rule(stated: Stated, c: Computation): Ruling {
  const d = stated.decimals;
  const S = (stated.unrounded ??= unroundValue(stated.value, d));
  // A stated bound ("over 90%", "up to 10×").
  if (stated.qualifier && stated.qualifier !== 'approx') {
    const lower = stated.qualifier === 'gt' || stated.qualifier === 'ge';
    const ok = lower ? c.interval.hi === null || c.interval.hi.compare(S.lo!) >= 0 : c.interval.lo === null || c.interval.lo.compare(S.hi!) <= 0;
    if (ok) {
      const strictOk = lower ? c.interval.lo !== null && c.interval.lo.compare(S.lo!) >= 0 : c.interval.hi !== null && c.interval.hi.compare(S.hi!) <= 0;
      return { verdict: c.bounded ? 'bound' : strictOk ? 'consistent' : 'approximate', steps: 0 };
    }
    const gap = lower ? stated.value.sub(c.interval.hi!) : c.interval.lo!.sub(stated.value);
    const steps = toNumber(gap.div(pow10(-d)));
    const closest = lower ? c.interval.hi! : c.interval.lo!;
    return { verdict: steps <= 1 ? 'near-miss' : 'inconsistent', closest, steps };
  }
  if (c.point !== null && !c.approxInputs && roundsTo(c.point, stated.value, d) && !c.bounded) return { verdict: 'consistent', steps: 0 };
  if (overlaps(c.interval, S)) {
    if (c.bounded) return { verdict: 'bound', steps: 0 };
    if (c.approxInputs || stated.qualifier === 'approx') return { verdict: 'approximate', steps: 0 };
    return { verdict: 'rounding', steps: 0 };
  }
  const { steps, closest } = stepsAway(c.interval, stated.value, d);
  if (stated.qualifier === 'approx' || c.approxInputs) {
    // Approximations: a wider tolerance of 10 % of the stated value, or one step.
    const tol = stated.value.abs().mul(q(1, 10));
    const widened = closed(S.lo!.sub(tol), S.hi!.add(tol));
    if (overlaps(c.interval, widened) || steps <= 1) return { verdict: 'approximate', steps: 0 };
    return { verdict: 'inconsistent', closest, steps };
  }
  return { verdict: steps <= 1 ? 'near-miss' : 'inconsistent', closest, steps };
}

// ---------------------------------------------------------------------------------------------------------------
// Computations for each relation.

function valueLabel(p: Pair, which: 'a' | 'b'): string {
  // `Memory reduced from 27.1 GB`: the words before "from" name the change, not the value, so an explanation says
  // "before" (the label itself still names the value for `restatements`).
  if (which === 'a' && p.kind === 'change' && /\bfrom\s*$/i.test(p.field.text.slice(Math.max(0, p.a.start - 8), p.a.start))) return 'before';
  const l = which === 'a' ? p.labelA : p.labelB;
  if (l) return l;
  if (p.kind === 'change') return which === 'a' ? 'before' : 'after';
  if (p.kind === 'part') return which === 'a' ? 'part' : 'whole';
  return which === 'a' ? 'A' : 'B';
}

/** The inputs of a computation, described the first time they are needed. */
function inputsOf(c: Computation): string[] {
  return (c.inputs ??= c.describeInputs ? c.describeInputs() : []);
}

/** The chart of a computation: its values, when it compares a pair. */
function chartOfComputation(c: Computation): Array<{ label: string; value: number }> | undefined {
  return c.chartPair ? chartOf(c.chartPair) : c.chart;
}

function chartOf(p: Pair): Array<{ label: string; value: number }> {
  // In the unit of the first value.
  const s = p.a.scale || 1;
  return [
    { label: valueLabel(p, 'a'), value: p.a.value },
    { label: valueLabel(p, 'b'), value: (p.b.value * p.b.scale) / s },
  ];
}

function positive(qu: Quantity): boolean {
  return qu.value > 0 && qu.sign !== '-';
}

/** The decimals a value's last digit stands for in a unit `unitScale` times the base unit (1.0 GB in MB: −2). */
function decimalsIn(v: Quantity, unitScale: number): number {
  return v.decimals - Math.round(Math.log10((v.scale || 1) / unitScale));
}

/**
 * after − before (change) or A − B (compare), in the claim's unit when it has one of the values' dimension
 * (`claimScale`, `claimUnit`: `1.5 h → 45 min (−45 min)` is computed in minutes), else in the unit of the values.
 */
function difference(p: Pair, claimScale: number, claimUnit = ''): Computation {
  const [x, y] = p.kind === 'change' ? [p.b, p.a] : [p.a, p.b];
  const s = scaleQ(claimScale);
  const ix = intervalOf(x);
  const iy = intervalOf(y);
  const interval = affine(subInterval(ix, iy), ONE.div(s));
  const point = divBy(exactBase(x).sub(exactBase(y)), s);
  const suffix = p.a.dimension === 'percent' || p.b.dimension === 'percent' ? ' pp' : claimUnit ? ` ${claimUnit}` : unitSuffix(p);
  return {
    kind: 'difference',
    formula: p.kind === 'change' ? 'after − before' : 'A − B',
    describeInputs: () =>
      p.kind === 'change' ? [describeInput('before', p.a, p), describeInput('after', p.b, p)] : [describeInput(`A (${valueLabel(p, 'a')})`, p.a, p), describeInput(`B (${valueLabel(p, 'b')})`, p.b, p)],
    point: isBound(x) || isBound(y) ? null : point,
    interval,
    suffix,
    bounded: isBound(x) || isBound(y),
    approxInputs: x.qualifier === 'approx' || y.qualifier === 'approx',
    chartPair: p,
    decimals: Math.max(decimalsIn(x, claimScale), decimalsIn(y, claimScale)) + 1,
  };
}

/** A difference the other way round, formula included: `before − after` for a drop stated as its size (`4.2 points lower`). */
function negatedDifference(comp: Computation): Computation {
  const formula = comp.formula.replace('after − before', 'before − after').replace('A − B', 'B − A');
  return { ...comp, formula, interval: affine(comp.interval, ONE.neg()), point: comp.point && comp.point.neg() };
}

/** Whether both values are plain numbers between 0 and 1 with decimals: scores written as fractions (`0.612`). */
function areFractions(p: Pair): boolean {
  return [p.a, p.b].every((v) => v.dimension === 'none' && v.decimals > 0 && v.value >= 0 && v.value <= 1);
}

/** Points between scores written as fractions: `0.612 → 0.740` is 12.8 points (the difference × 100). */
function fractionPoints(p: Pair): Computation {
  const comp = difference(p, 0.01, 'pp');
  return { ...comp, formula: `(${comp.formula}) × 100 (scores as fractions)` };
}

function unitSuffix(p: Pair): string {
  const u = p.a.unit || p.b.unit;
  return u ? ` ${u}` : '';
}

/** Relative change in percent: (after − before)/before, or for 'down' words (before − after)/before. */
function relativeChange(p: Pair, direction: 'down' | 'up' | 'signed'): Computation | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const ia = intervalOf(p.a);
  const ib = intervalOf(p.b);
  const pa = exactBase(p.a);
  const pb = exactBase(p.b);
  let before = ia;
  let after = ib;
  let pBefore = pa;
  let pAfter = pb;
  let formula: string;
  if (p.kind !== 'change') {
    // "A vs B (x% less/more)": relative to the other value, in the direction the word gives.
    const aLarger = pa.compare(pb) >= 0;
    if (direction === 'down') {
      // smaller is x% less than larger: (larger − smaller)/larger
      [before, after, pBefore, pAfter] = aLarger ? [ia, ib, pa, pb] : [ib, ia, pb, pa];
    } else {
      // larger is x% more than smaller: (larger − smaller)/smaller
      [before, after, pBefore, pAfter] = aLarger ? [ib, ia, pb, pa] : [ia, ib, pa, pb];
    }
  }
  const ratio = divPositive(after, before);
  let interval: Interval;
  let point: Q;
  if (direction === 'down') {
    interval = affine(ratio, HUNDRED.neg(), HUNDRED);
    point = ONE.sub(pAfter.div(pBefore)).mul(HUNDRED);
    formula = p.kind === 'change' ? '(before − after) / before × 100' : '(larger − smaller) / larger × 100';
  } else {
    interval = affine(ratio, HUNDRED, HUNDRED.neg());
    point = pAfter.div(pBefore).sub(ONE).mul(HUNDRED);
    formula = p.kind === 'change' ? '(after − before) / before × 100' : '(larger − smaller) / smaller × 100';
  }
  return percentOfPair(p, formula, interval, point);
}

/** `A vs B (−28%)`: the first value relative to the second, with its sign; `formula` names them as the card does. */
function relativeToSecond(p: Pair, formula: string): Computation | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const interval = affine(divPositive(intervalOf(p.a), intervalOf(p.b)), HUNDRED, HUNDRED.neg());
  return percentOfPair(p, formula, interval, exactBase(p.a).div(exactBase(p.b)).sub(ONE).mul(HUNDRED));
}

/** A percentage computed from a pair's two values (`point` from the values as written, `interval` over their
 * rounding intervals): the parts every such reading shares. */
function percentOfPair(p: Pair, formula: string, interval: Interval, point: Q): Computation {
  const bounded = isBound(p.a) || isBound(p.b);
  return {
    kind: 'percent-change',
    formula,
    describeInputs: () => [describeInput(valueLabel(p, 'a'), p.a, p), describeInput(valueLabel(p, 'b'), p.b, p)],
    point: bounded ? null : point,
    interval,
    suffix: '%',
    bounded,
    approxInputs: p.a.qualifier === 'approx' || p.b.qualifier === 'approx',
    chartPair: p,
  };
}

/** Which way a claim's word speaks of speed: `faster`, `quicker`, `speedup`, `speed-up` (and `speeds up … by`,
 * `accelerates … by`) or `slower`; undefined for any other word. */
function speedWord(word: string | undefined): 'faster' | 'slower' | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase();
  if (w === 'slower' || w === 'slowdown' || w === 'slow-down') return 'slower';
  return w === 'faster' || w === 'quicker' || w.startsWith('speed') || w.startsWith('accelerat') ? 'faster' : undefined;
}

/** What a speed word is about: times (less is faster) or rates (more is faster). */
type SpeedMeasure = 'time' | 'rate';

interface Speed {
  word: 'faster' | 'slower';
  measure: SpeedMeasure;
}

/**
 * A rate written after a value: `tokens/s`, `GB/s`, `samples per second`, `it/s`, `QPS`, `FPS` (a word of up to 16
 * letters, then `/` or `per` and a unit of time, then perhaps what it is per: `GB/s/GPU`; or one of the usual
 * abbreviations).
 */
const RATE_AFTER_RE = /^\s?(?:[\p{L}-]{1,16}\s?)?(?:\/\s?|per\s)(?:s|sec|secs|second|min|minute|h|hr|hour|day)\b(?:\/\p{L}[\p{L}\d-]{0,11})?|^\s?(?:qps|fps|tps|rps)\b/iu;

/** A rate named in a label before the values: `Throughput (tokens/s) 30 → 90`, `Tokens per second: 30 → 90`. */
const RATE_LABEL_RE = /\bthroughput\b|\/\s?(?:s|sec|second)\b|\bper\s(?:s|sec|second)\b|\b(?:qps|fps|tps|rps)\b/i;

/**
 * Whether a pair's values are rates: what follows either value names one (see RATE_AFTER_RE), or the words before
 * the first value do (up to 40 characters, back to a `,`, `;`, `|` or line break: `Throughput: 30 → 90`).
 */
export function isRatePair(p: Pair): boolean {
  const text = p.field.text;
  if ([p.a, p.b].some((v) => v.dimension === 'time' || v.dimension === 'percent')) return false;
  if (rateAfter(p.a, text) !== '' || rateAfter(p.b, text) !== '') return true;
  const before = text.slice(Math.max(0, p.a.start - 40), p.a.start);
  return RATE_LABEL_RE.test(before.slice(suffixStartNotIn(before, ',;|\n')));
}

/**
 * The claim's speed word with what it is about, when the pair's values are durations (`ms`, `s`, `h`, … : dimension
 * `time`) or rates (`tokens/s`), else undefined. Why: only for these does "faster" say which way the values move
 * (less time, a higher rate), and does it have two readings.
 */
function speedOf(claim: Claim, p: Pair): Speed | undefined {
  const word = speedWord(claim.word);
  if (word === undefined) return undefined;
  if (p.a.dimension === 'time' && p.b.dimension === 'time') return { word, measure: 'time' };
  return isRatePair(p) ? { word, measure: 'rate' } : undefined;
}

/** One reading of a percentage stated with a speed word: its name and its formula without the name. */
interface SpeedReading {
  comp: Computation;
  /** `the speed-up reading (before ÷ after − 1)`, as a note names it. */
  reading: string;
}

/**
 * The two readings of "X% faster" for durations, both accepted (docs/claims.md). Why: "52% faster" for
 * `1900 ms → 1250 ms` is commonly the speed-up, before ÷ after − 1 (52%), while a time reduction is
 * 1 − after ÷ before (34.2%); neither reading is wrong. "Slower" is the mirror: the slow-down,
 * after ÷ before − 1, or the speed reduction, 1 − before ÷ after. Rates mirror times: "67% faster" for
 * `60 → 100 tokens/s` is after ÷ before − 1, and "40% faster" the time reduction, 1 − before ÷ after. For a
 * comparison (`A vs B`), the larger value and the smaller one are used, whichever word is written.
 */
function speedReadings(p: Pair, { word, measure }: Speed): SpeedReading[] {
  if (!positive(p.a) || !positive(p.b)) return [];
  let x: Quantity;
  let y: Quantity;
  let names: [string, string];
  if (p.kind === 'change') {
    // x is the value that is the larger when the word holds: the time before going faster, the rate after.
    const beforeFirst = (word === 'faster') === (measure === 'time');
    [x, y, names] = beforeFirst ? [p.a, p.b, ['before', 'after']] : [p.b, p.a, ['after', 'before']];
  } else {
    [x, y] = exactBase(p.a).compare(exactBase(p.b)) >= 0 ? [p.a, p.b] : [p.b, p.a];
    names = ['larger', 'smaller'];
  }
  const [xName, yName] = names;
  const [upName, downName] = word === 'faster' ? ['speed-up', 'time reduction'] : ['slow-down', 'speed reduction'];
  const ix = intervalOf(x);
  const iy = intervalOf(y);
  const reading = (name: string, expression: string, interval: Interval, point: Q): SpeedReading => ({
    reading: `the ${name} reading (${expression})`,
    comp: percentOfPair(p, `${name}: ${expression} (in percent)`, interval, point),
  });
  const px = exactBase(x);
  const py = exactBase(y);
  return [
    reading(upName, `${xName} ÷ ${yName} − 1`, affine(divPositive(ix, iy), HUNDRED, HUNDRED.neg()), px.div(py).sub(ONE).mul(HUNDRED)),
    reading(downName, `1 − ${yName} ÷ ${xName}`, affine(divPositive(iy, ix), HUNDRED.neg(), HUNDRED), ONE.sub(py.div(px)).mul(HUNDRED)),
  ];
}

/**
 * A percentage written in brackets without a sign or a word after a change (`1,250 → 1,900 (52%)`,
 * `27.1 GB → 2.1 GB (92%)`), read as the change's size in the direction the values move: the claim states none, so
 * the formula says where the direction came from. Why: such a claim was neither checked nor reported, though it is
 * most often the percent change. Between percentages it may be points or a relative change, like any `%` change
 * (both are given). A value that is not positive gives no relative change.
 */
function unstatedChanges(p: Pair, percentValues: boolean): Computation[] {
  const moving = movement(p);
  const direction = moving === 'down' ? 'down' : 'up';
  const from = `(the claim states no direction: taken from the values, which ${moving ? movementWord(moving) : 'do not change'})`;
  const out: Computation[] = [];
  if (percentValues) {
    const pts = difference(p, 1);
    // The size of the change in points: before − after for values that decrease.
    const sized = direction === 'down' ? negatedDifference(pts) : pts;
    out.push({ ...sized, formula: `${sized.formula} ${from}` });
  }
  const relative = relativeChange(p, direction);
  if (relative) out.push({ ...relative, formula: `${relative.formula} ${from}` });
  return out;
}

/**
 * A bare bracketed percentage that is neither the change (not even a near miss) nor a share of the before value: a
 * warning, not an error.
 * Why: with no sign or word it may state something else entirely (`from 8 to 512 GPUs (94%)`, a scaling
 * efficiency), so it cannot be shown wrong, nor fixed, without guessing what it measures; like a claim that fits
 * neither reading of a unit left out (see `chooseReading`), it is `unverifiable` with severity warning.
 */
function unstatedMeaning(c: Candidate, stated: string): Candidate {
  const computed = computedTextOf(c.stated, c.comp);
  const ambiguous: Ambiguity = {
    message: `${stated} has no sign or word saying what it measures, and it is neither the change the values give (${computed}) nor what is left of the before value`,
    computed,
    inputs: inputsOf(c.comp),
    result: `${computed}: not ${stated}`,
  };
  return { ...c, judgement: { verdict: 'unverifiable', steps: c.judgement.steps }, ambiguous };
}

/** after / before × 100: a bracketed percentage after a change may give what is left (`7B → 1.4B (20%)`), not the
 * change. Why: only accepted when it fits (see `readingCandidates`), so it never turns a wrong change into a fix. */
function shareOfBefore(p: Pair): Computation | undefined {
  const share = shareOf(p, 'a');
  return share && { ...share, formula: `${share.formula} (the after value as a share of the before value)` };
}

/**
 * One value as a share of the other, the `reference` side (`256M → 128M (50% of original)`: after / before × 100;
 * `teacher 71.0% vs student 68.9% (97% of teacher)`: student / teacher × 100).
 */
function shareOf(p: Pair, reference: 'a' | 'b'): Computation | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const [part, whole] = reference === 'a' ? [p.b, p.a] : [p.a, p.b];
  const formula = p.kind === 'change' ? 'after / before × 100' : reference === 'a' ? 'B / A × 100' : 'A / B × 100';
  return percentOfPair(p, formula, affine(divPositive(intervalOf(part), intervalOf(whole)), HUNDRED), exactBase(part).div(exactBase(whole)).mul(HUNDRED));
}

/** The side a share claim is of (`of teacher`): the one it names, else the larger one (a share is most often below 100%). */
function referenceSide(claim: Claim, p: Pair): 'a' | 'b' {
  const named = claim.shareOf ? sideNamedIn(claim.shareOf, p) : undefined;
  if (named !== undefined) return named;
  return exactBase(p.a).compare(exactBase(p.b)) >= 0 ? 'a' : 'b';
}

/**
 * Whether a bracketed percentage only restates one of the pair's values (`accuracy 0.612 → 0.740 (74.0%)`,
 * `71.3% → 74.0% (74.0%)`): the value itself, or a fraction written as a percentage. Why: it is not a change, and
 * checking it as one would be a false error.
 */
function restatesValue(stated: Stated, p: Pair): boolean {
  const S = (stated.unrounded ??= unroundValue(stated.value, stated.decimals));
  for (const v of [p.a, p.b]) {
    if (v.dimension !== 'percent' && v.dimension !== 'none') continue;
    const value = exactValue(v).abs();
    if (contains(S, value) || (v.dimension === 'none' && contains(S, value.mul(HUNDRED)))) return true;
  }
  return false;
}

/** larger / smaller (or smaller / larger when the stated factor is below 1). */
function ratio(p: Pair, inverse = false): Computation | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const pa = exactBase(p.a);
  const pb = exactBase(p.b);
  const aLarger = pa.compare(pb) >= 0;
  const [big, small] = aLarger ? [p.a, p.b] : [p.b, p.a];
  const [num, den] = inverse ? [small, big] : [big, small];
  const interval = divPositive(intervalOf(num), intervalOf(den));
  const bounded = isBound(p.a) || isBound(p.b);
  return {
    kind: 'ratio',
    formula: inverse ? 'smaller / larger' : 'larger / smaller',
    describeInputs: () => [describeInput(valueLabel(p, aLarger ? 'a' : 'b'), big, p), describeInput(valueLabel(p, aLarger ? 'b' : 'a'), small, p)],
    point: bounded ? null : exactBase(num).div(exactBase(den)),
    interval,
    suffix: '×',
    bounded,
    approxInputs: p.a.qualifier === 'approx' || p.b.qualifier === 'approx',
    chartPair: p,
  };
}

function partOfWhole(p: Pair): Computation | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const interval = affine(divPositive(intervalOf(p.a), intervalOf(p.b)), HUNDRED);
  const bounded = isBound(p.a) || isBound(p.b);
  return {
    kind: 'part-of-whole',
    formula: 'part / whole × 100',
    describeInputs: () => [describeInput('part', p.a), describeInput('whole', p.b)],
    point: bounded ? null : exactBase(p.a).div(exactBase(p.b)).mul(HUNDRED),
    interval,
    suffix: '%',
    bounded,
    approxInputs: p.a.qualifier === 'approx' || p.b.qualifier === 'approx',
    chartPair: p,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Building checks.

function rangeOf(info: FieldInfo, visibleStart: number, visibleEnd: number): Check['range'] {
  // Offsets into the visible text, mapped back to the source text (which may hold invisible characters).
  const start = sourceOffset(info.visible, visibleStart);
  const end = sourceOffset(info.visible, Math.max(visibleStart, visibleEnd), true);
  return writtenRange(info.field, start, end);
}

/** The source range of the span [start, end) of a field's text as written (offsets into `field.text`). */
export function writtenRange(field: TextField, start: number, end: number): Check['range'] {
  const parts = field.parts;
  if (parts === undefined || parts.length === 0) {
    // `locate` without its intermediate objects: a single-line field maps offsets through its range.
    const line = field.range.line;
    const column = field.range.column;
    return { line, column: column + start, endLine: line, endColumn: column + Math.max(start, end) };
  }
  const a = locate(field, start);
  const b = locate(field, Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** `line 14, column 45`: where a range starts, 1-based, as an editor shows it. Why: an offset into a field's text
 * (or a 0-based position) means nothing to a reader, who finds the character by its line and column. */
export function whereWritten(range: Check['range']): string {
  return `line ${range.line + 1}, column ${range.column + 1}`;
}

/** The span [start, end) of a field's text as read, as it is written (see `writtenSlice`: an escaped arrow read as
 * `->` is `-&gt;` again): what a check's `stated` shows. */
export function statedText(info: FieldInfo, start: number, end: number): string {
  return writtenSlice(info.visible, info.field.text, start, end);
}

export function makeCheck(
  info: FieldInfo,
  start: number,
  end: number,
  fields: Omit<Check, 'range' | 'severity'> & { severity?: Severity },
  inputs?: readonly Quantity[],
): Check {
  // Every caller passes a fresh object literal: complete it in place rather than copying it (the keys keep their
  // order, `severity` and `range` come last unless `severity` was given, exactly as with a spread).
  const check = fields as Check;
  const hidden = invisibleNote(info, start, end, inputs);
  if (hidden) check.message += `; ${hidden}`;
  check.severity = fields.severity ?? SEVERITY_OF[fields.verdict];
  check.range = rangeOf(info, start, end);
  return check;
}

/**
 * What a reader should know about the numbers a check read: those written with invisible characters inside (in the
 * check's own span, or among its inputs). The characters were ignored, but a number that hides them may have been
 * tampered with, and other tools may read it differently.
 */
function invisibleNote(info: FieldInfo, start: number, end: number, inputs: readonly Quantity[] | undefined): string | undefined {
  const found: Quantity[] = [];
  const add = (qu: Quantity): void => {
    if (qu.invisible && !found.includes(qu)) found.push(qu);
  };
  if (inputs) for (const qu of inputs) add(qu);
  if (info.visible.removed) {
    const qs = info.reading.quantities;
    for (let k = firstStartingAt(qs, start); k < qs.length && qs[k].start < end; k++) add(qs[k]);
  }
  if (found.length === 0) return undefined;
  return found
    .slice(0, 3)
    .map((qu) => `${describe(qu)} contains ${qu.invisible!.length === 1 ? 'an invisible character' : 'invisible characters'} (${qu.invisible!.join(', ')}), ignored in reading it`)
    .join('; ');
}

const VERDICT_WORD: Record<Verdict, string> = {
  consistent: '✓ consistent',
  rounding: 'consistent only within rounding',
  approximate: 'approximately consistent',
  bound: 'consistent with the bound that follows',
  'near-miss': 'a near miss',
  inconsistent: 'inconsistent',
  damaged: 'damaged text',
  unverifiable: 'unverifiable',
};

function writeLike(v: Q, qu: Quantity, forceSign: boolean): string {
  const usesUnicodeMinus = qu.raw.includes('\u2212');
  let s = formatQ(v, qu.decimals, usesUnicodeMinus ? '\u2212' : '-');
  if ((qu.sign === '+' || forceSign) && v.s >= 0n && !s.startsWith('-') && !s.startsWith('\u2212')) s = `+${s}`;
  if (/,/.test(qu.raw)) s = s.replace(/^([+\-\u2212]?)(\d+)/, (_m, sg: string, int: string) => sg + groupThousands(int));
  return s;
}

interface Candidate {
  comp: Computation;
  judgement: Ruling;
  stated: Stated;
  note?: string;
  /** The stated value should be read with its sign (differences) or as a magnitude. */
  signed: boolean;
  /** The claim fits neither reading of a value written without a unit, and cannot be shown wrong either (see
   * `chooseReading`): reported as such, without a fix. */
  ambiguous?: Ambiguity;
  /** The values move the other way than the claim's word says (see `contradictedDirection`): the message says so,
   * and no fix is offered. Set only on a candidate that does not fit. */
  contradiction?: string;
}

interface Ambiguity {
  /** The message after the verdict word. */
  message: string;
  computed: string;
  inputs: string[];
  result: string;
}

/** A candidate's rank among the others: an ambiguity is a warning, ranked with near misses (below every reading
 * that fits, above an inconsistency). */
function rankOf(c: Candidate): number {
  return c.ambiguous ? VERDICT_RANK['near-miss'] : VERDICT_RANK[c.judgement.verdict];
}

function better(x: Candidate, y: Candidate | undefined): boolean {
  if (!y) return true;
  const rx = rankOf(x);
  const ry = rankOf(y);
  if (rx !== ry) return rx < ry;
  return x.judgement.steps < y.judgement.steps;
}

/** Every way to read a claim against a pair; the caller keeps the best. */
function swapped(p: Pair): Pair {
  return { ...p, a: p.b, b: p.a, labelA: p.labelB, labelB: p.labelA, chartSwapped: true } as Pair;
}

const isFlagged = (v: Verdict): boolean => v === 'near-miss' || v === 'inconsistent';

/** `comp` computed from values read in binary units, saying so in its formula (which the message and the
 * explanation show). */
function inBinaryReading(comp: Computation, note: string): Computation {
  return { ...comp, formula: `${comp.formula}, in binary units (${note})` };
}

/** A value written without a unit, paired with one that has a unit or multiplier that `shareUnits` did not share
 * (`12 GB → 4`, `3 of 7B`, `batch 32 → 64 GB`): how it reads with that unit, and how to say so. */
interface UnitGuess {
  /** The pair with the bare value given the other's unit. */
  pair: Pair;
  /** The literal reading is the plausible one: the bare value is closer to the other as written (4096 tokens
   * against 32K) than with its multiplier (see `plainReadingCloser`). */
  literalPlausible: boolean;
  /** `12 GB → 4 has a unit on one side only`. */
  oneSided: string;
  /** The bare value as it reads with the other's unit: `4`, `4 GB, like 12 GB`. */
  bare: string;
  assumed: string;
}

const assumedCopies = new WeakMap<Quantity, Quantity>();

/** `bare` with `from`'s unit and multiplier, as assumed for a claim (one copy per quantity, so that what is computed
 * from it is computed once). */
function withAssumedUnit(bare: Quantity, from: Quantity): Quantity {
  const cached = assumedCopies.get(bare);
  if (cached !== undefined && cached.unitFrom === from) return cached;
  const copy: Quantity = { ...bare, unit: from.unit, dimension: from.dimension, scale: from.scale, unitFrom: from, unitAssumed: true };
  assumedCopies.set(bare, copy);
  return copy;
}

export function unitGuess(p: Pair): UnitGuess | undefined {
  const aBare = p.a.dimension === 'none';
  if (aBare === (p.b.dimension === 'none')) return undefined;
  const [bare, from] = aBare ? [p.a, p.b] : [p.b, p.a];
  // Without a multiplier (%, bytes) the bare value is the same number in either reading: nothing to guess. Seconds
  // are the exception: read as a time, the pair is a pair of durations, and "faster" has its two readings.
  if (from.scale === 1 && from.dimension !== 'time') return undefined;
  const assumed = withAssumedUnit(bare, from);
  return {
    pair: aBare ? { ...p, a: assumed } : { ...p, b: assumed },
    literalPlausible: plainReadingCloser(bare, from),
    oneSided: `${describe(p.a)} ${p.connector} ${describe(p.b)} has a unit on one side only`,
    bare: bare.raw,
    assumed: `${describe({ ...bare, unitRaw: from.unitRaw })}, like ${describe(from)}`,
  };
}

/**
 * How a claim about a pair with a unit on one side only is judged when its literal reading (as written: `12 GB → 4`
 * is 4 bytes) does not fit. Both readings are guesses:
 * - `assumed`: the claim fits the bare value read with the other's unit: accepted, saying which unit was assumed;
 * - `neither`: inconsistent under both readings, it is inconsistent whatever the unit (an error: a fact), or a near
 *   miss in the plausible reading (a warning); judged, and fixed, in the plausible reading, the other one named;
 * - `ambiguous`: inconsistent in the plausible reading but only a near miss in the implausible one (`12 GB → 4
 *   (99.9% reduction)`: 4 MB may have been meant): it cannot be shown wrong, nor fixed, without guessing the unit.
 *   The method's table has no verdict for "depends on a unit that was not written": not `inconsistent` (that needs a
 *   recomputation that holds whatever the unit), not `near-miss` (a step from an implausible reading), not `damaged`
 *   (a unit left out is not corrupted text). So it is `unverifiable` (nothing trustworthy to check it against) with
 *   the severity `warning`, as the header's declared count is (checkDeclaredCount): the claim fits nothing the
 *   numbers give, and the reader should look. No fix: any fix would be computed on a guess.
 */
interface ReadingChoice<T> {
  kind: 'assumed' | 'neither' | 'ambiguous';
  /** The reading the claim is judged in. */
  chosen: T;
  other: T;
}

function chooseReading<T>(literal: T, shared: T, verdictOf: (x: T) => Verdict, guess: UnitGuess): ReadingChoice<T> {
  if (!isFlagged(verdictOf(shared))) return { kind: 'assumed', chosen: shared, other: literal };
  const [plausible, other] = guess.literalPlausible ? [literal, shared] : [shared, literal];
  const kind = verdictOf(plausible) === 'inconsistent' && verdictOf(other) !== 'inconsistent' ? 'ambiguous' : 'neither';
  return { kind, chosen: plausible, other };
}

/** What a check says when it reads the bare value with the other's unit: `12 GB → 4 has a unit on one side only:
 * 4 is read as 4 GB, like 12 GB`. */
export function assumedUnitNote(guess: UnitGuess): string {
  return `${guess.oneSided}: ${guess.bare} is read as ${guess.assumed}`;
}

/** What the message adds for an `assumed` or `neither` choice: the unit assumed, and what the other reading gives. */
function readingNote(guess: UnitGuess, choice: ReadingChoice<unknown>, stated: string, otherText: string): string {
  const readAs = `${guess.bare} is read as ${guess.assumed}`;
  if (choice.kind === 'assumed') return assumedUnitNote(guess);
  return guess.literalPlausible
    ? `${guess.oneSided}: read as ${guess.assumed}, it gives ${otherText}, and ${stated} fits neither reading`
    : `${guess.oneSided}: ${readAs}; read as written it gives ${otherText}, and ${stated} fits neither reading`;
}

/** The message of an `ambiguous` choice, after the verdict word: both readings and what each gives. */
function ambiguityMessage(guess: UnitGuess, stated: string, shared: { formula: string; text: string }, literal: { formula: string; text: string }): string {
  const literalFormula = literal.formula === shared.formula ? '' : `${literal.formula} gives `;
  return `${guess.oneSided}, and ${stated} fits neither reading: ${shared.formula} gives ${shared.text} with ${guess.bare} read as ${guess.assumed}, and ${literalFormula}${literal.text} with ${guess.bare} read as written`;
}

const fits = (c: Candidate): boolean => !isFlagged(c.judgement.verdict);

function bestOf(cs: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cs) if (better(c, best)) best = c;
  return best;
}

/**
 * Every way to read a claim against a pair; the caller keeps the best. A value written without a unit against one
 * that has a unit or multiplier has two readings; the literal one is tried first and kept when it fits, and the
 * other is tried when it does not (see `chooseReading`).
 */
function candidatesFor(claim: Claim, p: Pair, stated: string, subject?: () => string): Candidate[] {
  const all = candidatesAsRead(claim, p, stated, subject);
  // A whole chain is a reading only when it fits (see `FieldInfo.chainPairs`).
  return p.chain ? all.filter((c) => fits(c) && !c.ambiguous && !c.contradiction) : all;
}

function candidatesAsRead(claim: Claim, p: Pair, stated: string, subject?: () => string): Candidate[] {
  const literal = byteReadingCandidates(claim, p, stated, subject);
  if (literal.length === 0 || literal.some(fits)) return literal;
  const guess = unitGuess(p);
  if (guess === undefined) return literal;
  const shared = byteReadingCandidates(claim, guess.pair, stated, subject);
  if (shared.length === 0) return literal;
  const bestLiteral = bestOf(literal)!;
  const bestShared = bestOf(shared)!;
  const choice = chooseReading(bestLiteral, bestShared, (c) => c.judgement.verdict, guess);
  const computed = (c: Candidate): string => computedTextOf(c.stated, c.comp);
  if (choice.kind === 'ambiguous') {
    const inputs = inputsOf(bestShared.comp).slice();
    for (const i of inputsOf(bestLiteral.comp)) if (!inputs.includes(i)) inputs.push(i);
    const readings = `${computed(bestShared)} with ${guess.bare} read as ${guess.assumed}, or ${computed(bestLiteral)} with ${guess.bare} read as written`;
    const ambiguous: Ambiguity = {
      message: ambiguityMessage(guess, stated, { formula: bestShared.comp.formula, text: computed(bestShared) }, { formula: bestLiteral.comp.formula, text: computed(bestLiteral) }),
      computed: `${computed(bestShared)} or ${computed(bestLiteral)}`,
      inputs,
      result: `${readings}: neither gives ${stated}`,
    };
    return [{ ...choice.chosen, judgement: { verdict: 'unverifiable', steps: choice.other.judgement.steps }, ambiguous }];
  }
  const c = choice.chosen;
  return [{ ...c, note: [c.note, readingNote(guess, choice, stated, computed(choice.other))].filter(Boolean).join('; ') }];
}

/**
 * The readings of a claim against a pair as its values are written. Byte units are read as decimal first and,
 * when their binary reading can change the result (GB against MB), as binary too: the method accepts both. A binary
 * reading is kept unless it is plainly inconsistent (a failure is reported in the decimal reading, with its fix).
 */
function byteReadingCandidates(claim: Claim, p: Pair, stated: string, subject?: () => string): Candidate[] {
  const decimal = readingCandidates(claim, p, stated, subject);
  const involved = [claim.q, p.a, p.b];
  if (decimal.length === 0 || !binaryReadingDiffers(involved)) return decimal;
  const note = binaryUnitsNote(involved);
  const binaryClaim: Claim = { ...claim, q: inBinaryUnits(claim.q) };
  const binaryPair: Pair = { ...p, a: inBinaryUnits(p.a), b: inBinaryUnits(p.b) };
  const binary: Candidate[] = [];
  for (const c of readingCandidates(binaryClaim, binaryPair, stated, subject)) {
    if (c.judgement.verdict !== 'inconsistent') binary.push({ ...c, comp: inBinaryReading(c.comp, note) });
  }
  // When neither reading agrees, the failure (in the decimal reading) says that the binary one was tried.
  if (!binary.some((c) => !isFlagged(c.judgement.verdict))) {
    for (const c of decimal) if (isFlagged(c.judgement.verdict)) c.note = [c.note, `binary units (${note}) do not give it either`].filter(Boolean).join('; ');
  }
  return decimal.concat(binary);
}

/**
 * What contradicts a claim whose word states a direction, for a change (before → after):
 * `2.1 GB → 27.1 GB (93% reduction)` gives "the values increase (2.1 GB → 27.1 GB) while the claim says they
 * decrease (“reduction”)". Why: no size of a reduction fits values that went up, so the number recomputed in the
 * word's direction is no fix (it would read "1190% reduction"): the check says what is wrong instead. `expected` is
 * the way the word says the values move; undefined (nothing to say) for a comparison, for values as written that do
 * not move, or when they agree.
 */
function contradictedDirection(p: Pair, expected: 'down' | 'up' | undefined, word: string | undefined): string | undefined {
  if (p.kind !== 'change' || expected === undefined || word === undefined) return undefined;
  const actual = movement(p);
  if (actual === undefined || actual === expected) return undefined;
  return `the values ${movementWord(actual)} (${describeIn(p, p.a)} → ${describeIn(p, p.b)}) while the claim says they ${movementWord(expected)} (“${word}”)`;
}

/**
 * Whether an x-fold claim's word says which way its values move. Why so narrow: the word after a ratio often
 * describes another quantity than the values (`Latency 120 ms → 45 ms (2.7× higher throughput)`,
 * `40 GB → 20 GB (2× more efficient)`, `(4× larger batch)`). A speed word on times or rates does say it, and so does
 * a word of size that ends the claim (`(13× fewer)`) or names the values' own quantity (`(4× less memory)` on bytes,
 * `(4× fewer steps)` after `Steps`).
 */
function factorWordCounts(claim: Claim, p: Pair): boolean {
  if (speedOf(claim, p) !== undefined) return true;
  if (!SIZE_WORD_RE.test(claim.word ?? '')) return false;
  if (claim.bareWord) return true;
  const noun = claim.noun;
  if (noun === undefined) return false;
  const dimension = p.a.dimension === 'none' ? p.b.dimension : p.a.dimension;
  return NOUNS_OF[dimension]?.test(noun) === true || mentions(`${p.labelA} ${p.labelB}`, noun);
}

/** Words before a side's label that make it the reference of the comparison, not its subject. */
const REFERENCE_WORDS_RE = /\b(?:vs|versus|over|than|against|relative to|compared (?:to|with))\b/i;

/**
 * The side of a pair an x-fold claim names in its own words, right before its number within its bracket or clause
 * (`(baseline 2.7× slower)`, `(vLLM is 2.7× slower)`); not a side named as the reference (`(vs FP16, 2.7× faster)`).
 */
function sideNamedByClaim(claim: Claim, p: Pair): 'a' | 'b' | undefined {
  const text = p.field.text;
  const before = text.slice(Math.max(p.b.end, claim.q.start - 40), claim.q.start);
  const words = before.slice(suffixStartNotIn(before, '(,;:'));
  if (REFERENCE_WORDS_RE.test(words)) return undefined;
  return sideNamedIn(words, p);
}

/**
 * The side whose label `words` start with as whole words, letter case and spacing aside (`LoRA on RoBERTa` names
 * LoRA, not LoRA-XS; see `sideNamedIn` for a looser match); of two, the longer label (`LoRA-XS on …`).
 */
function sideLabelled(words: string, p: Pair): 'a' | 'b' | undefined {
  const w = normalLabel(words);
  const length = (label: string): number => {
    const l = normalLabel(label);
    return l !== '' && (w === l || w.startsWith(`${l} `)) ? l.length : 0;
  };
  const a = length(p.labelA);
  const b = length(p.labelB);
  return a === b ? undefined : a > b ? 'a' : 'b';
}

function normalLabel(label: string): string {
  return trimEndChar(label.trim(), '.').replace(/\s+/g, ' ').toLowerCase();
}

/** The side of a pair whose label `words` name (undefined for neither, or both). */
function sideNamedIn(words: string, p: Pair): 'a' | 'b' | undefined {
  const a = p.labelA !== '' && mentions(words, p.labelA);
  const b = p.labelB !== '' && mentions(words, p.labelB);
  return a === b ? undefined : a ? 'a' : 'b';
}

/**
 * What is wrong when an x-fold claim's word says the side it is about is larger (or smaller) than the other, and it
 * is not. The side: the one the claim names; else, after a change, the after value; in a comparison, the side
 * labelled "ours" (unlabelled comparisons are written both ways round, `Latency 120 ms vs 45 ms (2.7× faster)` is
 * about the second value, and teacher/student or FP32/INT8 claims describe either side). A claim in another field
 * than its values is checked after a change only. Undefined when the word says nothing of the values (see
 * `factorWordCounts`) or they agree.
 */
function contradictedFactor(claim: Claim, p: Pair): string | undefined {
  if (claim.word === undefined || !factorWordCounts(claim, p)) return undefined;
  const sameField = p.field.reading.quantities.includes(claim.q);
  const named = sameField ? sideNamedByClaim(claim, p) : undefined;
  if (p.kind === 'change' && named !== 'a') return contradictedDirection(p, statedDirection(claim, p), claim.word);
  const side = named ?? (p.kind === 'compare' && sameField ? oursSide(p) : undefined);
  if (side === undefined) return undefined;
  // From the other side to the claim's side, read as a change.
  const toSide: Pair = side === 'b' ? { ...p, kind: 'change' } : { ...swapped(p), kind: 'change' };
  const expected = statedDirection(claim, toSide);
  const actual = movement(toSide);
  if (expected === undefined || actual === undefined || actual === expected) return undefined;
  const [sideLabel, otherLabel] = side === 'b' ? [p.labelB, p.labelA] : [p.labelA, p.labelB];
  const value = (label: string, q: Quantity) => (label ? `${label} (${describeIn(p, q)})` : describeIn(p, q));
  const more = (d: 'down' | 'up') => (d === 'up' ? 'more' : 'less');
  const says = claim.word.toLowerCase() === more(expected) ? `“${claim.word}”` : `it is ${more(expected)} (“${claim.word}”)`;
  return `${value(sideLabel, toSide.b)} is ${more(actual)} than ${value(otherLabel, toSide.a)} while the claim says ${says}`;
}

/**
 * An x-fold claim's best reading, or a percentage's against a comparison (`Ours 60 tokens/s vs baseline 100 tokens/s
 * (40% faster)`), made `inconsistent` with no fix when its word contradicts the values (see `contradictedFactor`).
 * Applied once the reading is chosen (its size decides which), so that a unit assumed for a
 * bare value does not turn a wrong direction into "fits neither reading".
 */
function withWordDirection(claim: Claim, best: Candidate, pair: Pair): Candidate {
  if (best.ambiguous) return best;
  // A percentage after a change has its word checked with its readings (see `readingCandidates`); against a
  // comparison, like an x-fold claim, for the side the claim is about.
  const read = best.comp.chartPair ?? pair;
  const unsignedPercent = claim.type === 'percent-change' && claim.q.sign === '' && !claim.q.delta;
  if (claim.type !== 'factor' && !(unsignedPercent && read.kind === 'compare')) return best;
  const contradiction = contradictedFactor(claim, read);
  if (contradiction === undefined) return best;
  return { ...best, judgement: { ...best.judgement, verdict: 'inconsistent' }, contradiction, note: undefined };
}

/** Which way a pair's values move from the first to the second, as written; undefined when they are equal. */
function movement(p: Pair): 'down' | 'up' | undefined {
  const order = exactBase(p.b).compare(exactBase(p.a));
  return order > 0 ? 'up' : order < 0 ? 'down' : undefined;
}

/** `increase` or `decrease`: how a message says the values move. */
function movementWord(d: 'down' | 'up'): string {
  return d === 'up' ? 'increase' : 'decrease';
}

/** The way the claim's word says the values move, for a claim written without a sign (a signed claim states its
 * direction with its sign, and is judged and fixed with it). For durations, "faster" means less time and "slower"
 * more; for rates (`tokens/s`), "faster" means more and "slower" less. */
function statedDirection(claim: Claim, p: Pair): 'down' | 'up' | undefined {
  if (claim.q.sign !== '' || claim.q.delta) return undefined;
  const speed = speedOf(claim, p);
  if (speed !== undefined) return (speed.word === 'faster') === (speed.measure === 'time') ? 'down' : 'up';
  const direction = claimDirection(claim, p);
  return direction === 'down' || direction === 'up' ? direction : undefined;
}

/** The readings of `claim` (written as `stated`) against a pair, each marked when the values contradict the
 * claim's word and it does not fit (see `contradictedDirection`). */
function readingCandidates(claim: Claim, p: Pair, written: string, subject?: () => string): Candidate[] {
  const out = readingCandidatesAsWritten(claim, p, written, subject);
  // An x-fold ratio is a size without a direction (larger / smaller): its word is checked once the reading is chosen
  // (see `withWordDirection`).
  const contradiction = claim.type === 'factor' ? undefined : contradictedDirection(p, statedDirection(claim, p), claim.word);
  if (contradiction === undefined) return out;
  for (const c of out) if (!fits(c)) c.contradiction = contradiction;
  return out;
}

/** The readings of `claim` (written as `stated`) against a pair. */
function readingCandidatesAsWritten(claim: Claim, p0: Pair, written: string, subject?: () => string): Candidate[] {
  const qu = claim.q;
  // "A vs B (±d)": the change of the card's subject against the other side (A − B unless the card is about B).
  let subjectText = '';
  const p = p0.kind === 'compare' && subject !== undefined && (subjectText = subject()) !== '' && subjectOf(p0, subjectText) === 'b' ? swapped(p0) : p0;
  const out: Candidate[] = [];
  const direction = claimDirection(claim, p);
  const percentValues = p.a.dimension === 'percent' || p.b.dimension === 'percent';
  const add = (comp: Computation | undefined, magnitude: boolean, note?: string): void => {
    if (!comp) return;
    const stated = statedOf(qu, magnitude);
    out.push({ comp, judgement: rule(stated, comp), stated, note, signed: !magnitude });
  };
  switch (claim.type) {
    case 'difference': {
      if (p.kind === 'part') return out;
      if (qu.dimension === 'pp' && !percentValues && p.a.dimension !== 'none') return out;
      // Points are not counted things: `from 2,946 to 737 tokens … within 1.5 points`, `batch 64 → 224 … 0.3 points`.
      if (qu.dimension === 'pp' && !percentValues && pairCategory(p) === 'count') return out;
      const inClaimUnit = qu.dimension !== 'none' && qu.dimension !== 'pp';
      const comps = [difference(p, inClaimUnit ? qu.scale : p.a.scale || 1, inClaimUnit ? qu.unit : '')];
      if (qu.dimension === 'pp' && areFractions(p)) comps.push(fractionPoints(p));
      // Unsigned, a change is a size (`2.4pp higher`); so is a ∆ between two compared values, which may be written
      // in either order (`Full FT 0.497 vs LoRA 0.423 (∆ 7.4 pts)`).
      const unsignedWithWord = qu.sign === '' && (!qu.delta || p.kind === 'compare');
      for (const comp of comps) {
        if (unsignedWithWord) {
          // "2.4pp higher": a magnitude whose direction is given by the word.
          const mag = comp.point ?? ZERO;
          add(direction === 'down' || (!direction && mag.s < 0n) ? negatedDifference(comp) : comp, true);
        } else add(comp, false);
      }
      // Points versus relative percent.
      if (percentValues && (qu.dimension === 'pp' || qu.dimension === 'percent')) {
        const rel = relativeChange(p, 'signed');
        if (rel) {
          const c = out[out.length - 1];
          if (c && (c.judgement.verdict === 'inconsistent' || c.judgement.verdict === 'near-miss')) {
            const relJ = rule(statedOf(qu, unsignedWithWord), rel);
            if (relJ.verdict !== 'inconsistent' && relJ.verdict !== 'near-miss') {
              const pts = formatInterval(c.comp.interval, Math.max(qu.decimals, 1), ' pp');
              c.note = `points versus relative percent: the values differ by ${pts}, which is ${formatQ(rel.point ?? ZERO, Math.max(qu.decimals, 1))}% relative — the stated ${written} is a relative change written as percentage points`;
              c.judgement = { ...c.judgement, verdict: 'inconsistent', steps: Math.max(c.judgement.steps, 2) };
            }
          }
        }
      }
      return out;
    }
    case 'percent-change': {
      if (p.kind === 'part') return out;
      const signed = qu.sign !== '' || qu.delta;
      if (percentValues) {
        // A percentage of percentages: points or relative; either reading is accepted.
        const pts = difference(p, 1);
        if (signed) add(pts, false, 'read as percentage points');
        else {
          add(direction === 'down' ? negatedDifference(pts) : pts, true, 'read as percentage points');
        }
      }
      const speed = signed ? undefined : speedOf(claim, p);
      if (signed) {
        const note = percentValues ? 'read as a relative change' : undefined;
        add(relativeChange(p, p.kind === 'change' ? 'signed' : 'up'), false, note);
        // `Relative WQL 0.717 vs seasonal naive 1.000 (−28%)`: one value relative to the other, with its sign, whichever
        // is named first (the larger / smaller reading above is never negative).
        if (p.kind === 'compare') {
          for (const [q, formula] of [[p0, '(A − B) / B × 100'], [swapped(p0), '(B − A) / A × 100']] as const) add(relativeToSecond(q, formula), false, note);
        }
      } else if (speed !== undefined) {
        const readings = speedReadings(p, speed);
        for (const r of readings) add(r.comp, true);
        // When neither reading fits, the one judged (the closer) says what the other gave.
        const tried = out.slice(out.length - readings.length);
        if (readings.length === 2 && !tried.some(fits)) {
          tried[0].note = `${readings[1].reading} gives ${computedTextOf(tried[1].stated, readings[1].comp)}, which does not fit either`;
          tried[1].note = `${readings[0].reading} gives ${computedTextOf(tried[0].stated, readings[0].comp)}, which does not fit either`;
        }
      } else if (direction === 'down') {
        add(relativeChange(p, 'down'), true);
      } else if (direction === 'up') {
        add(relativeChange(p, 'up'), true);
      } else {
        add(relativeChange(p, 'down'), true);
        add(relativeChange(p, 'up'), true);
      }
      // A reduction stated for numbers that went up (or the reverse) is inconsistent whatever its size.
      return out;
    }
    case 'factor': {
      const v = exact(qu.raw);
      add(ratio(p, v !== undefined && v.compare(ONE) < 0), true);
      return out;
    }
    case 'percent': {
      if (claim.shareOf !== undefined) {
        if (p.kind !== 'part') add(shareOf(p, p.kind === 'change' ? 'a' : referenceSide(claim, p)), true);
        return out;
      }
      if (p.kind === 'part') add(partOfWhole(p), true);
      else if (p.kind === 'change') {
        for (const comp of unstatedChanges(p, percentValues)) add(comp, true);
        if (out.some(fits)) return out;
        // Not a change as written: accepted as the after value's share of the before value when it is one; and
        // not a claim at all when it restates one of the values.
        const stated = statedOf(qu, true);
        const share = percentValues ? undefined : shareOfBefore(p);
        const shareRuling = share && rule(stated, share);
        if (share && shareRuling && !isFlagged(shareRuling.verdict)) out.push({ comp: share, judgement: shareRuling, stated, signed: false });
        else if (restatesValue(stated, p)) return [];
        // A near miss is plainly the change, a step off: judged and fixed as one. Further off, it may measure
        // something else.
        else if (!out.some((c) => c.judgement.verdict === 'near-miss')) return out.map((c) => unstatedMeaning(c, written));
      }
      return out;
    }
    default:
      return out;
  }
}

function relationKind(c: Candidate, claim: Claim): string {
  return claim.type === 'range' ? 'range' : c.comp.kind;
}

function buildClaimCheck(info: FieldInfo, claim: Claim, best: Candidate, pairField: FieldInfo, extraNote?: string): Check {
  const qu = claim.q;
  const stated = statedText(info, qu.start, qu.end);
  const j = best.judgement;
  const where = pairField === info ? '' : ` (numbers from the ${FIELD_LABEL[pairField.key]})`;
  const notes = [best.note, best.comp.note, extraNote].filter(Boolean).join('; ');
  const inputs = best.comp.chartPair ? [qu, best.comp.chartPair.a, best.comp.chartPair.b] : [qu];
  if (best.ambiguous) {
    // See `ambiguity`: unverifiable, but a warning; no fix.
    const a = best.ambiguous;
    return makeCheck(info, qu.start, qu.end, {
      kind: relationKind(best, claim),
      verdict: 'unverifiable',
      severity: 'warning',
      message: `${stated}: ${VERDICT_WORD.unverifiable} — ${a.message}${where}${notes ? `; ${notes}` : ''}`,
      stated,
      computed: a.computed,
      explanation: { formula: best.comp.formula, inputs: a.inputs, result: a.result },
      chart: chartOfComputation(best.comp),
    }, inputs);
  }
  const computedText = computedTextOf(best.stated, best.comp);
  // Values that move against the claim's word: that is what is wrong, and no number would fix it.
  const contradiction = best.contradiction !== undefined && isFlagged(j.verdict) ? `${best.contradiction}; ` : '';
  let message = `${stated}: ${VERDICT_WORD[j.verdict]} — ${contradiction}${best.comp.formula} gives ${computedText}${where}`;
  if (notes) message += `; ${notes}`;
  let closestText: string | undefined;
  let fix: Check['fix'];
  if (j.closest && isFlagged(j.verdict) && !contradiction) {
    // The fix writes the recomputed value (from the numbers as written) at the stated precision: it is always a
    // consistent value; without one (bounds) it is the nearest consistent value to the stated one.
    const base = best.comp.point !== null && !best.comp.bounded ? roundHalfUp(best.comp.point, qu.decimals) : j.closest;
    const closestValue = best.signed ? base : base.abs();
    closestText = writeLike(closestValue, qu, best.signed && qu.sign !== '');
    message += `; closest consistent value: ${closestText}${qu.unitRaw}`;
    if (best.signed && best.stated.value.neg().compare(j.closest) === 0 && !best.stated.value.equals(ZERO)) message += ' (the sign is wrong)';
    else if (best.signed && j.closest.s !== best.stated.value.s && !j.closest.equals(ZERO)) message += ' (the sign differs)';
    fix = { range: rangeOf(info, qu.numStart, qu.numEnd), replacement: closestText };
  }
  return makeCheck(info, qu.start, qu.end, {
    kind: relationKind(best, claim),
    verdict: j.verdict,
    message,
    stated,
    computed: computedText,
    explanation: {
      formula: best.comp.formula,
      inputs: inputsOf(best.comp),
      result: best.comp.point !== null ? `${formatComputed(best.comp.point, displayDecimals(best.comp, best.stated))}${best.comp.suffix} (over the rounding intervals: ${computedText})` : computedText,
      // As it would be written, unit included ("92%"); the fix replaces the number alone.
      closest: closestText === undefined ? undefined : `${closestText}${qu.unitRaw}`,
    },
    fix,
    chart: chartOfComputation(best.comp),
  }, inputs);
}

// ---------------------------------------------------------------------------------------------------------------
// Range and factor claims stated elsewhere.

/** What a pair's values measure, or what a claim's words name: its bytes, a count, a time, or a score. */
type Category = 'bytes' | 'count' | 'time' | 'score';

const CATEGORY_WORDS: Array<[RegExp, Category[]]> = [
  [/\b(memory|vram|ram|gb|mb|tb|bytes?|disk|footprint|checkpoints?)\b/i, ['bytes']],
  [/\b(storage|size|smaller|compress\w*)\b/i, ['bytes', 'count']],
  [/\b(param\w*|weights?|trainable|adapters?|tokens?|flops|compute|gpus?|samples?|examples?|data|queries|calls|batch(?:es)?)\b/i, ['count']],
  // Not `per step` or `per-round communication`, which say what something else is measured per.
  [/(?<!\bper[\s-])\b(steps?|iterations?|epochs?|rounds?)\b/i, ['count']],
  [/\b(faster|slower|slow-?downs?|speed\w*|latency|time|throughput|hours?|seconds?|inference|training time|wall-?clock)\b/i, ['time', 'count']],
  [/\b(accuracy|score|f1|bleu|rouge|mmlu|perplexity|ppl|loss|error|auc|cider|performance|quality|win rate|exact match|success rate|pass rate|pass@\d+)\b/i, ['score']],
  // Metrics written in capitals, matched with their case (`−0.6 mAP`; not the verb "map").
  [/\b(?:mAP|AP(?:50|75)?|mIoU|IoU|FID|WER|CER|EM|NDCG|MRR)\b/, ['score']],
];

function categoriesOf(context: string): Set<Category> | undefined {
  const out = new Set<Category>();
  for (const [re, cats] of CATEGORY_WORDS) if (re.test(context)) for (const c of cats) out.add(c);
  return out.size ? out : undefined;
}

/** What a claim names as its reference right after its words, within its bracket: `QLoRA` in `(54% less than QLoRA)`. */
const REFERENCE_AFTER_RE = /^[^()[\],;]{0,30}?\b(?:than|vs\.?|versus|over|compared (?:to|with)|relative to)\s+([^()[\],;]{1,30})/i;

function referenceNamedAfter(text: string, claim: Claim): string | undefined {
  return REFERENCE_AFTER_RE.exec(text.slice(claim.q.end, claim.q.end + 70))?.[1];
}

/** The words before a claim in its sentence or bracket, 40 characters at most: `INT4 is` in `INT4 is 2× smaller`. */
function wordsBefore(text: string, claim: Claim): string {
  const before = text.slice(Math.max(0, claim.q.start - 40), claim.q.start);
  return before.slice(suffixStartNotIn(before, '()[],;.:'));
}

/**
 * The pairs with a side a claim names as its reference (`than FP32`), each with that side: labelled exactly so
 * first (`than LoRA` is LoRA, though the words of LoRA-XS include it); of those, the ones whose other side the
 * words before the claim name, when some are (`INT4 is 2× smaller than FP32` is FP32 against INT4, not against FP16
 * because 28 GB → 14 GB fits). Empty when the claim names no reference, or no pair has it.
 */
function pairsNamedBy(text: string, claim: Claim, pairs: readonly Pair[]): Array<{ p: Pair; side: 'a' | 'b' }> {
  const reference = referenceNamedAfter(text, claim);
  if (reference === undefined) return [];
  const sidesNamed = (nameSide: (words: string, p: Pair) => 'a' | 'b' | undefined) =>
    pairs.flatMap((p) => {
      const side = nameSide(reference, p);
      return side === undefined ? [] : [{ p, side }];
    });
  const exactly = sidesNamed(sideLabelled);
  const named = exactly.length > 0 ? exactly : sidesNamed(sideNamedIn);
  const subject = wordsBefore(text, claim);
  if (named.length < 2 || subject.trim() === '') return named;
  const otherLabel = ({ p, side }: { p: Pair; side: 'a' | 'b' }) => (side === 'a' ? p.labelB : p.labelA);
  const bySubject = named.filter((n) => otherLabel(n) !== '' && mentions(subject, otherLabel(n)));
  // A whole chain whose ends the claim names is what it claims, fitting or not (see `candidatesFor`).
  return bySubject.length > 0 ? bySubject.map(({ p, side }) => ({ p: p.chain ? { ...p, chain: false } : p, side })) : named;
}

/**
 * The pairs a claim is read against when it names its reference (see `pairsNamedBy`), or undefined when it names
 * none: of those, the ones where the other value is smaller (`less than QLoRA`) or larger (`more than`) than the
 * reference, when one pair says so.
 */
function namedGroup(text: string, claim: Claim, pairs: readonly Pair[]): Pair[] | undefined {
  const named = pairsNamedBy(text, claim, pairs);
  if (named.length === 0) return undefined;
  const agreeing = named.filter(({ p, side }) => otherSideAgrees(p, side, claimDirection(claim, p)));
  return (agreeing.length > 0 ? agreeing : named).map(({ p }) => p);
}

/** Whether the side other than the reference is smaller (`down`) or larger (`up`) than it, as the claim's word says. */
function otherSideAgrees(p: Pair, side: 'a' | 'b', direction: Claim['direction']): boolean {
  if (direction !== 'down' && direction !== 'up') return true;
  return movement(side === 'a' ? p : swapped(p)) === direction;
}

/**
 * Whether a claim's own words (their categories, `cats`) name only memory or size where the pair holds times
 * (`Ours 48 ms vs baseline 101 ms (2.1× faster, 40% less memory)`), or speed where it holds bytes: then the claim
 * is not about that pair. Only
 * where the pair's unit says plainly what the values are; words that also fit counts (`faster`, `latency`,
 * `compute`, `size`) do not rule a pair out.
 */
function namesOtherQuantity(cats: Set<Category> | undefined, p: Pair): boolean {
  if (cats === undefined) return false;
  // Percentages are scores or shares: a claim of speed (`raises throughput 2.2×` after `memory waste from 61% to
  // under 4%`) is not about them; one of memory may be (`memory waste 60% → 4% (15× less memory waste)`).
  if (p.a.dimension === 'percent' && p.b.dimension === 'percent') return cats.has('time') && !cats.has('score') && !cats.has('bytes');
  // A part of a whole counts things: a claim of speed (`cuts pretraining time 3.2×` after `49 of 196 patches`) is
  // not about it.
  if (p.kind === 'part' && cats.has('time')) return true;
  const cat = pairCategory(p);
  if ((cat !== 'bytes' && cat !== 'time') || cats.has(cat)) return false;
  // A claim that names only a score (`−0.6 mAP`) is not about sizes or times.
  if (cats.size === 1 && cats.has('score')) return true;
  // Words of speed name no size (`Peak memory 40 GB → 22 GB (45% less), 12% slowdown`), but do name a rate of bytes
  // (`100 GB/s → 300 GB/s (2x faster)`).
  if (cat === 'bytes' && cats.has('time')) return !isRatePair(p);
  for (const c of cats) if (c !== 'bytes' && c !== 'time') return false;
  return true;
}

/**
 * What a pair measures, as its units say: bytes if either value is in bytes, else a time, else a count; a pair with
 * none of these units (plain numbers, percentages) is a score.
 */
export function unitCategory(p: Pair): Category {
  const dims = [p.a.dimension, p.b.dimension];
  if (dims.includes('bytes')) return 'bytes';
  if (dims.includes('time')) return 'time';
  if (dims.includes('count')) return 'count';
  return 'score';
}

/**
 * `unitCategory`, but plain numbers with what they count named around them are a count (`Params 7 → 1.3`,
 * `Steps 12,000 → 3,000`).
 */
function pairCategory(p: Pair): Category {
  const cat = unitCategory(p);
  if (cat !== 'score' || p.a.dimension === 'percent') return cat;
  // Within the pair's clause: `Training steps 10K → 5K; BLEU 27.1 → 28.4` names no count for the BLEU scores.
  const clause = p.field.clauses[p.clause];
  if (COUNTED_RE.test(p.field.text.slice(Math.max(clause.start, p.a.start - 30), Math.min(clause.end, p.b.end + 20)))) return 'count';
  return cat;
}

/** Things counted in plain numbers (see `pairCategory`). */
const COUNTED_RE = /\b(?:param\w*|tokens?|steps?|iterations?|epochs?|gpus?|samples?|examples?|queries|calls|batch(?:es)?)\b/i;

/** Where a value inside a stated range lies in it (on a log scale for positive ranges): see `rangeJudgement`. */
export type RangePosition = 'low end' | 'middle' | 'high end';

/**
 * How a range check's message ends, after "the numbers give 13.3× (…)": where the computed value lies against the
 * stated range, for each verdict. Why a phrase per case: each variant must read as an English clause on its own
 * (no "inside it of the stated range"); an empty string adds nothing for a verdict a range check does not give.
 */
export function rangePositionPhrase(verdict: Verdict, position: RangePosition | undefined, computedText: string): string {
  switch (verdict) {
    case 'consistent':
      return position === 'low end' || position === 'high end' ? `at the ${position} of the stated range` : 'well inside the stated range';
    case 'rounding':
      return `inside the stated range only within rounding (${computedText})`;
    case 'approximate':
      return `inside the stated range only approximately (${computedText})`;
    case 'bound':
      return `compatible with the stated range as far as the bounds tell (${computedText})`;
    case 'near-miss':
      return 'just outside the stated range';
    case 'inconsistent':
      return 'outside the stated range';
    default:
      return '';
  }
}

/** Decimals to show what the numbers give against a range with: three significant digits of the largest value
 * shown (see `intervalDecimals`), at least one. */
function rangeDecimals(comp: Computation): number {
  return intervalDecimals(comp.interval, comp.point, 3, 1);
}

function rangeJudgement(claim: Claim, comp: Computation): Judgement & { position?: RangePosition; closestText?: string } {
  const r = claim.range!;
  const lowQ = exact(r.low.raw.replace(/^[+\-\u2212]/, '')) ?? ZERO;
  const highQ = exact(r.high.raw.replace(/^[+\-\u2212]/, '')) ?? ZERO;
  const lowI = unroundValue(lowQ, r.low.decimals);
  const highI = unroundValue(highQ, r.high.decimals);
  const target: Interval = { lo: lowI.lo, hi: highI.hi, loIncl: true, hiIncl: true };
  const dd = rangeDecimals(comp);
  const computedText = formatComputedInterval(comp.interval, dd, comp.suffix);
  const p = comp.point;
  if (p !== null && contains(target, p)) {
    const lo = toNumber(lowQ);
    const hi = toNumber(highQ);
    const x = toNumber(p);
    const t = lo > 0 ? (Math.log(x) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (x - lo) / (hi - lo);
    const position: RangePosition = t < 0.2 ? 'low end' : t > 0.8 ? 'high end' : 'middle';
    return { verdict: 'consistent', computedText, steps: 0, position };
  }
  if (overlaps(comp.interval, target)) return { verdict: comp.bounded ? 'bound' : 'rounding', computedText, steps: 0 };
  if (claim.range!.qualifier === 'approx' || comp.approxInputs) {
    const widened = closed(target.lo!.mul(q(9, 10)), target.hi!.mul(q(11, 10)));
    if (overlaps(comp.interval, widened)) return { verdict: 'approximate', computedText, steps: 0 };
  }
  const below = comp.interval.hi !== null && comp.interval.hi.compare(target.lo!) < 0;
  const endpoint = below ? r.low : r.high;
  const ev = below ? lowQ : highQ;
  const { steps } = stepsAway(comp.interval, ev, endpoint.decimals);
  // The closest value the numbers give, written as the computed interval is (see `endInside`).
  const closest = endInside(comp.interval, below ? 'hi' : 'lo', dd);
  return { verdict: steps <= 1 ? 'near-miss' : 'inconsistent', computedText, steps, closest: closest.value, closestText: formatQ(closest.value, closest.decimals, '\u2212') + comp.suffix };
}

/** A range claim's reading of one pair (see `crossFieldCheck`). */
interface RangeReading {
  j: ReturnType<typeof rangeJudgement>;
  comp: Computation;
  p: Pair;
  /** What the message adds: the unit assumed for a value written without one (see `readingNote`). */
  note?: string;
  /** The range fits neither reading of a value written without a unit, and cannot be shown wrong (`chooseReading`). */
  ambiguous?: Ambiguity;
}

function crossFieldCheck(info: FieldInfo, claim: Claim, pairs: Pair[]): Check | undefined {
  // A bare percentage in brackets is read only against the values just before it (see `unstatedChanges`).
  if (claim.type === 'percent') return undefined;
  const cats = categoriesOf(claimContext(info.text, claim));
  const isFactor = claim.type === 'factor' || (claim.type === 'range' && claim.range!.dimension === 'factor');
  const candidates = pairs.filter((p) => {
    if (p.kind === 'part') return false;
    const cat = pairCategory(p);
    if (isFactor || claim.type === 'percent-change' || claim.type === 'range') {
      if (p.a.dimension === 'percent' || p.b.dimension === 'percent') return cats !== undefined && cats.has('score');
    }
    if (cats) return cats.has(cat);
    return cat !== 'score';
  });
  if (candidates.length === 0) return undefined;
  // A claim that names what it compares (`INT4 is 2× smaller than FP32`) is read against those values only, as on
  // the Numbers line (see `namedGroup`).
  const pool = namedGroup(info.text, claim, candidates) ?? candidates;
  if (claim.type === 'range') {
    const r = claim.range!;
    const stated = statedText(info, r.start, r.end);
    // A % range of speed for durations (`40–60% faster`) has both readings, as a single percentage does.
    const compute = (p: Pair): Array<Computation | undefined> => {
      if (isFactor) return [ratio(p)];
      const speed = speedOf(claim, p);
      if (speed !== undefined) return speedReadings(p, speed).map((r) => r.comp);
      const direction = claimDirection(claim, p);
      // An improvement on a metric the card does not say is better higher or lower: either way.
      if (direction === undefined && claim.direction === 'better') return [relativeChange(p, 'down'), relativeChange(p, 'up')];
      return [relativeChange(p, direction === 'up' ? 'up' : 'down')];
    };
    const rank = (x: RangeReading): number => (x.ambiguous ? VERDICT_RANK['near-miss'] : VERDICT_RANK[x.j.verdict]);
    const isBetter = (x: RangeReading, y: RangeReading | undefined): boolean => !y || rank(x) < rank(y) || (rank(x) === rank(y) && x.j.steps < y.j.steps);
    /** The best reading of a pair's values as written: decimal, and binary byte units too when they differ. */
    const asWritten = (p: Pair): RangeReading | undefined => {
      let best: RangeReading | undefined;
      const consider = (comp: Computation | undefined, binary: boolean): void => {
        if (!comp) return;
        const j = rangeJudgement(claim, comp);
        if (binary && j.verdict === 'inconsistent') return; // a failure is reported in the decimal reading
        const reading = { j, comp, p };
        if (isBetter(reading, best)) best = reading;
      };
      for (const comp of compute(p)) consider(comp, false);
      // Byte units may also be read as binary (see `byteReadingCandidates`).
      if (binaryReadingDiffers([p.a, p.b])) {
        for (const comp of compute({ ...p, a: inBinaryUnits(p.a), b: inBinaryUnits(p.b) })) consider(comp && inBinaryReading(comp, binaryUnitsNote([p.a, p.b])), true);
      }
      return best;
    };
    let best: RangeReading | undefined;
    for (const p of pool) {
      let reading = asWritten(p);
      // A unit on one side only: the other reading when this one does not fit (see `chooseReading`).
      const guess = reading && isFlagged(reading.j.verdict) ? unitGuess(p) : undefined;
      const shared = guess && asWritten(guess.pair);
      if (reading && guess && shared) {
        const choice = chooseReading(reading, shared, (x) => x.j.verdict, guess);
        const literal = reading;
        const text = (x: RangeReading) => ({ formula: x.comp.formula, text: x.j.computedText });
        reading =
          choice.kind === 'ambiguous'
            ? { ...choice.chosen, p, ambiguous: { message: ambiguityMessage(guess, stated, text(shared), text(literal)), computed: `${shared.j.computedText} or ${literal.j.computedText}`, inputs: [...new Set([...inputsOf(shared.comp), ...inputsOf(literal.comp)])], result: '' } }
            : { ...choice.chosen, p, note: readingNote(guess, choice, stated, choice.other.j.computedText) };
      }
      // A whole chain is a reading only when it fits (see `FieldInfo.chainPairs`).
      if (p.chain && reading && (isFlagged(reading.j.verdict) || reading.ambiguous)) continue;
      if (reading && isBetter(reading, best)) best = reading;
    }
    if (!best) return undefined;
    const where = best.p.field === info ? '' : ` from the ${FIELD_LABEL[best.p.field.key]}`;
    const formula = `${best.comp.formula} must lie within ${r.low.raw}–${r.high.raw}${r.unit === '×' ? '×' : r.unit}`;
    const involved = [r.low, r.high, best.p.a, best.p.b];
    if (best.ambiguous) {
      // See `chooseReading`: unverifiable, but a warning; no closest value.
      const a = best.ambiguous;
      return makeCheck(info, r.start, r.end, {
        kind: 'range',
        verdict: 'unverifiable',
        severity: 'warning',
        message: `${stated}: ${VERDICT_WORD.unverifiable} — ${a.message}${where ? ` (the numbers${where})` : ''}`,
        stated,
        computed: a.computed,
        explanation: { formula, inputs: a.inputs, result: `${a.computed}: neither lies within ${stated}` },
        chart: chartOfComputation(best.comp),
      }, involved);
    }
    const point = best.comp.point;
    const pointText = point ? `${formatQ(point, rangeDecimals(best.comp), '\u2212')}${best.comp.suffix}` : best.j.computedText;
    // Values that move against the range's word (`40–60% less` for values that went up, `2–3× faster` for times that
    // went up): that is what is wrong, at any size for an x-fold range, and no closest value would fix it (see
    // `contradictedDirection`, `contradictedFactor`).
    const factorContradiction = isFactor ? contradictedFactor(claim, best.p) : undefined;
    if (factorContradiction !== undefined) best.j = { ...best.j, verdict: 'inconsistent' };
    const contradiction = factorContradiction ?? (isFlagged(best.j.verdict) && !isFactor ? contradictedDirection(best.p, statedDirection(claim, best.p), claim.word) : undefined);
    let message = `${stated}: ${VERDICT_WORD[best.j.verdict]} — ${contradiction ? `${contradiction}; ` : ''}the numbers${where} give ${pointText} (${best.comp.formula}: ${inputsOf(best.comp).map((s) => s.split(' (')[0]).join(', ')})`;
    // An x-fold range the values contradict may hold the ratio: where in the range it lies is beside the point.
    const position = factorContradiction ? undefined : rangePositionPhrase(best.j.verdict, best.j.position, best.j.computedText);
    if (position) message += `, ${position}`;
    if (best.note) message += `; ${best.note}`;
    return makeCheck(info, r.start, r.end, {
      kind: 'range',
      verdict: best.j.verdict,
      message,
      stated,
      computed: best.j.computedText,
      explanation: {
        formula,
        inputs: inputsOf(best.comp),
        result: pointText,
        closest: contradiction ? undefined : best.j.closestText,
      },
      chart: chartOfComputation(best.comp),
    }, involved);
  }
  let best: Candidate | undefined;
  let bestPair: Pair | undefined;
  const written = statedText(info, claim.q.start, claim.q.end);
  for (const p of pool) {
    for (const c of candidatesFor(claim, p, written)) {
      if (better(c, best)) {
        best = c;
        bestPair = p;
      }
    }
  }
  if (!best || !bestPair) return undefined;
  return buildClaimCheck(info, claim, withWordDirection(claim, best, bestPair), bestPair.field);
}

// ---------------------------------------------------------------------------------------------------------------
// The paper.

function fieldsOf(paper: Paper): FieldInfo[] {
  const out: FieldInfo[] = [];
  const add = (key: FieldKey, f: TextField | undefined): void => {
    if (f && f.text.length > 0) out.push(analyseField(key, f));
  };
  add('title', paper.title);
  add('summary', paper.summary);
  add('keyFinding', paper.keyFinding);
  add('numbers', paper.numbers);
  return out;
}

function boundCheck(info: FieldInfo, p: Pair): Check | undefined {
  if (!positive(p.a) || !positive(p.b)) return undefined;
  const comp = ratio(p);
  if (!comp) return undefined;
  const lo = comp.interval.lo;
  const hi = comp.interval.hi;
  const d = 2;
  let computed: string;
  if (lo !== null && hi === null) computed = `ratio > ${trimZeros(formatQ(exactLoOf(p, true), d))}×`;
  else if (hi !== null && (lo === null || lo.equals(ZERO))) computed = `ratio < ${trimZeros(formatQ(exactLoOf(p, false), d))}×`;
  else return undefined;
  const stated = statedText(info, p.a.start, p.b.end);
  return makeCheck(info, p.a.start, p.b.end, {
    kind: 'bound',
    verdict: 'bound',
    message: `${p.a.qualifierRaw ?? ''}${p.a.raw}${p.a.unitRaw} ${p.connector} ${p.b.qualifierRaw ?? ''}${p.b.raw}${p.b.unitRaw}: only a bound follows — ${computed}; no exact ratio or change can be claimed`,
    stated,
    computed,
    explanation: { formula: comp.formula, inputs: inputsOf(comp), result: computed },
    chart: chartOfComputation(comp),
  });
}

/** The ratio at the bounds as written (780/48 = 16.25 for `>780 → <48`). */
function exactLoOf(p: Pair, larger: boolean): Q {
  const a = exactBase(p.a);
  const b = exactBase(p.b);
  const [big, small] = a.compare(b) >= 0 ? [a, b] : [b, a];
  void larger;
  return big.div(small);
}

function trimZeros(s: string): string {
  return s.includes('.') ? trimEndChar(s, '0').replace(/\.$/, '') : s;
}

/** Claims checked per field: a card is a few sentences; a field with more claims is not prose but a dump. */
const MAX_CLAIMS = 200;

export function checkPaper(paper: Paper): Check[] {
  const checks: Check[] = [];
  try {
    const fields = fieldsOf(paper);
    const numbers = fields.find((f) => f.key === 'numbers');
    const allPairs: Pair[] = [];
    // A chain's whole-chain pairs too (`FP16 13.5 GB → INT8 7.1 GB → INT4 3.9 GB` for a title's `3.5× smaller`),
    // read only where they fit (see `crossFieldCheck`).
    for (const f of fields) for (let k = 0; k < f.pairs.length && k < 20; k++) allPairs.push(f.pairs[k]);
    for (const f of fields) for (let k = 0; k < f.chainPairs.length && k < 20; k++) allPairs.push(f.chainPairs[k]);
    const numberPairs = numbers ? [...numbers.pairs.slice(0, 20), ...numbers.chainPairs.slice(0, 20)] : [];
    // Damaged text first: claims inside damaged spans are not computed on.
    const damage = findDamage(fields);
    // The card's subject, read the first time a comparison needs it (most cards have none).
    let subjectText: string | undefined;
    const subject = (): string => (subjectText ??= [paper.keyFinding?.text, paper.title.text].filter((t): t is string => Boolean(t)).map(subjectPart).join(' '));
    for (const c of damage.checks) checks.push(c);
    for (const info of fields) {
      // The pairs by clause serve only this field's claims.
      if (info.claims.length === 0) continue;
      const byClause = new Map<number, Pair[]>();
      // A chain's pair from its start comes before its last step's: on a tie, the step (tried first) is kept.
      const steps = info.chainPairs.length ? [...info.pairs, ...info.chainPairs].sort((x, y) => x.b.start - y.b.start || (x.a.start - y.a.start)) : info.pairs;
      for (const p of steps) {
        const list = byClause.get(p.clause);
        if (list) list.push(p);
        else byClause.set(p.clause, [p]);
      }
      for (let ci = 0; ci < info.claims.length && ci < MAX_CLAIMS; ci++) {
        const claim = info.claims[ci];
        if (damage.suppressed.has(claim.q)) {
          claim.attached = true;
          continue;
        }
        // Pairs in the same clause whose second value comes before the claim (the nearest few).
        const inClause = byClause.get(claim.clause) ?? [];
        const before: Pair[] = [];
        for (let k = inClause.length - 1; k >= 0 && before.length < 8; k--) {
          const p = inClause[k];
          if (p.b.end <= claim.q.start && !damage.suppressed.has(p.a) && !damage.suppressed.has(p.b)) before.push(p);
        }
        if (before.length === 0 || claim.type === 'range') continue;
        const latestGroup = Math.max(...before.map((p) => p.group));
        let group = before.filter((p) => p.group === latestGroup);
        // A claim that names what it compares against (`(54% less than QLoRA)`) is read against the pairs with a value
        // so labelled, in the clause's earlier groups too (`Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB`).
        group = namedGroup(info.text, claim, before) ?? group;
        let best: Candidate | undefined;
        let bestPair: Pair | undefined;
        const written = statedText(info, claim.q.start, claim.q.end);
        const cats = categoriesOf(claimContext(info.text, claim));
        for (const p of group) {
          if (namesOtherQuantity(cats, p)) continue;
          for (const c of candidatesFor(claim, p, written, subject)) {
            if (better(c, best)) {
              best = c;
              bestPair = p;
            }
          }
        }
        if (best && bestPair) {
          claim.attached = true;
          const glued = damage.guessed.get(claim.q);
          checks.push(buildClaimCheck(info, claim, withWordDirection(claim, best, bestPair), info, glued));
        }
      }
    }
    // Claims without numbers of their own: a range or factor stated elsewhere against the numbers' ratio.
    for (const info of fields) {
      for (let ci = 0; ci < info.claims.length && ci < MAX_CLAIMS; ci++) {
        const claim = info.claims[ci];
        if (claim.attached) continue;
        const pool = info.key === 'numbers' ? numberPairs : numberPairs.length ? numberPairs : allPairs.filter((p) => p.field !== info);
        const usablePool = pool.filter((p) => !damage.suppressed.has(p.a) && !damage.suppressed.has(p.b));
        const check = info.key === 'numbers' && claim.type !== 'range' && claim.type !== 'factor' ? undefined : crossFieldCheck(info, claim, usablePool.length ? usablePool : allPairs.filter((p) => p.field !== info && !damage.suppressed.has(p.a) && !damage.suppressed.has(p.b)));
        if (check) {
          claim.attached = true;
          checks.push(check);
        } else if (info.key === 'numbers' && claim.type !== 'percent') {
          const qu = claim.q;
          const stated = statedText(info, qu.start, qu.end);
          checks.push(
            makeCheck(info, qu.start, qu.end, {
              kind: 'unverifiable',
              verdict: 'unverifiable',
              message: `${stated}: a stated ${claim.type === 'factor' ? 'factor' : 'change'} with no numbers on the card to check it against`,
              stated,
              computed: 'nothing to compare',
              explanation: { formula: 'none: the values it compares are not on the card', inputs: [], result: 'unverifiable' },
            }),
          );
        }
      }
    }
    // Bounds: a pair with > or < and no stated change: say what follows.
    if (numbers) {
      const claimed = new Set<Pair>();
      for (const p of numbers.pairs.slice(0, MAX_CLAIMS)) {
        if (!isBound(p.a) && !isBound(p.b)) continue;
        if (numbers.claims.some((c) => c.clause === p.clause && c.q.start >= p.b.end)) continue;
        if (claimed.has(p)) continue;
        claimed.add(p);
        const b = boundCheck(numbers, p);
        if (b) checks.push(b);
      }
    }
    // Restatements: the same pair of values stated in prose and on the Numbers line.
    if (numbers) for (const c of restatements(fields, numbers)) checks.push(c);
    // Direction words against what the numbers show.
    for (const c of checkDirections(fields, damage.suppressed)) checks.push(c);
    // Bidi controls outside numbers: the text may display in another order than it was read.
    for (const c of findBidiControls(fields)) checks.push(c);
  } catch (e) {
    // The checker must never take the editor down; an internal failure is reported as one unverifiable check.
    const f = paper.title;
    checks.push({
      kind: 'internal',
      verdict: 'unverifiable',
      severity: 'info',
      range: f.range,
      message: `The checker could not read this card (${e instanceof Error ? e.message : String(e)}).`,
      stated: '',
      computed: '',
      explanation: { formula: '', inputs: [], result: 'not checked' },
    });
  }
  return checks;
}

function labelsAgree(x: string, y: string): boolean | undefined {
  const tok = (s: string): string[] => s.toLowerCase().split(/[\s(),]+/).filter((t) => t.length >= 2 && /\p{L}/u.test(t));
  const a = tok(x);
  const b = new Set(tok(y));
  if (a.length === 0 || b.size === 0) return undefined;
  return a.some((t) => b.has(t));
}

/** A prose value `x` against the Numbers line's `y`: `y` in `x`'s unit, rounded to `x`'s precision. */
function restatementOf(x: Quantity, y: Quantity, info: FieldInfo, numbers: FieldInfo): { comp: Computation; vy: Q; j: Judgement } {
  const sx = scaleQ(x.scale);
  const vy = exactBase(y).div(sx);
  const iy = intervalOf(y);
  const comp: Computation = {
    kind: 'restatement',
    formula: `the ${FIELD_LABEL[numbers.key]} value, rounded like the ${FIELD_LABEL[info.key]}`,
    inputs: [describeInput('value', y)],
    point: y.qualifier === 'approx' ? null : vy,
    interval: { lo: iy.lo && iy.lo.div(sx), hi: iy.hi && iy.hi.div(sx), loIncl: iy.loIncl, hiIncl: iy.hiIncl },
    // In x's unit, written on x or on the value it took its unit from (`from 12 to 4 GB`).
    suffix: (x.unitFrom ?? x).unitRaw.trim() ? ` ${(x.unitFrom ?? x).unitRaw.trim()}` : '',
    bounded: false,
    approxInputs: y.qualifier === 'approx',
  };
  if (y.qualifier !== 'approx') comp.interval = { lo: vy, hi: vy, loIncl: true, hiIncl: true };
  const stated: Stated = { value: exact(x.raw) ?? ZERO, decimals: x.decimals, qualifier: x.qualifier === 'approx' ? undefined : x.qualifier };
  return { comp, vy, j: judge(stated, comp) };
}

/** How far apart two values are, relative to the second (0 when equal; Infinity when the second is 0). */
function relativeGap(x: Quantity, y: Quantity): number {
  const vy = toNumber(exactBase(y));
  return vy === 0 ? Infinity : Math.abs(toNumber(exactBase(x)) - vy) / Math.abs(vy);
}

function restatements(fields: FieldInfo[], numbers: FieldInfo): Check[] {
  const out: Check[] = [];
  const done = new Set<Quantity>();
  for (const info of fields) {
    if (info === numbers) continue;
    for (const p of info.pairs.slice(0, 20)) {
      if (p.kind === 'part') continue;
      // The Numbers line's pairs nearest to the prose pair first: `from 55.0% to 58.4% on MBPP` is read against
      // `MBPP 55.0% → 58.4%`, not against `HumanEval 48.2% → 54.3%` before it.
      const nearness = (np: Pair): number => Math.min(relativeGap(p.a, np.a) + relativeGap(p.b, np.b), relativeGap(p.a, np.b) + relativeGap(p.b, np.a));
      const nearest = numbers.pairs.slice(0, 20).map((np) => ({ np, near: nearness(np) })).sort((x, y) => x.near - y.near);
      for (const { np } of nearest) {
        if (np.kind === 'part') continue;
        if (p.a.dimension === 'none' || p.a.dimension !== np.a.dimension || p.b.dimension !== np.b.dimension) continue;
        if (!(relativeGap(p.a, np.a) < 0.2) || !(relativeGap(p.b, np.b) < 0.2)) continue;
        if (isBound(p.a) || isBound(p.b) || isBound(np.a) || isBound(np.b)) continue;
        // The prose may name the two values in the other order (`23.9% vs 26.2% non-private` against
        // `26.2% → 23.9%`): then each is read against its own, whichever alignment is closer.
        const gap = (x: Quantity, y: Quantity): number => Math.abs(toNumber(exactBase(x)) - toNumber(exactBase(y)));
        // Not when a label names the same side in both (`Ours reaches 26.2% vs baseline 23.9%` against `Ours 23.9% vs
        // baseline 26.2%` is a swap to report); a metric's name (`accuracy`) names no side (see `mentions`).
        const sameSide = (x: string, y: string): boolean => x !== '' && y !== '' && mentions(x, y);
        const crossed = p.a.dimension === np.b.dimension && !sameSide(p.labelA, np.labelA) && !sameSide(p.labelB, np.labelB) && gap(p.a, np.b) + gap(p.b, np.a) < gap(p.a, np.a) + gap(p.b, np.b);
        for (const [x, y] of (crossed ? [[p.a, np.b], [p.b, np.a]] : [[p.a, np.a], [p.b, np.b]]) as Array<[Quantity, Quantity]>) {
          let { comp, vy, j } = restatementOf(x, y, info, numbers);
          // Byte units in different units (16.0 GB against 16,384 MB) may agree in their binary reading.
          let binaryNote = '';
          if (isFlagged(j.verdict) && binaryReadingDiffers([x, y])) {
            const binary = restatementOf(inBinaryUnits(x), inBinaryUnits(y), info, numbers);
            if (!isFlagged(binary.j.verdict)) {
              binaryNote = binaryUnitsNote([x, y]);
              ({ vy, j } = binary);
              comp = inBinaryReading(binary.comp, binaryNote);
            }
          }
          const text = statedText(info, x.start, x.end);
          if (done.has(x)) continue;
          if (j.verdict === 'near-miss' || j.verdict === 'inconsistent') {
            // Only a value that names the same thing as the Numbers line can contradict it.
            const lx = x === p.a ? p.labelA : p.labelB;
            const ly = y === np.a ? np.labelA : np.labelB;
            if (labelsAgree(lx, ly) !== true) continue;
          }
          done.add(x);
          let closestText: string | undefined;
          let fix: Check['fix'];
          let message = `${text}: ${VERDICT_WORD[j.verdict]} with ${numbers.text.slice(y.start, y.end)} on the Numbers line (rounded to ${j.computedText === '' ? '' : formatQ(vy, x.decimals)}${comp.suffix}${binaryNote ? `, in binary units: ${binaryNote}` : ''})`;
          if (j.closest && (j.verdict === 'near-miss' || j.verdict === 'inconsistent')) {
            closestText = writeLike(j.closest, x, false);
            fix = { range: rangeOf(info, x.numStart, x.numEnd), replacement: closestText };
            message += `; closest consistent value: ${closestText}`;
          }
          out.push(
            makeCheck(info, x.start, x.end, {
              kind: 'restatement',
              verdict: j.verdict,
              message,
              stated: text,
              computed: formatQ(vy, x.decimals) + comp.suffix,
              explanation: { formula: comp.formula, inputs: inputsOf(comp), result: formatQ(vy, Math.max(x.decimals, y.decimals)) + comp.suffix, closest: closestText },
              fix,
              chart: [
                { label: FIELD_LABEL[info.key], value: x.value },
                { label: FIELD_LABEL[numbers.key], value: toNumber(vy) },
              ],
            }, [x, y]),
          );
        }
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The file.

/** Checks of the file as a whole (the header's declared count against the cards found). */
export function checkFileClaims(seed: SeedFile): Check[] {
  return checkDeclaredCount(seed.declaredCount, seed.papers.length);
}

/** The header's `N papers found` against the number of cards the file holds. */
export function checkDeclaredCount(declared: NumberField | undefined, found: number): Check[] {
  const fileChecks: Check[] = [];
  if (declared && declared.value !== found) {
    // The method's verdicts have no "file incomplete": the header's count is a claim about cards that are not in
    // this file, so it cannot be verified here (`unverifiable`). The issue asks for a warning, because a mismatch
    // often means cards were lost on export or failed to parse; so the severity is set to `warning` explicitly.
    fileChecks.push({
      kind: 'declared-count',
      verdict: 'unverifiable',
      severity: 'warning',
      range: declared.range,
      message: `The header declares ${declared.raw} papers but the file holds ${found} card${found === 1 ? '' : 's'}${found < declared.value ? ` (${declared.value - found} missing: cut short on export, or cards that failed to parse)` : ''}.`,
      stated: declared.raw,
      computed: String(found),
      explanation: { formula: 'cards found in the file', inputs: [`declared = ${declared.raw}`, `found = ${found}`], result: String(found) },
      chart: [
        { label: 'declared', value: declared.value },
        { label: 'found', value: found },
      ],
    });
  }
  return fileChecks;
}

export function checkSeed(seed: SeedFile): { fileChecks: Check[]; papers: Array<{ paper: Paper; checks: Check[] }> } {
  const fileChecks = checkFileClaims(seed);
  const papers = seed.papers.map((paper) => ({ paper, checks: checkPaper(paper) }));
  return { fileChecks, papers };
}

export { unroundValue, ZERO, subInterval };
