// Direction words ("outperforms", "reduces", "matches", "lowest", "strongest"…) in the title, summary and key
// finding, against what the Numbers line shows. Consistent when any pair of numbers the words can refer to agrees;
// inconsistent only when every such pair contradicts them.
import { Check } from '../check';
import type { FieldInfo, Pair } from '../checker';
import { assumedUnitNote, baseNumber, isRatePair, makeCheck, unitCategory, unitGuess } from '../checker';
import { binaryReadingDiffers, binaryUnitsNote, inBinaryUnits, Quantity } from '../quantity';
import { memoized } from '../memo';
import { mentions, subjectOf } from './subject';

type WordClass = 'better' | 'worse' | 'best' | 'min' | 'max' | 'down' | 'up' | 'match';

/**
 * Whether the word found at `at` is a direction word where it stands: not inside a hyphenated name (`reduce` in
 * `all-reduce` names an operation), and not `match` in the metric `exact match`. Tested here rather than with
 * lookbehinds in DIRECTION_RE, which would slow its scan of every text.
 */
function isDirectionWordAt(text: string, at: number, word: string): boolean {
  const before = text[at - 1];
  if (before === '-' || before === '\u2011') return false;
  return !(word.length <= 8 && /^match/i.test(word) && /exact\s$/i.test(text.slice(Math.max(0, at - 6), at)));
}

/** A word that denies the direction word right after it (`no degradation`, `without any reduction`). */
const NEGATION_BEFORE_RE = /\b(?:no|not|without|never|nor|zero|negligible|minimal|little)\s(?:any\s|significant\s|noticeable\s)?$/i;

const DIRECTION_RE =
  /\b(outperform\w*|beat(?:s|ing)?|surpass\w*|exceed\w*|improv\w*|better|stronger|boost\w*|strongest|best|highest|largest|lowest|smallest|fewest|reduc\w*|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas\w*|shrink\w*|slash\w*|fewer|less|smaller|higher|increas\w*|rais(?:es|ed|ing)|match(?:es|ed|ing)?|comparable|on par|similar|close to|closely|near(?![-\u2011])|underperform\w*|worse|degrad\w*)\b/gi;

/** A direction word's class, per word as written (see `classOfWord`). */
const classOf = memoized(classOfWord, 4096);

function classOfWord(word: string): WordClass {
  const w = word.toLowerCase();
  if (/^(outperform|beat|surpass|exceed|improv|better|stronger|boost)/.test(w)) return 'better';
  if (/^(underperform|worse|degrad)/.test(w)) return 'worse';
  if (/^(strongest|best)$/.test(w)) return 'best';
  if (/^(lowest|smallest|fewest)$/.test(w)) return 'min';
  if (/^(highest|largest)$/.test(w)) return 'max';
  if (/^(reduc|cut|lower|decreas|shrink|slash|fewer|less|smaller)/.test(w)) return 'down';
  if (/^(higher|increas|rais)/.test(w)) return 'up';
  return 'match';
}

const LOWER_BETTER_RE = /\b(loss|losses|error|errors|err|perplexity|ppl|wer|cer|fid|ece|calibration|latency|mse|mae|rmse|bpc|bpb|memory|time|cost|size|distance|regret|runtime|hallucinat\w*|toxicity)\b/i;
const HIGHER_BETTER_RE = /\b(accuracy|acc|f1|bleu|rouge(?:-\w+)?|map|auc|auroc|pass@\d+|em|exact match|recall|precision|score|scores|win ?rate|cider|mmlu|top-\d|throughput|ndcg(?:@\d+)?|mrr|hellaswag|gsm8k|spearman|pearson|success|reward)\b/i;
const SCORE_WORDS = 'accuracy|acc|score|f1|bleu|rouge|mmlu|perplexity|ppl|loss|error|auc|cider|performance|quality|results?|win ?rate|pass@\\d|exact match|success rate|glue|superglue|squad|gsm8k|humaneval|hellaswag|imagenet|cifar-?\\d*|winogrande|truthfulqa|mt-bench|alpacaeval|bbh';
const BYTES_WORDS = 'memory|vram|storage|size|footprint|bytes?|disk|gb';
const COUNT_WORDS = 'param\\w*|weights?|trainable|storage|size|tokens?|flops|compute';
const TIME_WORDS = 'faster|slower|speed\\w*|latency|time|throughput|hours?|runtime';
const SCORE_RE = new RegExp(`\\b(?:${SCORE_WORDS})\\b`, 'i');
const BYTES_RE = new RegExp(`\\b(?:${BYTES_WORDS})\\b`, 'i');
const COUNT_RE = new RegExp(`\\b(?:${COUNT_WORDS})\\b`, 'i');
const TIME_RE = new RegExp(`\\b(?:${TIME_WORDS})\\b`, 'i');

const CATEGORY_RES: ReadonlyArray<readonly [string, RegExp]> = [
  ['bytes', BYTES_RE],
  ['count', COUNT_RE],
  ['time', TIME_RE],
  ['score', SCORE_RE],
];
/** Any word of any category, found in one scan. Why: most contexts name none, and one scan costs a quarter of four;
 * the few words found are then sorted into their categories (`size` and `storage` are in two). */
const ANY_CATEGORY_RE = new RegExp(`\\b(?:${BYTES_WORDS}|${COUNT_WORDS}|${TIME_WORDS}|${SCORE_WORDS})\\b`, 'gi');

/** The categories a context names (empty: any); computed once per direction word, not once per pair. */
function categoriesOf(context: string): readonly string[] {
  ANY_CATEGORY_RE.lastIndex = 0;
  let m = ANY_CATEGORY_RE.exec(context);
  if (m === null) return CATEGORY_LISTS[0];
  let found = 0; // bit k: CATEGORY_RES[k] is named
  for (; m !== null; m = ANY_CATEGORY_RE.exec(context)) {
    for (let k = 0; k < CATEGORY_RES.length; k++) if (CATEGORY_RES[k][1].test(m[0])) found |= 1 << k;
  }
  return CATEGORY_LISTS[found];
}

/** The list of categories for each set of them, by bit mask (bit k for CATEGORY_RES[k]), in CATEGORY_RES's order. */
const CATEGORY_LISTS: ReadonlyArray<readonly string[]> = Array.from({ length: 1 << CATEGORY_RES.length }, (_, mask) =>
  Object.freeze(CATEGORY_RES.filter((_c, k) => mask & (1 << k)).map(([cat]) => cat)),
);

/**
 * Words that name a rate. A rate (`200 → 800 GB/s`) is held to "lower" or "increase" only when these are near the
 * word: "lower serving bills" is not about bandwidth, though the card's only pair measures it.
 */
const RATE_CONTEXT_RE = /\b(?:throughput|bandwidth|speed\w*|rates?|qps|fps|tps|per second)\b|\/s\b/i;

/**
 * What a direction word is said of, when the words right after it name something the pairs must be about: a
 * counted thing (`on fewer GPUs`, `fewer steps`), or a reference written with `the` (`close to the original`).
 * Why: such a word checked on a pair of something else (latencies, context lengths, two other methods) was an error.
 */
function objectOf(text: string, end: number, cls: WordClass): string | undefined {
  const after = text.slice(end, end + 40);
  const counted = COUNTED_OBJECT_RE.exec(after);
  if (counted !== null) return counted[1];
  return cls === 'match' ? REFERENCE_OBJECT_RE.exec(after)?.[1] : undefined;
}

/** A counted thing right after a direction word (see `objectOf`). */
const COUNTED_OBJECT_RE = /^\s(gpus|nodes|devices|machines|steps|iterations|epochs|samples|examples|layers|experts)\b/i;
/** `the` and a word after a word of likeness (`close to the original`, `on par with the baseline`). */
const REFERENCE_OBJECT_RE = /^\s(?:with\s|to\s)?the\s([\p{L}][\p{L}\d-]{2,20}(?:\s[\p{L}][\p{L}\d-]{1,20}){0,2})/iu;
/**
 * Whether money or effort follows a word of size (`cut inference bills`, `lowers hardware cost`): not measured on the
 * Numbers line, so the word is not checked on its values.
 */
function saysUnmeasured(after: string): boolean {
  // The cheap test first: most words are followed by none of these stems.
  if (!UNMEASURED_STEM_RE.test(after)) return false;
  const m = UNMEASURED_OBJECT_RE.exec(after);
  // `reduces memory and cost` names memory too: then the word is checked.
  return m !== null && categoriesOf(m[0]).length === 0;
}
const UNMEASURED_STEM_RE = /bill|cost|price|spend|expens|budget|barrier|risk|complexity|effort|friction/i;
const UNMEASURED_OBJECT_RE = /^\s(?:[\p{L}-]{2,20}\s){0,2}(?:bills?|costs?|prices?|spend(?:ing)?|expenses?|budgets?|barriers?|risks?|complexity|effort|friction)\b/iu;

/** The words written just before a pair's first value, which may name what it counts (`Steps 12,000 → 3,000`). */
function labelContext(p: Pair): string {
  return p.field.text.slice(Math.max(0, p.a.start - 40), p.a.start);
}

/**
 * Whether a direction word whose context names `cats` may be checked on a pair: any pair when the context names
 * nothing; else a pair of what it names, a rate counting as a time (`throughput`, `faster`). A word of likeness
 * beside a score (`matches LoRA on GLUE with fewer parameters`, `quality close to`) is about scores only.
 */
function allowed(cats: readonly string[], p: Pair, cls: WordClass, isRate: boolean): boolean {
  // A word of likeness (`matches 52K-example models`) speaks of quality: of scores, unless its words name a size,
  // time or count.
  if (cls === 'match' && unitCategory(p) !== 'score' && !cats.some((c) => c !== 'score')) return false;
  if (cats.length === 0) return true;
  const cat = isRate ? 'time' : unitCategory(p);
  if (cls === 'match' && cats.includes('score')) return cat === 'score';
  return cats.includes(cat);
}

/**
 * Whether lower values are better for the pair's metric; undefined when the card does not say. A rate (`GB/s`,
 * `tokens/s`) is better higher; a size, time or count, lower; a score as the words around it say (`context`: the
 * claim's own words, read last).
 */
export function lowerIsBetter(p: Pair, context = ''): boolean | undefined {
  if (isRatePair(p)) return false;
  const cat = unitCategory(p);
  if (cat !== 'score') return true;
  const t = p.field.text;
  const clause = p.field.clauses[p.clause];
  const around = t.slice(Math.max(clause.start, p.a.start - 60), Math.min(clause.end, p.b.end + 30));
  for (const s of [around, t, context]) {
    const lower = LOWER_BETTER_RE.test(s);
    const higher = HIGHER_BETTER_RE.test(s);
    if (lower !== higher) return lower;
  }
  return undefined;
}

interface Outcome {
  ok: boolean;
  shown: string;
}

function fmt(q: Quantity): string {
  return `${q.qualifierRaw ?? ''}${q.raw}${q.unitRaw}`.trim();
}

function evaluate(cls: WordClass, p: Pair, subject: string, context: string): Outcome | undefined {
  const va = baseNumber(p.a);
  const vb = baseNumber(p.b);
  if (!Number.isFinite(va) || !Number.isFinite(vb)) return undefined;
  // Cheap reasons to give up first (pure tests, so their order does not change the outcome).
  if ((cls === 'down' || cls === 'up') && unitCategory(p) === 'score') return undefined;
  const lowerBetter = cls === 'better' || cls === 'worse' ? lowerIsBetter(p, context) : undefined;
  if ((cls === 'better' || cls === 'worse') && lowerBetter === undefined) return undefined;
  // Subject and other side: for a change, "after" against "before"; for a comparison, the value the subject names.
  let subj = p.a;
  let other = p.b;
  if (p.kind === 'change') {
    subj = p.b;
    other = p.a;
  } else if (cls !== 'match') {
    const side = subjectOf(p, subject);
    if (side === undefined) return undefined;
    if (side === 'b') {
      subj = p.b;
      other = p.a;
    }
  }
  const vs = subj === p.a ? va : vb;
  const vo = subj === p.a ? vb : va;
  const lab = (q: Quantity): string => {
    const l = q === p.a ? p.labelA : p.labelB;
    return l ? `${l} ${fmt(q)}` : fmt(q);
  };
  const rel = Math.abs(vs - vo) / Math.max(Math.abs(vs), Math.abs(vo), 1e-300);
  switch (cls) {
    case 'better':
      return { ok: lowerBetter ? vs < vo : vs > vo, shown: `${lab(subj)} vs ${lab(other)} (${lowerBetter ? 'lower' : 'higher'} is better)` };
    case 'worse':
      return { ok: lowerBetter ? vs > vo : vs < vo, shown: `${lab(subj)} vs ${lab(other)} (${lowerBetter ? 'lower' : 'higher'} is better)` };
    case 'down':
      if (unitCategory(p) === 'score') return undefined;
      return { ok: vs < vo, shown: `${lab(subj)} vs ${lab(other)}` };
    case 'up':
      if (unitCategory(p) === 'score') return undefined;
      return { ok: vs > vo, shown: `${lab(subj)} vs ${lab(other)}` };
    case 'match':
      if (rel <= 0.05) return { ok: true, shown: `${lab(subj)} vs ${lab(other)} (${(rel * 100).toFixed(1)}% apart)` };
      if (rel > 0.15) return { ok: false, shown: `${lab(subj)} vs ${lab(other)} (${(rel * 100).toFixed(1)}% apart)` };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * `evaluate` for the pair as read, then, when its byte units can also be read as binary (GB against MB), for that
 * reading too: the method accepts both, so either may agree with the words (`1.00 GB → 1020 MB` is a reduction
 * when 1 GB = 1024 MB). A value written without a unit against one with a multiplier (`4 GB → 12`) is also read with
 * that unit when the words do not fit it as written (12 bytes): the words are contradicted only when they fit
 * neither reading (see `chooseReading` in the checker).
 */
function evaluateEitherReading(cls: WordClass, p: Pair, subject: string, context: string): Outcome[] {
  const out = evaluateByteReadings(cls, p, subject, context);
  if (out.length === 0 || out.some((o) => o.ok)) return out;
  const guess = unitGuess(p);
  if (guess === undefined) return out;
  for (const o of evaluateByteReadings(cls, guess.pair, subject, context)) out.push({ ok: o.ok, shown: `${o.shown}; ${assumedUnitNote(guess)}` });
  return out;
}

function evaluateByteReadings(cls: WordClass, p: Pair, subject: string, context: string): Outcome[] {
  const out: Outcome[] = [];
  const decimal = evaluate(cls, p, subject, context);
  if (decimal) out.push(decimal);
  if (binaryReadingDiffers([p.a, p.b])) {
    const binary = evaluate(cls, { ...p, a: inBinaryUnits(p.a), b: inBinaryUnits(p.b) }, subject, context);
    if (binary) out.push({ ok: binary.ok, shown: `${binary.shown}, in binary units (${binaryUnitsNote([p.a, p.b])})` });
  }
  return out;
}

function evaluateExtreme(cls: WordClass, p: Pair, subject: string, context: string): Outcome | undefined {
  // The subject's value against every comparable value in its clause of the Numbers line.
  const f = p.field;
  const clause = f.clauses[p.clause];
  const group = f.values.filter((v) => v.start >= clause.start && v.end <= clause.end && (v.dimension === p.a.dimension || v.dimension === 'none' || p.a.dimension === 'none') && !v.qualifier);
  if (group.length < 2) return undefined;
  const lowerBetter = lowerIsBetter(p, context);
  if (cls === 'best' && lowerBetter === undefined) return undefined;
  let subj = p.kind === 'change' ? p.b : p.a;
  if (p.kind !== 'change') {
    const side = subjectOf(p, subject);
    if (side === undefined) return undefined;
    if (side === 'b') subj = p.b;
  }
  const vals = group.map((v) => baseNumber(v));
  const vs = baseNumber(subj);
  const wantMin = cls === 'min' || (cls === 'best' && lowerBetter);
  const ok = wantMin ? vals.every((v) => vs <= v) : vals.every((v) => vs >= v);
  return { ok, shown: `${fmt(subj)} among ${group.map(fmt).join(', ')} (${wantMin ? 'should be the smallest' : 'should be the largest'})` };
}

/** The part of a text before its first direction word: usually the sentence's subject. */
export function subjectPart(text: string): string {
  DIRECTION_RE.lastIndex = 0;
  let m = DIRECTION_RE.exec(text);
  while (m !== null && !isDirectionWordAt(text, m.index, m[0])) m = DIRECTION_RE.exec(text);
  DIRECTION_RE.lastIndex = 0;
  return m ? text.slice(Math.max(0, m.index - 300), m.index) : text.slice(0, 60);
}

export function checkDirections(fields: FieldInfo[], suppressed: Set<Quantity>): Check[] {
  const numbers = fields.find((f) => f.key === 'numbers');
  if (!numbers) return [];
  const pairs = numbers.pairs.filter((p) => p.kind !== 'part' && !suppressed.has(p.a) && !suppressed.has(p.b)).slice(0, 20);
  if (pairs.length === 0) return [];
  const out: Check[] = [];
  // "down"/"up" words say nothing about score pairs (`evaluate` gives up on them first): with only such pairs, those
  // words are passed over without reading their context.
  const anyNonScore = pairs.some((p) => unitCategory(p) !== 'score');
  // Which pairs are rates, found once: every direction word asks.
  const rates = new Set(pairs.filter(isRatePair));
  for (const info of fields) {
    if (info === numbers) continue;
    const text = info.text;
    DIRECTION_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let count = 0;
    // text.lastIndexOf('. ', start) and text.lastIndexOf(';', start), kept up to date as the matches move forward.
    let lastDot = -1;
    let nextDot = text.indexOf('. ');
    let lastSemi = -1;
    let nextSemi = text.indexOf(';');
    while ((m = DIRECTION_RE.exec(text)) !== null && count < 200) {
      count++;
      const word = m[0];
      const cls = classOf(word);
      if (!anyNonScore && (cls === 'down' || cls === 'up')) continue;
      if (!isDirectionWordAt(text, m.index, word)) continue;
      // `with no degradation`, `without noticeable loss`: the word is denied, not claimed.
      if (NEGATION_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      const start = m.index;
      const end = start + word.length;
      while (nextDot !== -1 && nextDot <= start) {
        lastDot = nextDot;
        nextDot = text.indexOf('. ', nextDot + 1);
      }
      while (nextSemi !== -1 && nextSemi <= start) {
        lastSemi = nextSemi;
        nextSemi = text.indexOf(';', nextSemi + 1);
      }
      const sentenceStart = Math.max(0, lastDot + 1, lastSemi + 1);
      const subject = text.slice(Math.max(sentenceStart, start - 300), start);
      const context = text.slice(Math.max(sentenceStart, start - 25), Math.min(text.length, end + 40));
      const outcomes: Outcome[] = [];
      const cats = categoriesOf(context);
      if ((cls === 'down' || cls === 'up') && saysUnmeasured(text.slice(end, end + 50))) continue;
      const object = objectOf(text, end, cls);
      const rateNamed = rates.size === 0 || (cls !== 'down' && cls !== 'up') || RATE_CONTEXT_RE.test(context);
      for (const p of pairs) {
        const isRate = rates.has(p);
        if (!allowed(cats, p, cls, isRate)) continue;
        if (object !== undefined && !mentions(`${p.labelA} ${p.labelB} ${labelContext(p)}`, object)) continue;
        if (!rateNamed && isRate) continue;
        if (cls === 'best' || cls === 'min' || cls === 'max') {
          const o = evaluateExtreme(cls, p, subject, context);
          if (o) outcomes.push(o);
        } else outcomes.push(...evaluateEitherReading(cls, p, subject, context));
      }
      if (outcomes.length === 0) continue;
      const good = outcomes.find((o) => o.ok);
      const shown = (good ?? outcomes[0]).shown;
      out.push(
        makeCheck(info, start, end, {
          kind: 'direction',
          verdict: good ? 'consistent' : 'inconsistent',
          // A word of prose matched to the Numbers line's values is a reading, not a recomputation: a contradiction
          // is worth a look, not an error that fails a build (see docs/claims.md).
          severity: good ? 'info' : 'warning',
          message: good ? `“${word}”: ✓ the numbers agree — ${shown}` : `“${word}”: the numbers say otherwise — ${shown}`,
          stated: word,
          computed: shown,
          explanation: { formula: `direction of “${word}” against the Numbers line`, inputs: outcomes.map((o) => o.shown), result: good ? 'agrees' : 'contradicts' },
        }),
      );
      break; // one direction check per field
    }
  }
  return out;
}
