import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPaper, checkSeed } from '../../src/core/checker';
import { parseSeed } from '../../src/core/parser';
import { Check } from '../../src/core/check';

function card(numbers: string, finding = 'A finding.'): string {
  return `A method for testing\n\n0.70\n0.60\n0.80\n5\n\nA summary.\n\nKey finding\n\n${finding}\n\nNumbers: ${numbers}\n`;
}
function check(text: string): Check[] {
  const seed = parseSeed(text);
  return seed.papers.flatMap((p) => checkPaper(p));
}
const flagged = (cs: Check[]): Check[] => cs.filter((c) => c.severity !== 'info');

/** Writes n / 10^d with exactly d decimals. */
function fixed(n: number, d: number): string {
  const neg = n < 0;
  const s = String(Math.abs(n)).padStart(d + 1, '0');
  const body = d === 0 ? s : `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
  return (neg ? '-' : '') + body;
}
/** Round half up of a rational a/b to d decimals, as an integer count of 10^-d (exact, with BigInt). */
function roundRatio(a: bigint, b: bigint, d: number): number {
  const scale = 10n ** BigInt(d);
  const num = a * scale * 2n + (a < 0n ? -b : b);
  const r = num / (2n * b);
  return Number(r);
}

const ALPHABET = 'Numbers: 0123456789.,%×x→->vs()∆Δ−+~≈<>≥≤ GB MB K M B ms s h pp of to from about over up reduction faster fewer 1e17–2e19 \u2011\u2013\u2014â†’\uFFFD\n';

test('random and mutated cards never throw', () => {
  const seedCard = card('CIDEr: AdaLink 146.3 vs FT 147.0-0.65); 27.1 GB → 2.1 GB (93% reduction), 87.8288.69, ranks 164', 'ranks 1–64 and 10–1000x less storage');
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), maxLength: 200 }), fc.string({ maxLength: 80 }), (noise, prose) => {
      const cs = check(card(noise, prose));
      assert.ok(Array.isArray(cs));
      assert.ok(cs.every((c) => c.kind !== 'internal'), JSON.stringify(cs.find((c) => c.kind === 'internal')));
      checkSeed(parseSeed(`${noise}\n\n${card(noise)}`));
    }),
    { numRuns: 400 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: seedCard.length - 1 }), fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 3 }), (at, del, ins) => {
      const mutated = seedCard.slice(0, at) + ins + seedCard.slice(at + del);
      const cs = check(mutated);
      assert.ok(cs.every((c) => c.kind !== 'internal'));
    }),
    { numRuns: 400 },
  );
});

const before = fc.integer({ min: 100, max: 99999 });
const decimals = fc.integer({ min: 0, max: 3 });

test('a card generated to be consistent is never flagged', () => {
  // before → after (∆ stated), computed exactly and written at a precision at least the inputs'.
  fc.assert(
    fc.property(before, before, decimals, (a, b, d) => {
      if (a === b) return;
      const diff = b - a;
      const text = card(`${fixed(a, d)} → ${fixed(b, d)} (∆ ${diff > 0 ? '+' : ''}${fixed(diff, d)})`);
      assert.deepEqual(flagged(check(text)).map((c) => c.message), []);
    }),
    { numRuns: 300 },
  );
  // percent reduction/increase, rounded half up to 0–1 decimals.
  fc.assert(
    fc.property(before, before, fc.integer({ min: 0, max: 1 }), (a, b, d) => {
      if (a === b) return;
      const pct = roundRatio(BigInt(Math.abs(b - a)) * 100n, BigInt(a), d);
      const word = b < a ? 'reduction' : 'increase';
      const text = card(`${fixed(a, 1)} GB → ${fixed(b, 1)} GB (${fixed(pct, d)}% ${word})`);
      assert.deepEqual(flagged(check(text)).map((c) => c.message), []);
    }),
    { numRuns: 300 },
  );
  // x-fold ratio with one decimal.
  fc.assert(
    fc.property(before, before, (a, b) => {
      if (a === b) return;
      const [big, small] = a > b ? [a, b] : [b, a];
      const r = roundRatio(BigInt(big), BigInt(small), 1);
      const text = card(`${fixed(a, 0)} ms vs ${fixed(b, 0)} ms (${fixed(r, 1)}× ${a > b ? 'faster' : 'slower'})`);
      assert.deepEqual(flagged(check(text)).map((c) => c.message), []);
    }),
    { numRuns: 300 },
  );
});

test('a stated value perturbed beyond rounding is flagged', () => {
  fc.assert(
    fc.property(before, before, decimals, fc.integer({ min: 3, max: 500 }), fc.boolean(), (a, b, d, k, up) => {
      if (a === b) return;
      const diff = b - a + (up ? k : -k) * 1; // k steps of 10^-d off (inputs have d decimals: interval width 1 step)
      const text = card(`${fixed(a, d)} → ${fixed(b, d)} (∆ ${diff > 0 ? '+' : ''}${fixed(diff, d)})`);
      assert.ok(flagged(check(text)).length > 0, text);
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(before, before, fc.integer({ min: 2, max: 40 }), fc.boolean(), (a, b, k, up) => {
      if (a === b || Math.abs(a - b) * 100 < a) return; // keep changes above 1 %
      const pct = roundRatio(BigInt(Math.abs(b - a)) * 100n, BigInt(a), 0) + (up ? k : -k);
      if (pct <= 0) return;
      // The change over the inputs' rounding intervals (values in tenths, ±0.5): skip perturbations it still covers.
      const r1 = (b + 0.5) / (a - 0.5);
      const r2 = (b - 0.5) / (a + 0.5);
      const lo = Math.min(Math.abs(r1 - 1), Math.abs(r2 - 1)) * 100;
      const hi = Math.max(Math.abs(r1 - 1), Math.abs(r2 - 1)) * 100;
      if (pct >= lo - 1.5 && pct <= hi + 1.5) return;
      const word = b < a ? 'reduction' : 'increase';
      const text = card(`${fixed(a, 1)} GB → ${fixed(b, 1)} GB (${pct}% ${word})`);
      assert.ok(flagged(check(text)).length > 0, text);
    }),
    { numRuns: 300 },
  );
});
