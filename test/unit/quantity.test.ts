import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readQuantities, splitFused } from '../../src/core/quantity';
import { checkPaper } from '../../src/core/checker';
import { parseSeed } from '../../src/core/parser';
import { Check } from '../../src/core/check';

const read = (t: string) => readQuantities(t).quantities.filter((q) => !q.name);

test('signs, thousands, decimals and exponents', () => {
  const qs = read('+2.4pp and −0.004 and 1,312 and 1e17 and 36.0');
  assert.deepEqual(qs.map((q) => q.raw), ['+2.4', '−0.004', '1,312', '1e17', '36.0']);
  assert.equal(qs[1].sign, '-');
  assert.equal(qs[2].value, 1312);
  assert.equal(qs[3].value, 1e17);
  assert.equal(qs[4].decimals, 1);
});

test('units and multipliers', () => {
  const qs = read('800K 0.8M 7B 2T 48GB 27.1 GB 120 ms 9.5 h 93% +2.4pp 13× 10x 4 thousand 2 million');
  assert.deepEqual(qs.map((q) => q.unit), ['K', 'M', 'B', 'T', 'GB', 'GB', 'ms', 'h', '%', 'pp', '×', '×', 'K', 'M']);
  assert.deepEqual(qs.map((q) => q.dimension).slice(0, 6), ['count', 'count', 'count', 'count', 'bytes', 'bytes']);
  assert.equal(qs[1].scale, 1e6);
});

test('qualifiers', () => {
  const qs = read('>780 GB -> <48 GB, ~130.6GB, ≈13×, over 550, up to 65%, about 3×, more than 2, under 5, ≤0.25%, 550+');
  assert.deepEqual(qs.map((q) => q.qualifier), ['gt', 'lt', 'approx', 'approx', 'gt', 'le', 'approx', 'gt', 'lt', 'le', 'ge']);
});

test('an arrow is not a qualifier', () => {
  const qs = read('27.1 GB -> 2.1 GB => 1.0 GB');
  assert.deepEqual(qs.map((q) => q.qualifier), [undefined, undefined, undefined]);
});

test('ranges with en dash, hyphen, non-breaking hyphen and "to"', () => {
  const r = readQuantities('10–1000x less; 3.83%–28.74%; 1e17–2e19 FLOPs; 2-4 bit; 1‑64; 10 to 100×').ranges;
  assert.deepEqual(r.map((x) => `${x.low.raw}|${x.high.raw}|${x.unit}`), ['10|1000x'.replace('x', '') + '|×', '3.83|28.74|%', '1e17|2e19|', '2|4|bit', '1|64|', '10|100|×']);
});

test('a descending hyphen is a glued sign, not a range', () => {
  const qs = read('147.0-0.65)');
  assert.equal(qs.length, 2);
  assert.equal(qs[1].sign, '-');
  assert.equal(qs[1].glued, true);
  assert.equal(readQuantities('147.0-0.65)').ranges.length, 0);
});

test('identifiers and references are not measurements', () => {
  const all = readQuantities('GPT3 LLaMA-2-70B CIFAR-10/100 Top-1 W3A3 Pass@1 Table 4 5-shot 4-bit 3rd').quantities;
  assert.ok(all.every((q) => q.name || q.reference || q.attributive), JSON.stringify(all.map((q) => [q.raw, q.name, q.reference, q.attributive])));
});

test('fused numbers are detected with a guess', () => {
  const r = readQuantities('GLUE avg 87.8288.69 and 55.20%56.45%');
  assert.equal(r.fused.length, 2);
  assert.deepEqual(r.fused[0].guess, ['87.82', '88.69']);
  assert.deepEqual(splitFused('31.7035.98'), ['31.70', '35.98']);
});

test('offsets point into the text', () => {
  const t = 'Memory 27.1 GB → 2.1 GB (93% reduction)';
  const qs = read(t);
  assert.equal(t.slice(qs[2].start, qs[2].end), '93%');
  assert.equal(t.slice(qs[0].numStart, qs[0].numEnd), '27.1');
});

test('a 1 MB line is read in linear time', () => {
  for (const unit of ['9', '1.2.', '((((', '~ up to ', 'x', '1,', '1e', '−', '- ', '10–', '<b>1', "'>1", '<a title="']) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = Date.now();
    readQuantities(text);
    assert.ok(Date.now() - t0 < 1000, `${unit}: ${Date.now() - t0} ms`);
  }
});

test('a > that closes an HTML-like tag before a number is not a bound', () => {
  const q = (t: string) => read(t).map((x) => `${x.raw}${x.unit}:${x.qualifier ?? '-'}`);
  assert.deepEqual(q('<b>40%</b> vs <b>38%</b>'), ['40%:-', '38%:-']);
  assert.deepEqual(q('<span class="acc" title="a > b">40%</span> vs <td align=right> 38%'), ['40%:-', '38%:-']);
  assert.deepEqual(q('</i>40% vs <br/>38%'), ['40%:-', '38%:-']);
  // A bound written inside or after markup stays a bound.
  assert.deepEqual(q('<i>>40%</i> vs <b><38%</b>'), ['40%:gt', '38%:lt']);
  assert.deepEqual(q('>780 GB -> <48 GB and > 40% and x > 5'), ['780GB:gt', '48GB:lt', '40%:gt', '5:gt']);
  // Not a tag: a comparison between two words, a number after "<", an arrow.
  assert.deepEqual(q('a < b > 40 and 5 <10> 6 and -->7'), ['40:gt', '5:-', '10:lt', '6:gt', '7:-']);
});

test('a unit written once, on the last of two or more values, is shared by the values before it', () => {
  const shared = (t: string) => read(t).map((x) => `${x.raw}${x.unit}${x.unitFrom ? `<${x.unitFrom.raw}` : ''}`);
  assert.deepEqual(shared('from 12.0 to 4.0 GB'), ['12.0GB<4.0', '4.0GB']);
  assert.deepEqual(shared('12 → 4 GB; 12 -> 4 GB; 12 => 4 GB'), ['12GB<4', '4GB', '12GB<4', '4GB', '12GB<4', '4GB']);
  assert.deepEqual(shared('12.0/4.0 GB'), ['12.0GB<4.0', '4.0GB']);
  assert.deepEqual(shared('between 3 and 5 ms'), ['3ms<5', '5ms']);
  assert.deepEqual(shared('28.6 vs 23.3%, 7 vs. 13B, 9 versus 3 h'), ['28.6%<23.3', '23.3%', '7B<13', '13B', '9h<3', '3h']);
  assert.deepEqual(shared('12.0 – 4.0 GB'), ['12.0GB<4.0', '4.0GB']);
  // A list: every value before the last takes the unit written on the last.
  assert.deepEqual(shared('1.2, 3.4 and 5.6 GB'), ['1.2GB<5.6', '3.4GB<5.6', '5.6GB']);
  assert.deepEqual(shared('1.2, 3.4, or 5.6 ms'), ['1.2ms<5.6', '3.4ms<5.6', '5.6ms']);
  const q = read('from 12.0 to 4.0 GB')[0];
  assert.deepEqual([q.dimension, q.scale, q.unitRaw], ['bytes', 1e9, ''], 'the unit as written stays empty');
});

test('a unit is not shared when the reading is not plainly one unit for both', () => {
  const shared = (t: string) => read(t).map((x) => `${x.raw}${x.unit}${x.unitFrom ? `<${x.unitFrom.raw}` : ''}`);
  assert.deepEqual(shared('7B and 13B'), ['7B', '13B']);
  assert.deepEqual(shared('from 1,250 to 1,900'), ['1,250', '1,900']);
  assert.deepEqual(shared('3 of 7B parameters'), ['3', '7B']);
  assert.deepEqual(shared('12.0 GB → 4.0'), ['12.0GB', '4.0'], 'only a unit written after the values is shared');
  assert.deepEqual(shared('MMLU 71.2 with 4 GB'), ['71.2', '4GB'], 'only across a bare connector');
  assert.deepEqual(shared('12, 4 GB'), ['12', '4GB'], 'a comma alone is not a list');
  assert.deepEqual(shared('batch 32 → 64 GB; rank 8 vs 16 GB; 8 GPUs → 2 h'), ['32', '64GB', '8', '16GB', '8', '2h']);
  assert.deepEqual(shared('context 4096 → 32K; 1,250 → 1.9K'), ['4096', '32K', '1,250', '1.9K'], 'a count already in the range of the other value keeps its own');
  assert.deepEqual(shared('2 and 3× faster; +0.5 vs 2.1pp'), ['2', '3×', '+0.5', '2.1pp'], 'factors and points are claims, not values');
  assert.deepEqual(shared('dense 76.1 vs sparse 75.3-0.8%'), ['76.1', '75.3', '-0.8%'], 'not across a glued sign');
  const all = readQuantities('Table 3 vs 4 GB; 4-bit vs 8 GB').quantities.map((x) => `${x.raw}${x.unit}`);
  assert.deepEqual(all, ['3', '4GB', '4bit', '8GB']);
  // A range keeps its own reading (its low end takes the unit, as before).
  const r = readQuantities('3–5 ms').ranges[0];
  assert.deepEqual([r.low.unit, r.low.unitFrom, r.high.unit], ['ms', undefined, 'ms']);
});

/** One card in the seed's format, checked (as in checker.test.ts). */
function card(numbers: string, finding = 'A finding.', title = 'A method for testing'): Check[] {
  const s = parseSeed(`${title}\n\n0.70\n0.60\n0.80\n5\n\nA summary.\n\nKey finding\n\n${finding}\n\nNumbers: ${numbers}\n`);
  assert.equal(s.papers.length, 1);
  return checkPaper(s.papers[0]);
}
const flagged = (cs: Check[]): string[] => cs.filter((c) => c.severity !== 'info').map((c) => `${c.kind} ${c.stated}: ${c.message}`);

test('weeks are a time unit of seven days; months and years are not read as units', () => {
  const qs = read('2 weeks, 1 week, 3 wks, 1 wk, 7 days');
  assert.deepEqual(qs.map((q) => `${q.raw}${q.unit}:${q.dimension}`), ['2wk:time', '1wk:time', '3wk:time', '1wk:time', '7d:time']);
  assert.equal(qs[0].value * qs[0].scale, qs[4].value * qs[4].scale * 2, '2 weeks = 14 days');
  assert.deepEqual(read('6 months, 2 years').map((q) => q.unit), ['', '']);
  assert.deepEqual(flagged(card('Pretraining: baseline 2 weeks vs ours 7 days (2× faster)')), []);
  assert.deepEqual(flagged(card('Pretraining 3 weeks → 5 days (4.2× faster)')), []);
  assert.deepEqual(flagged(card('Pretraining 3 weeks → 5 days', 'Cuts pretraining from 3 weeks to 5 days.')), []);
  const wrong = card('Pretraining 3 weeks → 5 days (8× faster)').find((c) => c.stated === '8×');
  assert.equal(wrong?.verdict, 'inconsistent', 'a wrong factor across weeks and days is still an error');
});

test('numbers in a citation bracket after a word or punctuation are not quantities', () => {
  const refs = (t: string) => readQuantities(t).quantities.map((q) => `${q.raw}:${q.reference ? 'ref' : 'value'}`);
  assert.deepEqual(refs('LLMLingua keeps 95% of quality [4] at 5× fewer tokens.'), ['95:value', '4:ref', '5:value']);
  assert.deepEqual(refs('quality [12, 15] work[7,8] GaLore [3-5]. 68.9% [3]'), ['12:ref', '15:ref', '7:ref', '8:ref', '3:ref', '5:ref', '68.9:value', '3:ref']);
  const r = readQuantities('GaLore [3-5] and [3–5]. cut');
  assert.deepEqual([r.ranges.length, r.quantities.map((q) => q.sign)], [0, ['', '', '', '']], 'a dash between citations is neither a range nor a sign');
  // Other brackets keep their numbers: intervals, decimals, after a symbol or at the start of the text.
  assert.deepEqual(refs('lr in [1e-5, 1e-3) and p in [0.5, 0.9], acc [62.3], x ∈ [1, 5]'), ['1e-5:value', '1e-3:value', '0.5:value', '0.9:value', '62.3:value', '1:value', '5:value']);
  assert.deepEqual(refs('[1] 40 GB'), ['1:value', '40:value']);
  assert.deepEqual(flagged(card('Prompt tokens 2,500 → 500 (5× fewer)', 'LLMLingua keeps 95% of quality [4] at 5× fewer tokens.')), []);
  assert.deepEqual(flagged(card('Context tokens 2,048 → 512 (4× fewer)', 'Compression keeps 94% of answer quality [12, 15] while cutting tokens 4× (2,048 → 512).')), []);
});

test('"between A and B" with a factor or a percentage is a range, as A–B is', () => {
  const ranges = (t: string) => readQuantities(t).ranges.map((x) => `${x.low.raw}|${x.high.raw}|${x.unit}`);
  assert.deepEqual(ranges('Between 2 and 3 times faster; between 10% and 20% less; between 2x and 4x; between 1.5 and 2× lower'), ['2|3|×', '10|20|%', '2|4|×', '1.5|2|×']);
  // Not a range: measured values (they share the unit, see above), no `between`, a descending pair, a word between.
  assert.deepEqual(ranges('between 3 and 5 ms; 2 and 3×; between 3 and 2×; between 2 GPUs and 3×'), []);
  const title = card('Epoch time 45 min → 20 min', 'Packing speeds up training.', 'Between 2 and 3 times faster training with sequence packing');
  assert.deepEqual(flagged(title), [], '2.25× lies inside 2–3×');
  assert.equal(title.find((c) => c.kind === 'range')?.verdict, 'consistent');
  const outside = card('Latency 120 ms → 20 ms', 'A finding.', 'Between 2 and 3 times faster decoding');
  assert.deepEqual(outside.map((c) => `${c.kind}:${c.verdict}`), ['range:inconsistent'], '6× lies outside 2–3×');
});

test('after round, step, epoch or layer, a number with decimals, a unit or a multiplier is a value', () => {
  const refs = (t: string) => readQuantities(t).quantities.filter((q) => !q.name).map((q) => `${q.raw}${q.unit}:${q.reference ? 'ref' : 'value'}`);
  assert.deepEqual(refs('per round 480 MB; per layer 80M; Step 2.4 sec; Epoch 45 min; each round 25% slower'), ['480MB:value', '80M:value', '2.4s:value', '45min:value', '25%:value']);
  assert.deepEqual(refs('round 3, layer 12, epoch 5, step 1,000, stage 2, Table 4'), ['3:ref', '12:ref', '5:ref', '1,000:ref', '2:ref', '4:ref'], 'a bare integer names one of the series');
  const upload = card('Upload per round 480 MB → 40 MB (4× less)');
  assert.deepEqual(upload.map((c) => `${c.kind}:${c.verdict}:${c.computed}`), ['ratio:inconsistent:11.84…12.16×']);
  assert.equal(card('Step 2.4 sec → 0.6 sec (7× faster)')[0].verdict, 'inconsistent');
  assert.deepEqual(flagged(card('Params in each layer 80M → 20M (4× fewer)')), []);
  assert.deepEqual(flagged(card('Epoch 45 min → 15 min (3× faster)')), []);
});
