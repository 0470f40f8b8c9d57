// Synthetic digests for benchmarks and scale tests: cards in the sample's format with a realistic mix of claims
// (every relation the checker knows, damaged text, cards without Numbers or Key finding), drawn from a fixed
// pseudo-random seed so that runs are comparable.

/** mulberry32: a tiny, fast, well-distributed PRNG; the same seed always gives the same digest. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['LoRA', 'QLoRA', 'AdaMix', 'PrefixTune', 'BitFit', 'DoRA', 'VeRA', 'IA3', 'GaLore', 'ReLoRA'];
const TASKS = ['MMLU', 'GLUE avg', 'GSM8K', 'ARC easy', 'HellaSwag', 'SST2', 'CIFAR-100 top-1', 'COCO CIDEr'];
const WORDS = 'adapters reduce memory while keeping accuracy across tasks for teams deploying large models on modest hardware with fewer parameters and lower cost'.split(' ');

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  const text = out.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** One `Numbers:` line (and a matching title claim where the relation needs one). */
function claim(rand: () => number): { numbers?: string; titleClaim?: string; finding?: string } {
  const a = pick(rand, METHODS);
  const b = pick(rand, METHODS.filter((m) => m !== a));
  const task = pick(rand, TASKS);
  const kind = Math.floor(rand() * 11);
  const x = 20 + rand() * 60;
  const y = 20 + rand() * 60;
  switch (kind) {
    case 0: // A vs B with a stated difference in points
      return { numbers: `${task} ${fixed(x, 1)}% (${a}) vs ${fixed(y, 1)}% (${b}), ${x >= y ? '+' : '−'}${fixed(Math.abs(Number(fixed(x, 1)) - Number(fixed(y, 1))), 1)}pp` };
    case 1: { // before → after with a stated change
      const before = Number(fixed(x / 100, 3));
      const after = Number(fixed(y / 100, 3));
      const delta = after - before;
      return { numbers: `${task}: ${a} ${fixed(before, 3)} → ${b} ${fixed(after, 3)} (∆ ${delta < 0 ? '−' : '+'}${fixed(Math.abs(delta), 3)})` };
    }
    case 2: { // percent reduction
      const before = Number(fixed(10 + rand() * 100, 1));
      const after = Number(fixed(before * (0.05 + rand() * 0.5), 1));
      return { numbers: `${fixed(before, 1)} GB → ${fixed(after, 1)} GB (${Math.round((1 - after / before) * 100)}% reduction)` };
    }
    case 3: { // x-fold ratio
      const slow = Math.round(50 + rand() * 200);
      const fast = Math.round(10 + rand() * 40);
      return { numbers: `${a} ${slow} ms vs ${b} ${fast} ms (${fixed(slow / fast, 1)}× faster)` };
    }
    case 4: { // part of a whole
      const part = Math.round(5 + rand() * 90);
      return { numbers: `${part}M of 7B parameters trainable (${fixed((part / 7000) * 100, 1)}%)` };
    }
    case 5: { // a range in the title against the numbers
      const big = Math.round(400 + rand() * 600);
      const small = Math.round(10 + rand() * 60);
      return { titleClaim: '10–100x fewer parameters', numbers: `${a} ${big}K → ${b} ${small}K params` };
    }
    case 6: // bounds
      return { numbers: `>${Math.round(200 + rand() * 600)} GB -> <${Math.round(16 + rand() * 40)} GB` };
    case 7: // approximations
      return { finding: `${a} reaches ~${fixed(x, 1)} on ${task}, about ${Math.round(x - y)} points above ${b}.`, numbers: `${task} ${fixed(x, 2)} vs ${fixed(y, 2)}` };
    case 8: // damaged: a lost arrow fuses two numbers
      return { numbers: `${task} avg ${fixed(x, 2)}${fixed(y, 2)}` };
    case 9: // damaged: a lost opening bracket
      return { numbers: `${task}: ${a} ${fixed(x, 1)} vs ${b} ${fixed(y, 1)}-${fixed(rand(), 2)})` };
    default: // no Numbers line at all
      return {};
  }
}

export function generateCard(rand: () => number, index: number): string {
  const c = claim(rand);
  const title = `${pick(rand, METHODS)}-${index}: ${c.titleClaim ? `${c.titleClaim} with ` : ''}${sentence(rand, 6 + Math.floor(rand() * 8)).slice(0, -1).toLowerCase()}`;
  const scores = [0, 0, 0].map(() => fixed(0.3 + rand() * 0.6, 2));
  const citations = String(Math.floor(rand() ** 3 * 500));
  const lines = [title, '', ...scores, citations, '', sentence(rand, 25 + Math.floor(rand() * 20))];
  if (rand() > 0.05) lines.push('', 'Key finding', '', c.finding ?? sentence(rand, 12 + Math.floor(rand() * 10)));
  if (c.numbers) lines.push('', `Numbers: ${c.numbers}`);
  return lines.join('\n');
}

/** A whole digest of `cards` cards, with the `N papers found` header. */
export function generateDigest(cards: number, seed = 20261129): string {
  const rand = random(seed);
  const parts = [`${cards} papers found`];
  for (let i = 0; i < cards; i++) parts.push(generateCard(rand, i));
  return `${parts.join('\n\n')}\n`;
}
