// Which side of a comparison a sentence is about: the value whose label the sentence names, the side labelled
// "ours"/"proposed", or the side opposite a "baseline". Undefined when the text does not say.
import type { Pair } from '../checker';

const STOP = new Set(['model', 'models', 'size', 'avg', 'average', 'score', 'accuracy', 'memory', 'params', 'parameters', 'the', 'with', 'and', 'on', 'for', 'at', 'in', 'all', 'mean', 'top-1', 'peak', 'e.g.', 'table', 'per', 'of', 'val', 'test']);
const OURS = /^(ours|our|proposed|new|method)$/i;
const BASELINE = /^(baseline|base|original|dense|teacher|reference|default|vanilla|standard|prior|previous|sota|individual|fp32|fp16|full)$/i;

function tokens(s: string): string[] {
  return s
    .split(/[\s,;:()[\]"'“”]+/)
    .map((t) => t.toLowerCase().replace(/[.]+$/, ''))
    .filter((t) => t.length >= 2 && /\p{L}/u.test(t) && !STOP.has(t));
}

function parts(ts: string[]): string[] {
  const out: string[] = [];
  for (const t of ts) {
    out.push(t);
    for (const p of t.split(/[-+/]/)) if (p.length >= 2 && p !== t && !STOP.has(p)) out.push(p);
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

export function mentions(text: string, label: string): boolean {
  const have = parts(tokens(text));
  return parts(tokens(label)).some((t) => have.some((h) => sameWord(h, t)));
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
