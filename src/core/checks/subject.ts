// Which side of a comparison a sentence is about: the value whose label the sentence names, the side labelled
// "ours"/"proposed", or the side opposite a "baseline". Undefined when the text does not say.
import type { Pair } from '../checker';
import { memoized } from '../memo';
import { trimEndChar } from '../text';

/** Words that name no side: common words, and what the values measure (`Recall 40.0% vs 45.0%` names no method). */
const STOP = new Set([
  'model', 'models', 'size', 'avg', 'average', 'score', 'accuracy', 'memory', 'params', 'parameters', 'the', 'with', 'and', 'on', 'for', 'at', 'in', 'all',
  'mean', 'top-1', 'peak', 'e.g.', 'table', 'per', 'of', 'val', 'test',
  'acc', 'recall', 'precision', 'f1', 'bleu', 'rouge', 'auc', 'perplexity', 'ppl', 'loss', 'error', 'wer', 'cer', 'em', 'latency', 'throughput', 'win', 'rate',
]);
const OURS = /^(ours|our|proposed|new|method)$/i;
const BASELINE = /^(baseline|base|original|dense|teacher|reference|default|vanilla|standard|prior|previous|sota|individual|fp32|fp16|full)$/i;

const TOKEN_SPLIT_RE = /[\s,;:()[\]"'“”]+/;
const LETTER_RE = /\p{L}/u;
const PART_SPLIT_RE = /[-+/]/;

/** Small memo tables: the same labels and subject texts are tokenised for every pair and every direction word. */
const MEMO_LIMIT = 256;

const tokens = memoized(
  (s: string): readonly string[] =>
    Object.freeze(
      s
        .split(TOKEN_SPLIT_RE)
        .map((t) => trimEndChar(t.toLowerCase(), '.'))
        .filter((t) => t.length >= 2 && LETTER_RE.test(t) && !STOP.has(t)),
    ),
  MEMO_LIMIT,
);

/** parts(tokens(s)), memoised per text. */
const partsOf = memoized((s: string): readonly string[] => Object.freeze(parts(tokens(s))), MEMO_LIMIT);

function parts(ts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of ts) {
    out.push(t);
    for (const p of t.split(PART_SPLIT_RE)) if (p.length >= 2 && p !== t && !STOP.has(p)) out.push(p);
  }
  return out;
}

/** Same word, allowing for endings (`ensemble`/`ensembling`, `prune`/`pruned`). */
function sameWord(x: string, y: string): boolean {
  if (x === y) return true;
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k >= 5 && k >= 0.75 * Math.min(x.length, y.length);
}

let lastText = '';
let lastLower = '';

export function mentions(text: string, label: string): boolean {
  const want = partsOf(label);
  if (want.length === 0) return false;
  // A quick necessary test before tokenising the text: a token of the label can only match a token of the text that
  // contains it, or its first five letters (see sameWord), as a substring of the lowercased text. Lowercasing a whole
  // text equals lowercasing its tokens one by one except for the Greek final sigma, so texts with Σ skip the test.
  if (!text.includes('Σ')) {
    if (text !== lastText) {
      lastText = text;
      lastLower = text.toLowerCase();
    }
    const lower = lastLower;
    if (!want.some((t) => lower.includes(t.length > 5 ? t.slice(0, 5) : t))) return false;
  }
  const have = partsOf(text);
  return want.some((t) => have.some((h) => sameWord(h, t)));
}

/** Words that call a side ours in so many words (see `oursSide`). */
const SAID_OURS = /^(ours|our|proposed)$/i;

/**
 * The side labelled as ours in so many words (`Ours`, `our method`, `proposed`) when the other is not, and whose
 * label does not name a baseline too (`Our baseline`): the side a direction word is checked on. Why stricter than
 * `subjectOf`: a wrong side makes a correct claim an error, and `method` or `new` alone are as often the reference
 * (`Prior method`, `Newton's method`, `full fine-tuning method`).
 */
export function oursSide(p: Pair): 'a' | 'b' | undefined {
  const ours = (label: string) => {
    const t = tokens(label);
    return t.some((x) => SAID_OURS.test(x)) && !t.some((x) => BASELINE.test(x));
  };
  const a = ours(p.labelA);
  const b = ours(p.labelB);
  return a === b ? undefined : a ? 'a' : 'b';
}

export function subjectOf(p: Pair, text: string): 'a' | 'b' | undefined {
  const ma = p.labelA !== '' && mentions(text, p.labelA);
  const mb = p.labelB !== '' && mentions(text, p.labelB);
  if (ma && !mb) return 'a';
  if (mb && !ma) return 'b';
  const ta = tokens(p.labelA);
  const tb = tokens(p.labelB);
  if (ta.some((t) => OURS.test(t)) && !tb.some((t) => OURS.test(t))) return 'a';
  if (tb.some((t) => OURS.test(t)) && !ta.some((t) => OURS.test(t))) return 'b';
  if (tb.some((t) => BASELINE.test(t)) && !ta.some((t) => BASELINE.test(t))) return 'a';
  if (ta.some((t) => BASELINE.test(t)) && !tb.some((t) => BASELINE.test(t))) return 'b';
  if (!ma && !mb && p.labelA === '' && p.labelB !== '') return 'a';
  if (!ma && !mb && p.labelB === '' && p.labelA !== '' ) return undefined;
  return undefined;
}
