import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPaper, checkSeed, rangePositionPhrase } from '../../src/core/checker';
import { parseSeed } from '../../src/core/parser';
import { Check } from '../../src/core/check';
import { JsonReport, JsonWriter, ReportWriter, SarifWriter, Write } from '../../src/core/report';
import { CheckedFile, writeReport } from './reportHarness';
import { verifyPieces } from '../../src/core/verifyStream';
import { textChunks } from '../../src/core/parser';
import { TextWriter } from '../../src/cli/verifyText';
import { REPO_ROOT } from './paths';

function findSeed(): string {
  for (const dir of [process.cwd(), join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')]) {
    try {
      return readFileSync(join(dir, 'seeds', '000_934c6e1fbed8f8cd.txt'), 'utf8');
    } catch {
      /* try the next */
    }
  }
  throw new Error('seed file not found');
}

const seedText = findSeed();
const seed = parseSeed(seedText);
const result = checkSeed(seed);
const byTitle = (start: string): Check[] => {
  const p = result.papers.find((x) => x.paper.title.text.startsWith(start));
  assert.ok(p, `paper ${start}`);
  return p.checks;
};
const lineText = (c: Check): string => seedText.split(/\r?\n/)[c.range.line].slice(c.range.column, c.range.endColumn);

/** One card in the seed's format. */
function cardText(numbers: string, finding = 'A finding.', title = 'A method for testing', summary = 'A summary.'): string {
  return `${title}\n\n0.70\n0.60\n0.80\n5\n\n${summary}\n\nKey finding\n\n${finding}\n\nNumbers: ${numbers}\n`;
}
/** Builds one card in the seed's format and checks it. */
function card(numbers: string, finding = 'A finding.', title = 'A method for testing', summary = 'A summary.'): Check[] {
  const s = parseSeed(cardText(numbers, finding, title, summary));
  assert.equal(s.papers.length, 1);
  return checkPaper(s.papers[0]);
}
/** The source text a range covers (single-line ranges). */
const textAt = (source: string, r: Check['range']): string => source.split('\n')[r.line].slice(r.column, r.endColumn);
const flagged = (cs: Check[]): Check[] => cs.filter((c) => c.severity !== 'info');

// ---- the seed file ----------------------------------------------------------------------------------------

test('seed: no check of severity error', () => {
  const errors = [...result.fileChecks, ...result.papers.flatMap((p) => p.checks)].filter((c) => c.severity === 'error');
  assert.deepEqual(errors.map((c) => c.message), []);
});

test('seed: header declares 143, file holds 24 → warning', () => {
  assert.equal(seed.papers.length, 24);
  const c = result.fileChecks.find((x) => x.kind === 'declared-count');
  assert.ok(c);
  assert.equal(c.severity, 'warning');
  assert.equal(c.stated, '143');
  assert.equal(c.computed, '24');
});

test('seed: CompactifAI 93% is a near miss of 92.05–92.45%', () => {
  const cs = byTitle('Compress LLaMA-2').filter((c) => c.kind === 'percent-change' && c.stated === '93%');
  assert.ok(cs.length >= 1);
  for (const c of cs) {
    assert.equal(c.verdict, 'near-miss');
    assert.equal(c.severity, 'warning');
    assert.match(c.computed, /92\.05…92\.45%/);
    assert.equal(c.fix?.replacement, '92');
    assert.equal(c.explanation.closest, '92%');
  }
  const numbersCheck = cs.find((c) => seedText.split('\n')[c.range.line].startsWith('Numbers:'));
  assert.ok(numbersCheck);
  assert.equal(lineText(numbersCheck), '93%');
});

test('seed: LoRA-XS 13.3× inside 10–1000×; 87.8288.69 damaged', () => {
  const cs = byTitle('Cut LoRA adapters');
  const range = cs.find((c) => c.kind === 'range');
  assert.equal(range?.verdict, 'consistent');
  assert.match(range!.message, /13\.3×/);
  assert.match(range!.message, /low end/);
  const fused = cs.find((c) => c.kind === 'fused-numbers');
  assert.equal(fused?.verdict, 'damaged');
  assert.equal(fused?.severity, 'warning');
  assert.equal(lineText(fused!), '87.8288.69');
});

test('seed: QDyLoRA "ranks 164" against "1–64" is damaged', () => {
  const c = byTitle('Train one quantized LoRA').find((x) => x.kind === 'lost-dash');
  assert.equal(c?.verdict, 'damaged');
  assert.equal(lineText(c!), '164');
  assert.match(c!.message, /1–64/);
});

test('seed: AdaLink −0.65 agrees only within rounding (−0.80…−0.60); stray ) damaged', () => {
  const cs = byTitle('AdaLink');
  const d = cs.find((c) => c.kind === 'difference');
  assert.equal(d?.verdict, 'rounding');
  assert.equal(d?.severity, 'info');
  assert.match(d!.computed, /−0\.80…−0\.60/);
  const b = cs.find((c) => c.kind === 'lost-bracket');
  assert.equal(b?.verdict, 'damaged');
  assert.equal(lineText(b!), ')');
});

test('seed: AutoFLIP +0.069 consistent; stray ) damaged', () => {
  const cs = byTitle('AutoFLIP');
  assert.equal(cs.find((c) => c.kind === 'difference')?.verdict, 'consistent');
  assert.equal(cs.find((c) => c.kind === 'lost-bracket')?.verdict, 'damaged');
});

test('seed: IR-QLoRA, DeiT-T and MX differences are consistent', () => {
  assert.equal(byTitle('IR-QLoRA').find((c) => c.kind === 'difference')?.verdict, 'consistent');
  assert.equal(byTitle('Cut transformer training').find((c) => c.kind === 'difference')?.verdict, 'consistent');
  const mx = byTitle('Microscaling').find((c) => c.kind === 'difference');
  assert.equal(mx?.verdict, 'consistent');
  assert.equal(mx?.stated, '−0.004');
});

test('seed: VeRA 13.1× consistent with ≈13× and inside 10–100×', () => {
  const cs = byTitle('VeRA');
  assert.equal(cs.find((c) => c.kind === 'ratio')?.verdict, 'consistent');
  const ranges = cs.filter((c) => c.kind === 'range');
  assert.ok(ranges.length >= 1);
  for (const r of ranges) assert.equal(r.verdict, 'consistent');
  assert.match(ranges[0].message, /13\.1×/);
});

test('seed: PEQA ~130.6 GB → ~33.5 GB agrees with 130.57 GB vs 33.45 GB', () => {
  const cs = byTitle('Fine-tune quantized LLMs').filter((c) => c.kind === 'restatement');
  assert.equal(cs.length, 2);
  for (const c of cs) assert.equal(c.severity, 'info');
});

test('seed: QLoRA >780 GB → <48 GB gives only a bound (ratio > 16.25×)', () => {
  const c = byTitle('Finetune a 65B').find((x) => x.kind === 'bound');
  assert.equal(c?.verdict, 'bound');
  assert.match(c!.computed, /> 16\.25×/);
});

test('seed: every check carries an explanation and a valid range', () => {
  for (const p of result.papers) {
    for (const c of p.checks) {
      assert.ok(c.explanation.formula !== undefined && c.message.length > 0);
      assert.ok(c.range.endLine > c.range.line || c.range.endColumn >= c.range.column);
      if (c.verdict === 'inconsistent' || c.verdict === 'near-miss') assert.ok(c.fix);
    }
  }
});

// ---- relations, beyond the seed -------------------------------------------------------------------------

test('difference: consistent, wrong, near miss and sign error', () => {
  assert.equal(card('0.744 → 0.740 (∆ −0.004)')[0].verdict, 'consistent');
  const wrong = flagged(card('GLUE 84.6 → 83.9 (∆ −0.4)'));
  assert.equal(wrong[0].verdict, 'inconsistent');
  assert.equal(wrong[0].fix?.replacement, '−0.7');
  assert.equal(flagged(card('ROUGE 38.61 → 39.42 (+0.83)'))[0].verdict, 'near-miss');
  const sign = flagged(card('PPL 12.40 → 11.95 (∆ +0.45)'));
  assert.equal(sign[0].verdict, 'inconsistent');
  assert.match(sign[0].message, /sign/);
});

test('difference: a value that passes only through rounding', () => {
  const c = card('X 146.3 vs Y 147.0 (−0.65)').find((x) => x.kind === 'difference');
  assert.equal(c?.verdict, 'rounding');
});

test('points versus relative percent: the confusion is named', () => {
  const c = flagged(card('EM 40.0% vs 50.0% (+25pp)', 'B is better.'));
  assert.ok(c.length >= 1);
  assert.match(c.map((x) => x.message).join(' '), /relative/);
  // Both readings stated correctly.
  assert.deepEqual(flagged(card('Acc 88.75% → 91.50% (+2.75pp; +3.1% relative)')), []);
});

test('percent change: reduction, increase, wrong reduction, direction', () => {
  assert.deepEqual(flagged(card('48.0 GB → 12.0 GB (75% reduction)')), []);
  assert.deepEqual(flagged(card('1,250 → 1,900 (+52%)')), []);
  assert.equal(flagged(card('36.0 GB → 9.0 GB (80% reduction)'))[0].verdict, 'inconsistent');
  assert.equal(flagged(card('800 → 1,000 (+40%)'))[0].verdict, 'inconsistent');
});

test('ratio: x-fold with direction words, approximate factor', () => {
  assert.deepEqual(flagged(card('120 ms vs 45 ms (2.7× faster)')), []);
  assert.equal(flagged(card('300 s vs 120 s (3.5× faster)'))[0].verdict, 'inconsistent');
  assert.deepEqual(flagged(card('Dense 13B vs MoE 2.6B params', 'MoE uses about 5× fewer parameters.')), []);
  assert.equal(flagged(card('Dense 13B vs MoE 2.6B params', 'MoE uses ≈20× fewer parameters.'))[0].verdict, 'inconsistent');
});

test('part of a whole', () => {
  assert.deepEqual(flagged(card('28M of 7B parameters (0.4%)')), []);
  assert.equal(flagged(card('70M of 7B parameters (0.1%)'))[0].kind, 'part-of-whole');
});

test('range stated elsewhere', () => {
  assert.equal(card('74M → 9.8M params', 'Fewer parameters.', 'A 5–10× smaller encoder').find((c) => c.kind === 'range')?.verdict, 'consistent');
  assert.equal(flagged(card('Checkpoint 120 GB → 15 GB', 'Smaller.', 'A codec', 'It compresses checkpoints 2–4× without loss.'))[0].kind, 'range');
});

test('bounds: only a bound follows; a stated bound is respected', () => {
  const b = card('>100 GB -> <24 GB').find((c) => c.kind === 'bound');
  assert.equal(b?.verdict, 'bound');
  assert.match(b!.computed, /> 4\.17/);
  assert.deepEqual(flagged(card('14.0 GB → 5.0 GB (64% reduction)', 'Up to 65% less memory.')), []);
  assert.deepEqual(flagged(card('Tokens/s 23.5 vs 51.2 (2.2× faster)', 'Over 2× faster.')), []);
});

test('unit conversion: values in different units of one dimension', () => {
  assert.deepEqual(flagged(card('2.0 GB → 500 MB (75% reduction)')), []);
  assert.deepEqual(flagged(card('800K → 0.06M (13.3× fewer)')), []);
  assert.deepEqual(flagged(card('1.5 h → 45 min (2× faster)')), []);
});

test('unit conversion: a difference stated in another unit is computed and shown in that unit', () => {
  const minutes = card('1.5 h → 45 min (−45 min)').find((c) => c.kind === 'difference');
  assert.equal(minutes?.verdict, 'consistent');
  assert.equal(minutes!.computed, '−48.5…−41.5 min');
  const mb = card('1.0 GB → 1536 MB (+536 MB)').find((c) => c.kind === 'difference');
  assert.equal(mb?.verdict, 'consistent');
  assert.equal(mb!.computed, '485.5…586.5 MB');
  assert.equal(card('2.0 s vs 500 ms (+1500 ms)').find((c) => c.kind === 'difference')?.computed, '1449.5…1550.5 ms');
  assert.equal(flagged(card('2.00 s vs 500 ms (+1600 ms)'))[0]?.fix?.replacement, '+1500');
});

test('direction words against the numbers', () => {
  assert.equal(flagged(card('Val accuracy: AdamQ 71.2% vs AdamW 72.9%', 'AdamQ outperforms AdamW.'))[0].kind, 'direction');
  assert.equal(flagged(card('Peak memory: ours 41 GB vs baseline 35 GB', 'The method reduces peak memory.'))[0].kind, 'direction');
  assert.equal(flagged(card('mAP: MixAug 41.2 vs CutMix 42.0 and Mosaic 40.8', 'MixAug gives the highest mAP.'))[0].kind, 'direction');
  assert.deepEqual(flagged(card('MMLU: Ours 26.6 vs Base 24.1', 'Ours outperforms Base.')), []);
  assert.deepEqual(flagged(card('WER 18.4% → 16.1% (∆ −2.3)', 'Curriculum sampling lowers word error rate.')), []);
});

test('damaged text: fused numbers, lost brackets, lost dash, garbled characters', () => {
  const kinds = (cs: Check[]): string[] => flagged(cs).map((c) => `${c.kind}:${c.verdict}`);
  assert.deepEqual(kinds(card('Precision 71.0472.88')), ['fused-numbers:damaged']);
  assert.ok(kinds(card('baseline 39.1 vs restarts 39.6+0.5)')).includes('lost-bracket:damaged'));
  assert.ok(kinds(card('F1 86.2 → 87.0 (∆ +0.8')).includes('lost-bracket:damaged'));
  assert.ok(kinds(card('dense 76.1 vs sparse 75.3-0.8 at 90% sparsity')).includes('lost-bracket:damaged'));
  assert.ok(kinds(card('efficiency 94% across 8512 GPUs', 'Scales from 8–512 GPUs.')).includes('lost-dash:damaged'));
  assert.ok(kinds(card('Memory 12.0 GB â†’ 4.0 GB')).includes('garbled-text:damaged'));
  assert.ok(kinds(card('Avg 55.20%56.45% overall')).includes('fused-numbers:damaged'));
});

test('a "?" standing for a lost arrow between two values is damaged text, and the claim after it is not computed on', () => {
  for (const numbers of ['27.1 GB ? 2.1 GB (92% reduction)', 'LoRA 800K ? LoRA-XS 60K (13× fewer)', 'Latency 1900 ms ? 1250 ms (52% faster)']) {
    const checks = card(numbers);
    assert.deepEqual(checks.map((c) => `${c.kind}:${c.verdict}`), ['garbled-text:damaged'], numbers);
    assert.equal(checks[0].stated, '?');
    assert.equal(checks[0].severity, 'warning');
  }
  // A question mark that stands for a value nobody reported is not damage, and the clauses around it are checked.
  assert.deepEqual(card('Ours 45 ms vs GPT-4 ? (not reported), 1900 ms → 700 ms (2.7× faster)').map((c) => `${c.kind}:${c.verdict}`), ['ratio:consistent']);
  assert.deepEqual(card('Accuracy 71.2 vs ? for GPT-4'), []);
  assert.deepEqual(card('MMLU: GPT-4 ? vs 82.1 for ours'), []);
  // A question mark that ends a question (no space before it) is left alone, and a later clause is still checked.
  assert.deepEqual(flagged(card('Fits in 4 GB? 8 GB → 4 GB (50% reduction)')), []);
  assert.deepEqual(card('27.1 GB ? 2.1 GB (92% reduction); 4 GB → 2 GB (50% less)').map((c) => `${c.kind}:${c.verdict}`), ['garbled-text:damaged', 'percent-change:consistent']);
});

test('nothing to check: a stated change alone is unverifiable (info), plain numbers give nothing', () => {
  const c = card('+1.35% accuracy (best reported)');
  assert.equal(c[0].verdict, 'unverifiable');
  assert.equal(c[0].severity, 'info');
  assert.deepEqual(card('550+ LLMs, 200+ MLLMs'), []);
});

test('checking time grows linearly with a line\'s length (no quadratic scan of a 1 MB line)', () => {
  // Compared with the same text at a tenth of the length, not with a clock: a linear checker takes about 10× as
  // long, a quadratic one about 100×; the margin absorbs a busy machine.
  const time = (line: string): number => {
    const t0 = performance.now();
    card(line);
    return performance.now() - t0;
  };
  for (const unit of ['27.1 GB → 2.1 GB (93% reduction); ', '((((', '))) ', '1,', '0.5-0.4+0.3 ', 'A 1 vs 2 vs 3 ']) {
    const long = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const short = long.slice(0, long.length / 10);
    const shortMs = Math.max(1, Math.min(time(short), time(short), time(short)));
    const longMs = time(long);
    assert.ok(longMs / shortMs < 40, `${unit}: 1 MB in ${longMs.toFixed(0)} ms, 100 KB in ${shortMs.toFixed(0)} ms`);
  }
});

// ---- byte units: decimal and binary readings --------------------------------------------------------------

test('byte units: a claim consistent only in binary units (1 GB = 1024 MB) is accepted and says so', () => {
  const pct = card('1.00 GB → 512 MB (50.0% reduction)').find((c) => c.kind === 'percent-change');
  assert.equal(pct?.verdict, 'consistent', pct?.message);
  assert.match(pct!.message, /binary units \(1 GB = 1024 MB\)/);
  assert.match(pct!.explanation.formula, /binary units \(1 GB = 1024 MB\)/);
  const ratio = card('4.00 GB vs 2048 MB (2.00×)').find((c) => c.kind === 'ratio');
  assert.equal(ratio?.verdict, 'consistent', ratio?.message);
  assert.match(ratio!.message, /1 GB = 1024 MB/);
  const diff = card('1.000 GB → 1536 MB (+512 MB)').find((c) => c.kind === 'difference');
  assert.equal(diff?.verdict, 'consistent', diff?.message);
  assert.match(diff!.computed, / MB$/);
  assert.match(diff!.message, /1 GB = 1024 MB/);
  const bytes = card('2.00 KB → 1024 bytes (50.0% smaller)').find((c) => c.kind === 'percent-change');
  assert.equal(bytes?.verdict, 'consistent', bytes?.message);
  assert.match(bytes!.message, /1 KB = 1024 bytes/);
});

test('byte units: GiB against GB is read both ways', () => {
  // 8.59 GB is half of 16.0 GiB in decimal GB; 8.00 GB is half only when GB means GiB.
  const decimal = card('16.0 GiB → 8.59 GB (50.0% reduction)').find((c) => c.kind === 'percent-change');
  assert.equal(decimal?.verdict, 'consistent');
  assert.doesNotMatch(decimal!.message, /binary/);
  const binary = card('16.0 GiB → 8.00 GB (50.0% reduction)').find((c) => c.kind === 'percent-change');
  assert.equal(binary?.verdict, 'consistent', binary?.message);
  assert.match(binary!.message, /binary units \(1 GB = 1 GiB\)/);
});

test('byte units: the decimal reading comes first, and a claim wrong in both readings is still caught', () => {
  for (const numbers of ['2.0 GB → 500 MB (75% reduction)', '48.0 GB → 12.0 GB (75% reduction)', '64 MiB → 16 MiB (75% reduction)']) {
    const cs = card(numbers);
    assert.deepEqual(flagged(cs), [], numbers);
    assert.ok(cs.every((c) => !/binary/.test(c.message)), numbers);
  }
  const wrong = flagged(card('1.00 GB → 512 MB (60.0% reduction)'));
  assert.equal(wrong[0]?.verdict, 'inconsistent');
  assert.equal(wrong[0].fix?.replacement, '48.8', 'the fix is the decimal reading');
  assert.match(wrong[0].message, /binary units \(1 GB = 1024 MB\) do not give it either/);
  // Same units on both sides: the two readings agree, so nothing is said of them.
  assert.doesNotMatch(flagged(card('36.0 GB → 9.0 GB (80% reduction)'))[0].message, /binary/);
});

test('byte units: direction words accept the binary reading', () => {
  // 1020 MB is more than 1.00 GB in decimal units, less than it in binary ones.
  const d = card('Memory 1.00 GB → 1020 MB', 'The method reduces memory.').find((c) => c.kind === 'direction');
  assert.equal(d?.verdict, 'consistent', d?.message);
  assert.match(d!.message, /in binary units \(1 GB = 1024 MB\)/);
  assert.equal(flagged(card('Memory 1.00 GB → 1030 MB', 'The method reduces memory.'))[0]?.kind, 'direction', 'more in both readings');
});

test('byte units: restatements and ranges stated elsewhere accept the binary reading', () => {
  const restated = card('Memory 16,384 MB → 4,096 MB (75% reduction)', 'A finding.', 'A title', 'Memory falls from 16.0 GB to 4.0 GB.');
  assert.deepEqual(flagged(restated), []);
  const r = restated.find((c) => c.kind === 'restatement' && c.stated === '16.0 GB');
  assert.equal(r?.verdict, 'consistent');
  assert.match(r!.message, /1 GB = 1024 MB/);
  const range = card('Checkpoint 4,096 MB → 1.00 GB', 'Smaller.', 'A codec', 'It compresses checkpoints 4.0–4.05× without loss.').find((c) => c.kind === 'range');
  assert.equal(range?.verdict, 'consistent', range?.message);
  assert.match(range!.message, /1 GB = 1024 MB/);
});

// ---- a unit written once for two values ------------------------------------------------------------------

/** The check of one kind a card gives (there is one). */
const only = (cs: Check[], kind: string): Check => {
  const found = cs.filter((c) => c.kind === kind);
  assert.equal(found.length, 1, `one ${kind} check: ${cs.map((c) => c.message).join(' | ')}`);
  return found[0];
};

test('unit written once: "from 12.0 to 4.0 GB (67% reduction)" reads 12.0 as 12.0 GB, and the explanation says so', () => {
  // The report: an error suggesting "33333333233%", from 12 bytes against 4×10⁹ bytes.
  const prose = only(card('none', 'Memory drops from 12.0 to 4.0 GB (67% reduction).'), 'percent-change');
  assert.equal(prose.verdict, 'consistent', prose.message);
  assert.equal(prose.severity, 'info');
  assert.equal(prose.message, '67%: ✓ consistent — (before − after) / before × 100 gives 66.11…67.22%');
  assert.equal(prose.fix, undefined);
  // "before", not "Memory drops": the words before "from" name the change, and 12.0 GB is not how much it dropped.
  assert.deepEqual(prose.explanation.inputs, ['before = 12.0 GB (unit taken from 4.0 GB) (11.95…12.05)', 'after = 4.0 GB (3.95…4.05)']);
  // Without a label, on the Numbers line.
  const bare = only(card('from 12.0 to 4.0 GB (67% reduction)'), 'percent-change');
  assert.equal(bare.verdict, 'consistent', bare.message);
  assert.deepEqual(bare.explanation.inputs, ['before = 12.0 GB (unit taken from 4.0 GB) (11.95…12.05)', 'after = 4.0 GB (3.95…4.05)']);
});

test('unit written once: a wrong claim is still caught once the unit is shared', () => {
  const c = only(card('none', 'Memory drops from 12.0 to 4.0 GB (50% reduction).'), 'percent-change');
  assert.equal(c.verdict, 'inconsistent');
  assert.equal(c.severity, 'error');
  assert.equal(c.message, '50%: inconsistent — (before − after) / before × 100 gives 66.11…67.22%; closest consistent value: 67%');
  assert.equal(c.fix?.replacement, '67');
  assert.equal(c.explanation.closest, '67%');
  assert.match(c.explanation.inputs[0], /12\.0 GB \(unit taken from 4\.0 GB\)/);
  // A stated difference is computed in the shared unit, and a wrong one gets a fix in that unit.
  const ms = only(card('Latency 120 → 45 ms (−75 ms)'), 'difference');
  assert.equal(ms.verdict, 'consistent', ms.message);
  assert.equal(ms.computed, '−76.0…−74.0 ms');
  const wrong = only(card('Latency 120 → 45 ms (−80 ms)'), 'difference');
  assert.equal(wrong.verdict, 'inconsistent');
  assert.equal(wrong.fix?.replacement, '−75');
});

test('unit written once: arrows, vs and multipliers (K/M/B, ms, %) are shared the same way', () => {
  const arrow = only(card('Memory 12 → 4 GB (67% reduction)'), 'percent-change');
  assert.equal(arrow.verdict, 'consistent', arrow.message);
  assert.match(arrow.explanation.inputs[0], /^Memory = 12 GB \(unit taken from 4 GB\)/);
  const params = only(card('7 vs 13B parameters (1.9× more)'), 'ratio');
  assert.equal(params.verdict, 'consistent', params.message);
  assert.equal(params.computed, '1.667…2.077×');
  assert.ok(params.explanation.inputs.includes('A = 7 B (unit taken from 13B) (6.5…7.5)'), params.explanation.inputs.join(' | '));
  const pts = only(card('Acc 28.6 vs 23.3% (+5.3pp)'), 'difference');
  assert.equal(pts.verdict, 'consistent', pts.message);
  assert.equal(pts.explanation.inputs[0], 'A (Acc) = 28.6 % (unit taken from 23.3%) (28.55…28.65)');
  // A direction word read against values in one unit: 2 → 4 ms goes up.
  assert.deepEqual(flagged(card('Latency 2 → 4 ms', 'The method increases latency.')), []);
  assert.equal(flagged(card('Latency 2 → 4 ms', 'The method reduces latency.'))[0]?.kind, 'direction');
});

test('unit written once: a value restated in prose is compared with the Numbers line in the shared unit', () => {
  const cs = card('Memory 12.0 GB → 4.0 GB (67% reduction)', 'Memory drops from 12 to 4 GB.').filter((c) => c.kind === 'restatement');
  assert.deepEqual(
    cs.map((c) => [c.verdict, c.message]),
    [
      ['consistent', '12: ✓ consistent with 12.0 GB on the Numbers line (rounded to 12 GB)'],
      ['consistent', '4 GB: ✓ consistent with 4.0 GB on the Numbers line (rounded to 4 GB)'],
    ],
  );
});

test('unit written once: nothing is shared when the reading is not plainly one unit for both', () => {
  // Neither has a unit, or both have their own: as before.
  const plain = only(card('from 1,250 to 1,900 (+52%)'), 'percent-change');
  assert.equal(plain.verdict, 'consistent');
  assert.deepEqual(plain.explanation.inputs, ['before = 1,250 (1249.5…1250.5)', 'after = 1,900 (1899.5…1900.5)']);
  const both = only(card('7B vs 13B params (1.9× more)'), 'ratio');
  assert.equal(both.verdict, 'consistent');
  assert.ok(both.explanation.inputs.every((i) => !i.includes('unit taken')), both.explanation.inputs.join(' | '));
  // "3 of 7B": a part written as a bare count is 3 things, not 3 billion ("of" shares no unit): the unit is only
  // assumed, for the claim, when the claim fits no other reading (see "a unit on one side only" below).
  const part = only(card('3 of 7B parameters (43%)'), 'part-of-whole');
  assert.ok(part.explanation.inputs.every((i) => !i.includes('unit taken')), part.explanation.inputs.join(' | '));
  assert.deepEqual(part.explanation.inputs, ['part = 3 B (unit assumed from 7B) (2.5…3.5)', 'whole = 7 B (6.5…7.5)']);
  // A setting (batch size) against a measurement in GB: two different things, not one unit written once.
  const batch = only(card('Peak memory at batch 32 → 64 GB (2× more)'), 'ratio');
  assert.ok(batch.explanation.inputs.every((i) => !i.includes('unit taken')), batch.explanation.inputs.join(' | '));
  assert.ok(batch.explanation.inputs.includes('memory batch = 32 GB (unit assumed from 64 GB) (31.5…32.5)'), batch.explanation.inputs.join(' | '));
  // A bare count already comparable with the other value in its base unit: 4096 tokens, not 4096K.
  const context = only(card('context 4096 → 32K tokens (7.8× more)'), 'ratio');
  assert.equal(context.verdict, 'consistent', context.message);
  assert.ok(context.explanation.inputs.includes('context = 4096 (4095.5…4096.5)'), context.explanation.inputs.join(' | '));
});

// ---- a unit on one side only -----------------------------------------------------------------------------

// A bare number paired with one that has a unit or multiplier, when `shareUnits` did not share it: reading the bare
// number literally (12 GB against 4 bytes) is a guess, and so is giving it the other value's unit. A claim that fits
// either reading is accepted, saying which; a claim that fits neither is an error only when it fails under both.

test('a unit on one side only: a claim that fits when the bare value takes the other unit is accepted, and says so', () => {
  // Reported: an error with the fix "100%" (12 GB against 4 bytes).
  const memory = only(card('Memory 12 GB → 4 (67% reduction)'), 'percent-change');
  assert.equal(memory.verdict, 'consistent', memory.message);
  assert.equal(memory.severity, 'info');
  assert.equal(memory.message, '67%: ✓ consistent — (before − after) / before × 100 gives 60.87…72.00%; 12 GB → 4 has a unit on one side only: 4 is read as 4 GB, like 12 GB');
  assert.equal(memory.fix, undefined);
  assert.equal(memory.explanation.closest, undefined);
  assert.deepEqual(memory.explanation.inputs, ['Memory = 12 GB (11.5…12.5)', 'after = 4 GB (unit assumed from 12 GB) (3.5…4.5)']);
  // Reported: an error with the fix "0%" (3 of 7 billion).
  const part = only(card('3 of 7B parameters (43%)'), 'part-of-whole');
  assert.equal(part.verdict, 'consistent', part.message);
  assert.equal(part.severity, 'info');
  assert.equal(part.message, '43%: ✓ consistent — part / whole × 100 gives 33.33…53.85%; 3 of 7B has a unit on one side only: 3 is read as 3B, like 7B');
  assert.equal(part.fix, undefined);
  // Reported: an error with the fix "2000000000×" (32 against 64 × 10⁹ bytes).
  const batch = only(card('batch 32 → 64 GB (2× more)'), 'ratio');
  assert.equal(batch.verdict, 'consistent', batch.message);
  assert.equal(batch.severity, 'info');
  assert.equal(batch.message, '2×: ✓ consistent — larger / smaller gives 1.954…2.048×; 32 → 64 GB has a unit on one side only: 32 is read as 32 GB, like 64 GB');
  assert.equal(batch.fix, undefined);
  assert.deepEqual(batch.explanation.inputs, ['after = 64 GB (63.5…64.5)', 'batch = 32 GB (unit assumed from 64 GB) (31.5…32.5)']);
  // A difference, and a multiplier of time.
  const ms = only(card('Latency 120 ms → 45 (−75 ms)'), 'difference');
  assert.equal(ms.verdict, 'consistent', ms.message);
  assert.equal(ms.computed, '−76.0…−74.0 ms');
  assert.equal(ms.explanation.inputs[1], 'after = 45 ms (unit assumed from 120 ms) (44.5…45.5)');
  // Within rounding only: still accepted (info), and still said.
  const rounding = only(card('Memory 12 GB → 4 (70% reduction)'), 'percent-change');
  assert.equal(rounding.verdict, 'rounding', rounding.message);
  assert.equal(rounding.severity, 'info');
  assert.match(rounding.message, /; 12 GB → 4 has a unit on one side only: 4 is read as 4 GB, like 12 GB$/);
});

test('a unit on one side only: a claim wrong under both readings is still an error, with the fix of the plausible one', () => {
  // 12 GB → 4 GB gives 60.87…72.00%, 12 GB → 4 (bytes) about 100%: 50% fits neither, whatever 4 is.
  const c = only(card('Memory 12 GB → 4 (50% reduction)'), 'percent-change');
  assert.equal(c.verdict, 'inconsistent', c.message);
  assert.equal(c.severity, 'error');
  assert.equal(
    c.message,
    '50%: inconsistent — (before − after) / before × 100 gives 60.87…72.00%; 12 GB → 4 has a unit on one side only: 4 is read as 4 GB, like 12 GB; read as written it gives 100.00%, and 50% fits neither reading; closest consistent value: 67%',
  );
  assert.equal(c.fix?.replacement, '67', 'not "100", from 4 bytes');
  assert.equal(c.explanation.closest, '67%');
  assert.deepEqual(c.explanation.inputs, ['Memory = 12 GB (11.5…12.5)', 'after = 4 GB (unit assumed from 12 GB) (3.5…4.5)']);
  // The same for a part and a factor.
  const part = only(card('3 of 7B parameters (90%)'), 'part-of-whole');
  assert.equal(part.verdict, 'inconsistent', part.message);
  assert.equal(part.fix?.replacement, '43');
  assert.match(part.message, /3 of 7B has a unit on one side only: 3 is read as 3B, like 7B; read as written it gives 0\.00000003…0\.00000005%, and 90% fits neither reading/);
  const batch = only(card('batch 32 → 64 GB (4× more)'), 'ratio');
  assert.equal(batch.verdict, 'inconsistent', batch.message);
  assert.equal(batch.fix?.replacement, '2');
  // Where the literal reading is the plausible one (4096 tokens against 32,000), its fix is kept, as before.
  const context = only(card('context 4096 → 32K tokens (200× more)'), 'ratio');
  assert.equal(context.verdict, 'inconsistent', context.message);
  assert.equal(context.fix?.replacement, '8');
  assert.deepEqual(context.explanation.inputs, ['after = 32 K (31.5…32.5)', 'context = 4096 (4095.5…4096.5)']);
  assert.match(context.message, /; 4096 → 32K has a unit on one side only: read as 4096K, like 32K, it gives 126\.0…130\.0×, and 200× fits neither reading; closest consistent value: 8×$/);
});

test('a unit on one side only: a near miss under the plausible reading stays a near miss, with its fix', () => {
  const c = only(card('Memory 12 GB → 4 (73% reduction)'), 'percent-change');
  assert.equal(c.verdict, 'near-miss', c.message);
  assert.equal(c.severity, 'warning');
  assert.equal(c.fix?.replacement, '67');
  assert.match(c.message, /4 is read as 4 GB, like 12 GB; read as written it gives 100\.00%, and 73% fits neither reading/);
});

test('a unit on one side only: fitting neither reading, and a near miss only of the implausible one, is a warning without a fix', () => {
  // 99.9% is a step from 12 GB → 4 bytes (about 100%) and far from 12 GB → 4 GB (60.87…72.00%): maybe 4 MB was
  // meant. Neither reading can be trusted to compute a fix, and the claim cannot be shown wrong.
  const c = only(card('Memory 12 GB → 4 (99.9% reduction)'), 'percent-change');
  assert.equal(c.verdict, 'unverifiable', c.message);
  assert.equal(c.severity, 'warning');
  assert.equal(
    c.message,
    '99.9%: unverifiable — 12 GB → 4 has a unit on one side only, and 99.9% fits neither reading: (before − after) / before × 100 gives 60.87…72.00% with 4 read as 4 GB, like 12 GB, and 100.00% with 4 read as written',
  );
  assert.equal(c.fix, undefined);
  assert.equal(c.explanation.closest, undefined);
  assert.equal(c.computed, '60.87…72.00% or 100.00%');
  assert.deepEqual(c.explanation.inputs, ['Memory = 12 GB (11.5…12.5)', 'after = 4 GB (unit assumed from 12 GB) (3.5…4.5)', 'after = 4 (3.5…4.5)']);
});

test('a unit on one side only: a range stated elsewhere is read the same way', () => {
  // 800K against 60 (as written) gives 13,333×, outside 10–1000×; 800K against 60K gives 13.3×, inside.
  const title = (range: string) => `Cut adapters ${range} less storage`;
  const r = only(card('LoRA 800K → LoRA-XS 60', 'A finding.', title('10–1000x')), 'range');
  assert.equal(r.verdict, 'consistent', r.message);
  assert.equal(r.severity, 'info');
  assert.equal(r.message, '10–1000x: ✓ consistent — the numbers from the Numbers line give 13.3× (larger / smaller: LoRA = 800 K, LoRA-XS = 60 K), at the low end of the stated range; 800K → 60 has a unit on one side only: 60 is read as 60K, like 800K');
  assert.deepEqual(r.explanation.inputs, ['LoRA = 800 K (799.5…800.5)', 'LoRA-XS = 60 K (unit assumed from 800K) (59.5…60.5)']);
  // Outside the range in both readings: an error, in the plausible reading.
  const wrong = only(card('LoRA 800K → LoRA-XS 60', 'A finding.', title('20–1000x')), 'range');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.severity, 'error');
  assert.match(wrong.message, /give 13\.3× .*, outside the stated range; 800K → 60 has a unit on one side only: 60 is read as 60K, like 800K; read as written it gives 13214\.9…13453\.8×, and 20–1000x fits neither reading$/);
  // A step outside it only as written (the implausible reading), far outside it with the unit: a warning.
  const ambiguous = only(card('LoRA 1.0000K → LoRA-XS 1.1000', 'A finding.', title('3–908x')), 'range');
  assert.equal(ambiguous.verdict, 'unverifiable', ambiguous.message);
  assert.equal(ambiguous.severity, 'warning');
  assert.equal(ambiguous.computed, '1.10× or 909.0…909.2×');
  assert.match(ambiguous.message, /^3–908x: unverifiable — 1\.0000K → 1\.1000 has a unit on one side only, and 3–908x fits neither reading: /);
  assert.equal(ambiguous.explanation.closest, undefined);
});

test('a unit on one side only: direction words are contradicted only when they fit neither reading', () => {
  // 4 GB → 12 went down as written (12 bytes) and up with the unit (12 GB).
  const up = only(card('Memory 4 GB → 12', 'The method increases memory.'), 'direction');
  assert.equal(up.verdict, 'consistent', up.message);
  assert.equal(up.message, '“increases”: ✓ the numbers agree — 12 vs Memory 4 GB; 4 GB → 12 has a unit on one side only: 12 is read as 12 GB, like 4 GB');
  // Down in both readings: still contradicted, and the explanation lists both.
  const down = only(card('Memory 12 GB → 4', 'The method increases memory.'), 'direction');
  assert.equal(down.verdict, 'inconsistent', down.message);
  assert.equal(down.severity, 'warning'); // a reading of prose, not a recomputation
  assert.deepEqual(down.explanation.inputs, ['4 vs Memory 12 GB', '4 vs Memory 12 GB; 12 GB → 4 has a unit on one side only: 4 is read as 4 GB, like 12 GB']);
  // Words that fit the values as written: as before.
  assert.equal(only(card('Memory 12 GB → 4', 'The method reduces memory.'), 'direction').message, '“reduces”: ✓ the numbers agree — 4 vs Memory 12 GB');
});

test('a unit on one side only: what does not depend on the guess is unchanged', () => {
  // No unit at all, units on both sides, a unit shared by `shareUnits`: nothing is assumed.
  for (const [numbers, kind, verdict] of [
    ['from 1,250 to 1,900 (+52%)', 'percent-change', 'consistent'],
    ['1,250 → 1,900 (+52%)', 'percent-change', 'consistent'],
    ['7B vs 13B params (1.9× more)', 'ratio', 'consistent'],
    ['Memory 12 GB → 4 GB (67% reduction)', 'percent-change', 'consistent'],
    ['Memory 12 GB → 4 GB (50% reduction)', 'percent-change', 'inconsistent'],
    ['Memory 12 → 4 GB (50% reduction)', 'percent-change', 'inconsistent'],
    ['context 4096 → 32K tokens (7.8× more)', 'ratio', 'consistent'],
    // The literal reading fits: kept, even though 12 GB → 4 GB would not.
    ['Memory 12 GB → 4 (100% reduction)', 'percent-change', 'consistent'],
  ] as const) {
    const c = only(card(numbers), kind);
    assert.equal(c.verdict, verdict, `${numbers}: ${c.message}`);
    assert.doesNotMatch(c.message, /unit on one side only/, numbers);
    assert.ok(c.explanation.inputs.every((i) => !i.includes('unit assumed')), `${numbers}: ${c.explanation.inputs.join(' | ')}`);
  }
  assert.equal(only(card('Memory 12 GB → 4 GB (50% reduction)'), 'percent-change').fix?.replacement, '67');
  // A unit with no multiplier (%, bytes, seconds) gives the bare value the same number either way: a wrong claim is
  // wrong whatever the unit, and stays an error.
  const pts = only(card('Acc 71.2% → 68 (+5pp)'), 'difference');
  assert.equal(pts.verdict, 'inconsistent');
  assert.equal(pts.severity, 'error');
  assert.doesNotMatch(pts.message, /unit on one side only/);
  // A reduction stated for values that went up under both readings.
  const up = only(card('batch 32 → 64 GB (50% reduction)'), 'percent-change');
  assert.equal(up.severity, 'error', up.message);
});

// ---- invisible characters ------------------------------------------------------------------------------

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

test('invisible characters inside a number are ignored: 4\u200b0% reads as 40%, and the message says so', () => {
  const plain = card('Acc 40.0% vs 38.0% (+2.0pp)').find((c) => c.kind === 'difference')!;
  assert.equal(plain.computed, '1.90…2.10 pp');
  for (const z of INVISIBLES) {
    const name = `U+${z.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const cs = card(`Acc 4${z}0.0% vs 38.0% (+2.0pp)`);
    const d = cs.find((c) => c.kind === 'difference');
    assert.equal(d?.verdict, 'consistent', `${name}: ${d?.message}`);
    assert.equal(d!.computed, plain.computed, name);
    assert.deepEqual(d!.explanation.inputs, plain.explanation.inputs, `${name}: the values as read`);
    assert.ok(d!.message.includes(`40.0% contains an invisible character (${name}), ignored`), d!.message);
  }
  // In the claim itself, and around the number and its unit.
  const cs = card('Acc 40.0% vs 38.0% (\u200b+\u200b2\u2060.\u200b0\u200dpp\u200b)');
  const d = cs.find((c) => c.kind === 'difference');
  assert.equal(d?.verdict, 'consistent', d?.message);
  assert.equal(d?.stated, '+2.0pp');
  assert.match(d!.message, /invisible characters \(U\+200B, U\+2060, U\+200D\)/);
  // A number without them says nothing of the kind.
  assert.doesNotMatch(plain.message, /invisible/);
  // Joiners between two non-ASCII characters belong to the script or emoji, not to a number: nothing to say.
  const emoji = card('👩\u200d💻 40.0% vs 38.0% (+2.0pp)').find((c) => c.kind === 'difference');
  assert.equal(emoji?.verdict, 'consistent');
  assert.doesNotMatch(emoji!.message, /invisible/);
});

test('invisible characters: a wrong claim is still caught, and ranges and fixes point into the original text', () => {
  const numbers = 'GLUE 8\u200b4.6 → 83.9 (∆ −0\u200b.4) and \u200b\u200bmore';
  const source = cardText(numbers);
  const d = flagged(card(numbers)).find((c) => c.kind === 'difference');
  assert.equal(d?.verdict, 'inconsistent');
  assert.equal(textAt(source, d!.range), '−0\u200b.4');
  assert.equal(textAt(source, d!.fix!.range), '−0\u200b.4', 'the fix replaces the whole number, invisible character included');
  assert.equal(d!.fix!.replacement, '−0.7');
  // After the invisible characters on the line, columns still count them.
  const later = '9.0 GB vs 1.0 GB (9×) | a\u200bb\u2060c 36.0 GB → 9.0 GB (80% reduction)';
  const p = flagged(card(later)).find((c) => c.kind === 'percent-change');
  assert.equal(p?.verdict, 'inconsistent');
  assert.equal(textAt(cardText(later), p!.range), '80%');
  // In a finding joined from two lines, the second line's columns are right too.
  const finding = 'Memory falls from 3\u200b6.0 GB\nto 9.0 GB (\u200b80% reduction).';
  const f = flagged(card('none', finding)).find((c) => c.kind === 'percent-change');
  assert.equal(f?.verdict, 'inconsistent');
  assert.equal(textAt(cardText('none', finding), f!.range), '80%');
});

test('a soft hyphen (U+00AD) is ignored like the zero-width characters, in numbers and in words', () => {
  // A soft hyphen shows only where a line breaks: 1,2\u00ad50 reads 1,250, and "re\u00adduction" is a change word.
  const numbers = 'Cost 1,2\u00ad50 → 1,900 (+5\u00ad2%)';
  const c = only(card(numbers), 'percent-change');
  assert.equal(c.verdict, 'consistent', c.message);
  assert.deepEqual(c.explanation.inputs, ['Cost = 1,250 (1249.5…1250.5)', 'after = 1,900 (1899.5…1900.5)']);
  assert.match(c.message, /1,250 contains an invisible character \(U\+00AD\), ignored in reading it/);
  assert.equal(textAt(cardText(numbers), c.range), '+5\u00ad2%');
  const word = only(card('Memory 36.0 GB → 9.0 GB (70% re\u00adduction)'), 'percent-change');
  assert.equal(word.verdict, 'inconsistent');
  assert.equal(word.fix?.replacement, '75');
  // After Â or Ã it is the second byte of a UTF-8 character read as Windows-1252 (í, a soft hyphen): damaged text.
  for (const garbled of ['Mart\u00c3\u00adnez 40% vs 38% (+2pp)', 'Cost 12\u00c2\u00ad → 4']) {
    assert.ok(flagged(card(garbled)).some((x) => x.kind === 'garbled-text'), garbled);
  }
});

/** LRM, RLM, ALM, the embeddings and overrides, the isolates. */
const BIDI_CONTROLS = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

test('bidi controls inside a number are ignored like zero-width characters: 4\\u202e0% → 6\\u200f0% reads as 40% → 60%', () => {
  const numbers = 'Acc 4\u202e0% → 6\u200f0% (+50%)';
  const plain = only(card('Acc 40% → 60% (+50%)'), 'percent-change');
  const c = only(card(numbers), 'percent-change');
  assert.equal(c.verdict, 'consistent', c.message);
  assert.equal(c.severity, 'info');
  assert.equal(c.computed, plain.computed);
  assert.deepEqual(c.explanation.inputs, ['Acc = 40 % (39.5…40.5)', 'after = 60 % (59.5…60.5)']);
  assert.match(c.message, /; 40% contains an invisible character \(U\+202E\), ignored in reading it; 60% contains an invisible character \(U\+200F\), ignored in reading it$/);
  assert.equal(textAt(cardText(numbers), c.range), '+50%');
  // Every one of them, named as the zero-width ones are.
  const ref = card('Acc 40.0% vs 38.0% (+2.0pp)').find((x) => x.kind === 'difference')!;
  for (const z of BIDI_CONTROLS) {
    const name = `U+${z.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const d = card(`Acc 4${z}0.0% vs 38.0% (+2${z}.0pp)`).find((x) => x.kind === 'difference');
    assert.equal(d?.verdict, 'consistent', `${name}: ${d?.message}`);
    assert.equal(d!.computed, ref.computed, name);
    assert.deepEqual(d!.explanation.inputs, ref.explanation.inputs, `${name}: the values as read`);
    for (const read of ['40.0%', '+2.0pp']) assert.ok(d!.message.includes(`${read} contains an invisible character (${name}), ignored in reading it`), d!.message);
  }
  // A wrong claim is still caught, and its range and fix point into the original text (controls included).
  const wrong = 'GLUE 8\u202e4.6\u202c → 83.9 (∆ −0\u2067.4\u2069)';
  const w = flagged(card(wrong)).find((x) => x.kind === 'difference');
  assert.equal(w?.verdict, 'inconsistent');
  assert.equal(w!.severity, 'error');
  assert.match(w!.message, /84\.6 contains an invisible character \(U\+202E\), ignored in reading it/);
  assert.match(w!.message, /−0\.4 contains an invisible character \(U\+2067\)/);
  assert.equal(textAt(cardText(wrong), w!.range), '−0\u2067.4');
  assert.equal(textAt(cardText(wrong), w!.fix!.range), '−0\u2067.4');
  assert.equal(w!.fix!.replacement, '−0.7');
});

test('invisible characters and bidi controls: hostile cards never throw and every range stays on its line', () => {
  const hostile = [
    '\u200b'.repeat(5000),
    `${'4\u200b'.repeat(2000)}% → 1%`,
    `${'\u200d'.repeat(300)}40% vs 38% (+2pp)${'\ufeff'.repeat(300)}`,
    '\u200b4\u200b0\u200b%\u200b \u200bv\u200bs\u200b 3\u200b8\u200b%\u200b (\u200b+\u200b2\u200bp\u200bp\u200b)',
    '1\u200b,\u200b312 → 1\u2060e\u206017 (+5%) ∆\u200b',
    '\u200b'.repeat(3) + '87.82\u200b88.69 and 147.0\u200b-0.65)',
    `${'\u00ad'.repeat(3000)}4\u00ad0% vs 3\u00ad8% (+\u00ad2pp)`,
    '\u202e'.repeat(5000),
    `${'4\u202e'.repeat(2000)}% → 1%`,
    `\u202e40% → 60% (+50%)\u202c ${BIDI_CONTROLS.join('')}1${BIDI_CONTROLS.join('1')}% vs 2%`,
    '\u2067\u202e4\u200d\u200f0\u2069% → 👩\u200d\u200f💻 6\u061c0% (∆ \u202d+\u202c20pp)',
    '\u202b87.82\u202a88.69 and 147.0\u2066-0.65) \u2068&gt;\u2069325 GB -> &lt;\u200e53 GB',
  ];
  for (const numbers of hostile) {
    const source = cardText(numbers, `Key ${numbers.slice(0, 200)}`);
    const lines = source.split('\n');
    for (const c of card(numbers, `Key ${numbers.slice(0, 200)}`)) {
      assert.notEqual(c.kind, 'internal', c.message);
      assert.ok(c.range.endColumn <= lines[c.range.endLine].length, `${c.kind} ends inside its line`);
      assert.ok(c.range.line < c.range.endLine || c.range.column <= c.range.endColumn);
    }
  }
});

/** The embeddings, overrides and isolates with their terminators, and their names (LRM, RLM and ALM are not among them). */
const BIDI_FORMATTING: Array<[string, string]> = [
  ['\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
  ['\u202b', 'U+202B RIGHT-TO-LEFT EMBEDDING'],
  ['\u202c', 'U+202C POP DIRECTIONAL FORMATTING'],
  ['\u202d', 'U+202D LEFT-TO-RIGHT OVERRIDE'],
  ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
  ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
  ['\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
  ['\u2068', 'U+2068 FIRST STRONG ISOLATE'],
  ['\u2069', 'U+2069 POP DIRECTIONAL ISOLATE'],
];

test('a bidi control outside a number is a warning at the character: \\u202e40% → 60% (+50%)\\u202c displays reversed', () => {
  const numbers = '\u202e40% → 60% (+50%)\u202c';
  const cs = card(numbers);
  const b = only(cs, 'bidi-control');
  assert.equal(b.verdict, 'unverifiable');
  assert.equal(b.severity, 'warning');
  assert.equal(b.message, 'The Numbers line contains 2 bidirectional control characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING), so it may display differently from how it is read and checked');
  assert.equal(textAt(cardText(numbers), b.range), '\u202e', 'located at the first control');
  assert.equal(b.range.column, 'Numbers: '.length);
  assert.equal(b.stated, 'U+202E');
  assert.equal(b.computed, 'U+202E, U+202C');
  assert.deepEqual(b.explanation.inputs, ['U+202E RIGHT-TO-LEFT OVERRIDE at line 14, column 10', 'U+202C POP DIRECTIONAL FORMATTING at line 14, column 27']);
  // The claim is still read and checked in the order written.
  const c = only(cs, 'percent-change');
  assert.equal(c.verdict, 'consistent');
  assert.equal(c.message, only(card('40% → 60% (+50%)'), 'percent-change').message);
  // Each embedding, override and isolate, alone, in the title, the key finding and the Numbers line.
  for (const [z, name] of BIDI_FORMATTING) {
    const fields: Array<[string, string, string, string, string?]> = [
      ['Numbers line', `Acc ${z}40% → 60% (+50%)`, 'A finding.', 'A method for testing'],
      ['key finding', '40% → 60% (+50%)', `Accuracy rises ${z}by half.`, 'A method for testing'],
      ['title', '40% → 60% (+50%)', 'A finding.', `A method ${z}for testing`],
      ['summary', '40% → 60% (+50%)', 'A finding.', 'A method for testing', `A ${z}summary.`],
    ];
    for (const [label, n, finding, title, summary] of fields) {
      const w = only(card(n, finding, title, summary), 'bidi-control');
      assert.equal(w.severity, 'warning', `${name} in the ${label}`);
      assert.equal(w.message, `The ${label} contains a bidirectional control character (${name}), so it may display differently from how it is read and checked`);
      assert.equal(textAt(cardText(n, finding, title, summary), w.range), z, `${name} in the ${label}: at the character`);
    }
  }
  // Inside a number it is named by the check that reads the number, as before, and not warned of again.
  const inside = card('Acc 4\u202e0% → 6\u20670% (+50%)');
  assert.equal(inside.filter((x) => x.kind === 'bidi-control').length, 0);
  assert.match(only(inside, 'percent-change').message, /40% contains an invisible character \(U\+202E\)/);
  // LRM, RLM and ALM alone say nothing (they belong in right-to-left text), nor does text without controls.
  for (const mark of ['\u200e', '\u200f', '\u061c']) {
    assert.deepEqual(flagged(card(`Acc ${mark}40% → 60% (+50%)${mark}`, `Rises ${mark}by half.`, `A method ${mark}for testing`)), [], `U+${mark.charCodeAt(0).toString(16)}`);
  }
  assert.deepEqual(flagged(card('Acc 40% → 60% (+50%)')), []);
});

test('bidi controls: one warning per field however many it holds, and the hostile fixture gets one per field', () => {
  const many = `${'\u202e'.repeat(5000)}40% → 60% (+50%)`;
  const w = only(card(many), 'bidi-control');
  assert.match(w.message, /^The Numbers line contains 5000 bidirectional control characters \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/);
  assert.equal(w.explanation.inputs.length, 11, 'ten listed, then how many more');
  assert.equal(w.explanation.inputs[10], 'and 4990 more');
  // test/fixtures/hostile.txt, card 4: overrides and isolates in its title, key finding and Numbers line.
  const source = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'hostile.txt'), 'utf8');
  const { papers } = checkSeed(parseSeed(source));
  const warnings = papers[3].checks.filter((c) => c.kind === 'bidi-control');
  const lines = source.split('\n');
  assert.deepEqual(
    warnings.map((c) => [c.message.slice(0, c.message.indexOf(' (')), lines[c.range.line].slice(c.range.column, c.range.endColumn)]),
    [
      ['The title contains 4 bidirectional control characters', '\u202e'],
      ['The summary contains 2 bidirectional control characters', '\u202e'],
      ['The key finding contains 2 bidirectional control characters', '\u202e'],
      ['The Numbers line contains 2 bidirectional control characters', '\u202e'],
    ],
  );
  assert.ok(warnings.every((c) => c.severity === 'warning' && c.verdict === 'unverifiable'));
  assert.match(warnings[0].message, /\(U\+202E RIGHT-TO-LEFT OVERRIDE, U\+202C POP DIRECTIONAL FORMATTING, U\+2066 LEFT-TO-RIGHT ISOLATE, U\+2069 POP DIRECTIONAL ISOLATE\)/);
  // No other card holds a bidi control.
  assert.equal(papers.flatMap((p) => p.checks).filter((c) => c.kind === 'bidi-control').length, warnings.length);
});

// ---- markup ------------------------------------------------------------------------------------------------

test('HTML tags around numbers: the > of <b> is not a lower bound', () => {
  const wrong = flagged(card('Acc <b>40%</b> vs <b>38%</b> (+5pp)'));
  assert.equal(wrong[0]?.verdict, 'inconsistent', 'a wrong difference between tagged numbers is caught');
  assert.equal(wrong[0].fix?.replacement, '+2');
  const right = card('Acc <b>40.0%</b> vs <b>38.0%</b> (+2.0pp)').find((c) => c.kind === 'difference');
  assert.equal(right?.verdict, 'consistent');
  assert.doesNotMatch(right!.message, /bound/);
  assert.deepEqual(right!.explanation.inputs.map((i) => i.split(' = ')[0]), ['A (Acc)', 'B (B)'], 'tag names are not labels');
  const cells = card('<td>Ours</td><td>40.1</td> vs <td>Base</td><td>38.0</td> (+2.1)').find((c) => c.kind === 'difference');
  assert.equal(cells?.verdict, 'consistent');
  assert.deepEqual(cells!.explanation.inputs.map((i) => i.split(' = ')[0]), ['A (Ours)', 'B (Base)']);
  // A real bound inside markup is still one.
  const b = card('Memory <i>>780 GB</i> -> <i><48 GB</i>').find((c) => c.kind === 'bound');
  assert.equal(b?.verdict, 'bound');
  assert.match(b!.computed, /> 16\.25×/);
});

test('HTML entities for bounds before a number read as the bounds: &gt;325 GB -> &lt;53 GB is >325 GB -> <53 GB', () => {
  const plain = only(card('>325 GB -> <53 GB'), 'bound');
  assert.equal(plain.computed, 'ratio > 6.13×');
  for (const numbers of ['&gt;325 GB -> &lt;53 GB', '&GT;325 GB -> &LT;53 GB', '&#62;325 GB -> &#60;53 GB', '&#x3e;325 GB -> &#x3c;53 GB', '&#X3E;325 GB -> &#x3C;53 GB']) {
    const b = only(card(numbers), 'bound');
    assert.equal(b.verdict, 'bound', numbers);
    assert.equal(b.severity, 'info');
    assert.equal(b.message, plain.message, 'the message shows the bounds as read');
    assert.equal(b.computed, plain.computed);
    assert.deepEqual(b.explanation.inputs, ['before = > 325 GB (≥ 324.5)', 'after = < 53 GB (0.0…53.5)']);
    assert.equal(b.stated, numbers, 'stated as written');
    assert.equal(textAt(cardText(numbers), b.range), numbers, 'the range covers the entities as written');
  }
  // ≥ and ≤: &ge; and &le; read as ≥ and ≤, &gt;= and &lt;= as >= and <=.
  const ge = only(card('&ge;325 GB -> &LE;53 GB'), 'bound');
  assert.equal(ge.message, only(card('≥325 GB -> ≤53 GB'), 'bound').message);
  const eq = only(card('Memory &gt;=325 GB → &lt;=53 GB (6x less)'), 'ratio');
  assert.equal(eq.verdict, 'bound');
  assert.equal(eq.message, only(card('Memory >=325 GB → <=53 GB (6x less)'), 'ratio').message);
  assert.deepEqual(eq.explanation.inputs, ['Memory = >= 325 GB (≥ 324.5)', 'after = <= 53 GB (0.0…53.5)']);
  // A claim the bounds rule out is an error, with the same message as with > and <.
  const wrong = 'Memory &gt;780 GB → &lt;48 GB (10× less)';
  const w = only(card(wrong), 'ratio');
  assert.equal(w.verdict, 'inconsistent');
  assert.equal(w.severity, 'error');
  assert.equal(w.message, '10×: inconsistent — larger / smaller gives ≥ 16.07×; closest consistent value: 16×');
  assert.equal(textAt(cardText(wrong), w.range), '10×');
  // Not bounds: the end of an arrow (`-&gt;`, `=&gt;`), an entity escaped twice, an escaped tag (`&lt;br&gt;`).
  for (const numbers of ['Mem 325 GB -&gt;53 GB vs 50 GB (+3 GB)', 'Mem 325 GB =&gt; 53 GB vs 50 GB (+3 GB)', 'Mem &amp;gt;53 GB vs 50 GB (+3 GB)']) {
    const d = only(card(numbers), 'difference');
    assert.equal(d.verdict, 'consistent', numbers);
    assert.deepEqual(d.explanation.inputs.map((i) => i.split(' = ')[1]), ['53 GB (52.5…53.5)', '50 GB (49.5…50.5)'], numbers);
  }
  const tag = only(card('Memory &lt;br&gt;780 GB → 48 GB (16× less)'), 'ratio');
  assert.equal(tag.verdict, 'consistent');
  assert.doesNotMatch(tag.message, /bound/);
});

test('escaped arrows read as the arrows they stand for: 13.6 GB -&gt; 1.7 GB (88% reduction) is 13.6 GB -> 1.7 GB', () => {
  const forms: Array<[string, string]> = [
    ['->', '-&gt;'],
    ['->', '-&GT;'],
    ['->', '-&#62;'],
    ['->', '-&#x3E;'],
    ['=>', '=&gt;'],
    ['=>', '=&#x3e;'],
    ['→', '&rarr;'],
    ['→', '&#8594;'],
    ['→', '&#x2192;'],
    ['→', '&#X2192;'],
  ];
  for (const [arrow, entity] of forms) {
    const plainText = `Memory 13.6 GB ${arrow} 1.7 GB (88% reduction)`;
    const numbers = `Memory 13.6 GB ${entity} 1.7 GB (88% reduction)`;
    const plain = only(card(plainText), 'percent-change');
    const c = only(card(numbers), 'percent-change');
    assert.equal(c.verdict, 'consistent', `${entity}: ${c.message}`);
    assert.equal(c.severity, 'info');
    assert.equal(c.message, plain.message, entity);
    assert.deepEqual(c.explanation, plain.explanation, entity);
    assert.deepEqual(c.explanation.inputs, ['Memory = 13.6 GB (13.55…13.65)', 'after = 1.7 GB (1.65…1.75)']);
    assert.equal(c.stated, '88%');
    assert.equal(textAt(cardText(numbers), c.range), '88%', `${entity}: the range counts the entity as written`);
    assert.deepEqual(card(numbers).map((x) => `${x.kind}:${x.verdict}`), card(plainText).map((x) => `${x.kind}:${x.verdict}`), entity);
  }
  // A wrong claim is caught as after the plain arrow, and its range and fix point into the text as written.
  const wrong = 'Memory 36.0 GB -&gt; 9.0 GB (80% reduction); Acc 40.0% &rarr; 38.0% (+2.0pp)';
  const errors = flagged(card(wrong));
  assert.deepEqual(errors.map((x) => x.message), flagged(card('Memory 36.0 GB -> 9.0 GB (80% reduction); Acc 40.0% → 38.0% (+2.0pp)')).map((x) => x.message));
  assert.deepEqual(errors.map((x) => [x.verdict, x.severity, textAt(cardText(wrong), x.range), x.fix?.replacement]), [
    ['inconsistent', 'error', '80%', '75'],
    ['inconsistent', 'error', '+2.0pp', '-2.0'],
  ]);
  assert.equal(textAt(cardText(wrong), errors[1].fix!.range), '+2.0');
  // A unit written once is shared across an escaped arrow, as across →.
  const shared = only(card('Memory 12.0 &rarr; 4.0 GB (67% reduction)'), 'percent-change');
  assert.equal(shared.verdict, 'consistent');
  assert.deepEqual(shared.explanation.inputs, ['Memory = 12.0 GB (unit taken from 4.0 GB) (11.95…12.05)', 'after = 4.0 GB (3.95…4.05)']);
  // Bounds and an escaped arrow: the message reads like >325 GB -> <53 GB; `stated` and the range are as written.
  const bounds = '&gt;325 GB -&gt; &lt;53 GB';
  const b = only(card(bounds), 'bound');
  assert.equal(b.message, only(card('>325 GB -> <53 GB'), 'bound').message);
  assert.equal(b.stated, bounds);
  assert.equal(textAt(cardText(bounds), b.range), bounds);
  // Not arrows: an entity escaped twice, other arrows (&rArr; is ⇒), and a named entity in another case.
  for (const other of ['&amp;rarr;', '&rArr;', '&RARR;', '-&amp;gt;']) {
    const u = only(card(`Memory 13.6 GB ${other} 1.7 GB (88% reduction)`), 'unverifiable');
    assert.equal(u.message, '88%: a stated change with no numbers on the card to check it against', other);
  }
});

test('&nbsp; reads as a space: between a number and its unit, and inside a clause', () => {
  const plain = only(card('Memory 13.6 GB -> 1.7 GB (88% reduction)'), 'percent-change');
  for (const nbsp of ['&nbsp;', '&#160;', '&#xA0;']) {
    const numbers = `Memory 13.6${nbsp}GB -&gt; 1.7${nbsp}GB (88%${nbsp}reduction)`;
    const c = only(card(numbers), 'percent-change');
    assert.equal(c.verdict, 'consistent', `${nbsp}: ${c.message}`);
    assert.equal(c.message, plain.message, nbsp);
    assert.deepEqual(c.explanation.inputs, plain.explanation.inputs, nbsp);
    assert.equal(textAt(cardText(numbers), c.range), '88%');
  }
  // Inside a claim: `stated` and the range keep the entity as written; the fix replaces the number alone.
  const numbers = 'Memory 36.0 GB → 9.0 GB (80&nbsp;% reduction)';
  const w = only(card(numbers), 'percent-change');
  assert.equal(w.verdict, 'inconsistent');
  assert.equal(w.stated, '80&nbsp;%');
  assert.equal(textAt(cardText(numbers), w.range), '80&nbsp;%');
  assert.equal(textAt(cardText(numbers), w.fix!.range), '80');
  assert.equal(w.fix!.replacement, '75');
});

// ---- reports --------------------------------------------------------------------------------------------

/** A report of files checked in memory, as the text a writer produces. */
function render(make: (write: Write) => ReportWriter, files: CheckedFile[]): string {
  let out = '';
  writeReport(make((text) => (out += text)), files);
  return out;
}
const checked = (path: string, s: typeof seed, r: typeof result): CheckedFile => ({ path, declaredCount: s.declaredCount, ...r });

test('JSON report follows the contract', () => {
  const r = JSON.parse(render((w) => new JsonWriter(w), [checked('seeds/000_934c6e1fbed8f8cd.txt', seed, result)])) as JsonReport;
  assert.equal(r.files[0].declaredCount, 143);
  assert.equal(r.summary.papers, 24);
  assert.equal(r.summary.errors, 0);
  assert.ok(r.summary.warnings >= 6);
  const all = r.files[0].papers.flatMap((p) => p.checks);
  assert.equal(r.summary.checks, all.length + r.files[0].fileChecks.length);
  const near = all.find((c) => c.verdict === 'near-miss')!;
  for (const k of ['kind', 'verdict', 'severity', 'line', 'column', 'endColumn', 'message', 'stated', 'computed']) assert.ok(k in near, k);
  const line = seedText.split(/\r?\n/)[near.line - 1];
  assert.equal(line.slice(near.column - 1, near.endColumn - 1), near.stated);
  assert.equal(r.files[0].papers[0].line, 3);
});

test('JSON report: several files, one of them without cards, is one valid document with the same data as JSON.stringify', () => {
  const empty = parseSeed('');
  const files = [checked('a.txt', seed, result), checked('empty.txt', empty, checkSeed(empty)), checked('b.txt', seed, result)];
  const written = render((w) => new JsonWriter(w), files);
  const report = JSON.parse(written) as JsonReport;
  assert.deepEqual(
    report.files.map((f) => [f.path, f.papers.length, f.declaredCount]),
    [
      ['a.txt', 24, 143],
      ['empty.txt', 0, null],
      ['b.txt', 24, 143],
    ],
  );
  assert.equal(report.summary.papers, 48);
  // Written piece by piece, yet laid out like JSON.stringify(report, null, 2) (members in the writer's order).
  assert.equal(written, `${JSON.stringify(report, null, 2)}\n`);
});

test('checking a file piece by piece gives the same checks as checking it whole', () => {
  for (const size of [1, 100, 4096]) {
    const papers: Array<{ title: string; checks: Check[] }> = [];
    const { outline, fileChecks } = verifyPieces(textChunks(Buffer.from(seedText), size), (paper, checks) => papers.push({ title: paper.title.text, checks }));
    assert.deepEqual(
      papers,
      result.papers.map((p) => ({ title: p.paper.title.text, checks: p.checks })),
      `pieces of ${size}`,
    );
    assert.deepEqual(fileChecks, result.fileChecks);
    assert.equal(outline.paperCount, 24);
    assert.equal(outline.declaredCount?.value, 143);
  }
});

test('SARIF has one rule per kind and valid levels', () => {
  const s = JSON.parse(render((w) => new SarifWriter(w), [checked('a.txt', seed, result)])) as { version: string; runs: Array<{ tool: { driver: { informationUri?: string; rules: Array<{ id: string; helpUri?: string; help?: { text: string } }> } }; results: Array<{ ruleId: string; level: string }> }> };
  assert.equal(s.version, '2.1.0');
  const ids = s.runs[0].tool.driver.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  // SARIF 2.1.0 allows only absolute URIs in helpUri and informationUri; the project names no repository, so the rules
  // point to the project's docs/claims.md in their help text instead.
  const absolute = (uri: string | undefined) => uri === undefined || URL.canParse(uri);
  assert.ok(absolute(s.runs[0].tool.driver.informationUri));
  for (const rule of s.runs[0].tool.driver.rules) {
    assert.ok(absolute(rule.helpUri), rule.id);
    assert.match(rule.help?.text ?? '', /docs\/claims\.md/, rule.id);
  }
  for (const res of s.runs[0].results) {
    assert.ok(ids.includes(res.ruleId));
    assert.ok(['error', 'warning', 'note'].includes(res.level));
  }
});

test('text output: colour only when asked; control characters from cards are escaped', () => {
  const hostile = parseSeed('Evil \u001b[31mtitle\u009b2J\n\n0.7\n0.6\n0.8\n5\n\nSummary.\n\nKey finding\n\nF.\n\nNumbers: 36.0 GB → 9.0 GB (80% reduction) \u001b]0;pwned\u0007\n');
  const r = checkSeed(hostile);
  const plain = render((w) => new TextWriter(w, { color: false, verbose: true }), [checked('x.txt', hostile, r)]);
  assert.ok(!/[\u001b\u009b\u0007]/.test(plain), plain);
  const coloured = render((w) => new TextWriter(w, { color: true }), [checked('x.txt', hostile, r)]);
  assert.ok(coloured.includes('\u001b[31m'));
});

// ---- positions a user can find: lost brackets ------------------------------------------------------------------

test('lost bracket: the explanation gives the file line and column of the bracket (1-based), not an offset into the field', () => {
  const numbers = 'mAP: baseline 39.1 vs restarts 39.6+0.5)';
  const source = cardText(numbers);
  const stray = only(card(numbers), 'lost-bracket');
  assert.equal(stray.verdict, 'damaged');
  assert.equal(stray.severity, 'warning');
  assert.equal(stray.message, 'stray ")": an opening "(∆ " was probably lost before +0.5 ("39.6+0.5)"); +0.5 is read as the stated change');
  assert.equal(stray.fix, undefined);
  const line = source.split('\n').findIndex((l) => l.startsWith('Numbers:'));
  const column = source.split('\n')[line].indexOf(')');
  assert.deepEqual(stray.explanation.inputs, [`stray ")" at line ${line + 1}, column ${column + 1}`]);
  assert.equal(textAt(source, stray.range), ')');
  // In a key finding written over two lines, the line is the one the bracket is on.
  const finding = 'Recall rises\nfrom 61.2 to 64.0 (+2.8 on BEIR.';
  const findingSource = cardText('none', finding);
  const unclosed = only(card('none', finding), 'lost-bracket');
  assert.equal(unclosed.message, 'unclosed "(": its closing ")" was probably lost');
  const lines = findingSource.split('\n');
  const at = lines.findIndex((l) => l.startsWith('from 61.2'));
  assert.deepEqual(unclosed.explanation.inputs, [`unclosed "(" at line ${at + 1}, column ${lines[at].indexOf('(') + 1}`]);
  assert.doesNotMatch(JSON.stringify([stray.explanation, unclosed.explanation]), /numbers|keyFinding|of the/);
});

// ---- range messages ----------------------------------------------------------------------------------------------

test('range stated elsewhere: the message says where the ratio lies in English (low end, middle, high end, outside)', () => {
  // 74M → 9.8M is 7.55× (7.46…7.64× over the rounding intervals).
  const range = (title: string): Check => only(card('74M → 9.8M params', 'Fewer parameters.', title), 'range');
  const head = (stated: string, verdict: string) => `${stated}: ${verdict} — the numbers from the Numbers line give 7.55× (larger / smaller: before = 74 M, after = 9.8 M), `;
  for (const [title, stated, verdict, severity, where] of [
    ['A 7–100× smaller encoder', '7–100×', 'consistent', 'info', 'at the low end of the stated range'],
    ['A 5–10× smaller encoder', '5–10×', 'consistent', 'info', 'well inside the stated range'],
    ['A 2–8× smaller encoder', '2–8×', 'consistent', 'info', 'at the high end of the stated range'],
    ['A 7.65–10× smaller encoder', '7.65–10×', 'near-miss', 'warning', 'just outside the stated range'],
    ['A 10–20× smaller encoder', '10–20×', 'inconsistent', 'error', 'outside the stated range'],
  ] as const) {
    const c = range(title);
    assert.equal(c.verdict, verdict, c.message);
    assert.equal(c.severity, severity);
    assert.equal(c.fix, undefined, 'a range check gives no fix');
    const word = verdict === 'consistent' ? '✓ consistent' : verdict === 'near-miss' ? 'a near miss' : 'inconsistent';
    assert.equal(c.message, head(stated, word) + where);
  }
  // Every verdict's phrase is a clause of its own: no pronoun left dangling before "of the stated range".
  const phrases = (['consistent', 'rounding', 'approximate', 'bound', 'near-miss', 'inconsistent'] as const).flatMap((v) =>
    (['low end', 'middle', 'high end', undefined] as const).map((p) => rangePositionPhrase(v, p, '7.46…7.64×')),
  );
  for (const p of phrases) {
    assert.match(p, /^(at the (low|high) end of|well inside|inside|just outside|outside|compatible with) the stated range( |$)/, p);
    assert.doesNotMatch(p, /\bit of\b|\bits (low|high) end of\b/, p);
  }
  assert.equal(rangePositionPhrase('rounding', undefined, '7.46…7.64×'), 'inside the stated range only within rounding (7.46…7.64×)');
  assert.equal(rangePositionPhrase('unverifiable', undefined, ''), '');
});

// ---- a direction word against values that move the other way ------------------------------------------------------

/** The one check of `kind` on a card with these numbers, asserted to show what a user sees: its verdict and the
 * severity that goes with it, and its message and fix when given (`fix: undefined` asserts there is none). */
function assertCheck(numbers: string, kind: string, want: { verdict: Check['verdict']; message?: string; fix?: string }): Check {
  const c = only(card(numbers), kind);
  assert.equal(c.verdict, want.verdict, c.message);
  assert.equal(c.severity, { consistent: 'info', rounding: 'info', 'near-miss': 'warning', inconsistent: 'error' }[want.verdict as string] ?? c.severity);
  if (want.message !== undefined) assert.equal(c.message, want.message);
  if ('fix' in want) assert.equal(c.fix?.replacement, want.fix);
  return c;
}

/** A claim whose word the values contradict: an error whose message starts with `prefix`, without a fix. */
function assertContradicted(numbers: string, prefix: string, kind = 'percent-change', finding?: string): void {
  const c = only(card(numbers, finding), kind);
  assert.equal(c.verdict, 'inconsistent', c.message);
  assert.equal(c.severity, 'error');
  assert.ok(c.message.startsWith(prefix), c.message);
  assert.equal(c.fix, undefined);
  assert.equal(c.explanation.closest, undefined);
}

test('a direction word the values contradict: the message says which way they move, and no fix is offered', () => {
  // 2.1 → 27.1 GB went up: no size of a "reduction" fits, and the recomputed 1190 would read "1190% reduction".
  const up = only(card('2.1 GB → 27.1 GB (93% reduction)'), 'percent-change');
  assert.equal(up.verdict, 'inconsistent');
  assert.equal(up.severity, 'error');
  assert.equal(up.message, '93%: inconsistent — the values increase (2.1 GB → 27.1 GB) while the claim says they decrease (“reduction”); (before − after) / before × 100 gives −1224…−1158%');
  assert.equal(up.fix, undefined);
  assert.equal(up.explanation.closest, undefined);
  // The mirror: an increase word for values that went down.
  const down = only(card('27.1 GB → 2.1 GB (93% increase)'), 'percent-change');
  assert.equal(down.verdict, 'inconsistent');
  assert.equal(down.message, '93%: inconsistent — the values decrease (27.1 GB → 2.1 GB) while the claim says they increase (“increase”); (after − before) / before × 100 gives −92.45…−92.05%');
  assert.equal(down.fix, undefined);
  // Points with a word, and a word before the number ("reduced … by"), are read the same way.
  assertContradicted('Acc 40.0% → 42.4% (2.4pp lower)', '2.4pp: inconsistent — the values increase (40.0% → 42.4%) while the claim says they decrease (“lower”); ', 'difference');
  assertContradicted('2.1 GB → 27.1 GB', '93%: inconsistent — the values increase (2.1 GB → 27.1 GB) while the claim says they decrease (“reduced”); ', 'percent-change', 'It reduced memory by 93%.');
  // What does not contradict keeps its fix: a wrong size in the right direction, a signed claim, a comparison.
  assert.equal(only(card('36.0 GB → 9.0 GB (80% reduction)'), 'percent-change').fix?.replacement, '75');
  assert.equal(only(card('2.1 GB → 27.1 GB (−93%)'), 'percent-change').fix?.replacement, '+1190');
  assert.equal(only(card('Memory 2.1 GB vs 27.1 GB (93% less)'), 'percent-change').fix?.replacement, '92');
  // A claim that fits is not touched.
  assert.deepEqual(flagged(card('27.1 GB → 2.1 GB (92% reduction)')), []);
});

test('an x-fold ratio whose word the values contradict is inconsistent, though its size fits, and gets no fix', () => {
  // larger / smaller is 2.71× either way: only the word says which way the times moved, and they got shorter.
  assertContradicted('Baseline 1900 ms → ours 700 ms (2.7× slower)', '2.7×: inconsistent — the values decrease (1900 ms → 700 ms) while the claim says they increase (“slower”); larger / smaller gives 2.712…2.717×', 'ratio');
  assertContradicted('45 ms → 120 ms (2.7× faster)', '2.7×: inconsistent — the values increase (45 ms → 120 ms) while the claim says they decrease (“faster”); ', 'ratio');
  assertContradicted('800K → 60K params (13× more)', '13×: inconsistent — the values decrease (800K → 60K) while the claim says they increase (“more”); ', 'ratio');
  // The same sizes with words that agree, or with no word, are consistent.
  for (const numbers of ['Baseline 1900 ms → ours 700 ms (2.7× faster)', '45 ms → 120 ms (2.7× slower)', '800K → 60K params (13× fewer)', '60K → 800K params (13.3× larger)', '800K → 60K params (13×)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  // A comparison whose side the card is about is known (a label it names, or ours against a baseline): the word
  // says which side is the larger.
  assertContradicted('Ours 45 ms vs baseline 120 ms (2.7× slower)', '2.7×: inconsistent — Ours (45 ms) is less than baseline (120 ms) while the claim says it is more (“slower”); ', 'ratio');
  assertContradicted('Baseline 120 ms vs ours 45 ms (2.7× slower)', '2.7×: inconsistent — ours (45 ms) is less than Baseline (120 ms) while the claim says it is more (“slower”); ', 'ratio');
  assertContradicted('Ours 2.6B vs dense 13B params (5× more)', '5×: inconsistent — Ours (2.6B) is less than dense (13B) while the claim says “more”; ', 'ratio');
  // A wrong direction is wrong at any size: a near miss with it is an error too.
  assertContradicted('1900 ms → 700 ms (2.8× slower)', '2.8×: inconsistent — the values decrease (1900 ms → 700 ms) while the claim says they increase (“slower”); ', 'ratio');
  assertContradicted('Ours 45 ms vs baseline 120 ms (2.8× slower)', '2.8×: inconsistent — Ours (45 ms) is less than baseline (120 ms) while the claim says it is more (“slower”); ', 'ratio');
  // The claim may name the side it is about: then that side is the one that must be slower.
  for (const numbers of ['Ours 45 ms vs baseline 120 ms (baseline 2.7× slower)', 'Ours 45 ms vs vLLM 120 ms (vLLM 2.7× slower)', 'Baseline 1900 ms → ours 700 ms (baseline is 2.7× slower)', 'FP16 1900 ms → INT4 700 ms (FP16 2.7× slower)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  // A side named as the reference, a unit's tail or words after the values name no side.
  for (const numbers of ['Token throughput 30 → 90 tokens/s (3× faster)', 'Per-token latency 50 → 25 ms/token (2× faster)', 'GPU memory 40 → 10 GB per GPU (4× less)', 'FP16 120 ms → INT4 45 ms (vs FP16, 2.7× faster)', 'PyTorch 120 ms vs ours 45 ms (over PyTorch: 2.7× speedup)', 'Ours 45 ms vs baseline 120 ms (relative to baseline, 2.7× lower)', 'Ours 45 ms vs vLLM 120 ms, vs vLLM 2.7× faster', 'INT4 45 ms vs FP16 120 ms with an FP16 KV cache (2.7× faster)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  // A claim in the key finding names no side of the Numbers line's comparison; a rate in an earlier clause is not
  // this pair's; teacher/student and FP32/INT8 claims may describe either side: none is checked for its word.
  assert.deepEqual(flagged(card('Ours 45 ms vs baseline 120 ms', 'Compared with the baseline, which is 2.7× slower, ours wins.')), []);
  assert.deepEqual(flagged(card('Throughput 1.8× higher, TTFT 300 → 100 (3× faster)')), []);
  assert.deepEqual(flagged(card('Teacher 340M vs student 85M params (4× larger)')), []);
  // A word followed by the values' own quantity is about them; slowdown is slower.
  for (const [numbers, prefix] of [
    ['Latency 45 ms → 120 ms (2.7× lower latency)', '2.7×: inconsistent — the values increase (45 ms → 120 ms) while the claim says they decrease (“lower”); '],
    ['Memory 10 GB → 40 GB (4× less memory)', '4×: inconsistent — the values increase (10 GB → 40 GB) while the claim says they decrease (“less”); '],
    ['Steps 25k → 100k (4× fewer steps)', '4×: inconsistent — the values increase (25k → 100k) while the claim says they decrease (“fewer”); '],
    ['Ours 40 GB vs baseline 10 GB (4× less memory)', '4×: inconsistent — Ours (40 GB) is more than baseline (10 GB) while the claim says “less”; '],
    ['Latency 120 ms → 45 ms (2.7× slowdown)', '2.7×: inconsistent — the values decrease (120 ms → 45 ms) while the claim says they increase (“slowdown”); '],
    ['Decode 30 → 90 tokens/s (3× slowdown)', '3×: inconsistent — the values increase (30 → 90 tokens/s) while the claim says they decrease (“slowdown”); '],
  ]) {
    assertContradicted(numbers, prefix, 'ratio');
  }
  // A unit assumed for a bare value does not turn a wrong direction into "fits neither reading".
  assertContradicted('Ours 120 vs baseline 45 ms (2.7× faster)', '2.7×: inconsistent — Ours (120) is more than baseline (45 ms) while the claim says it is less (“faster”); larger / smaller gives 2.626…2.708×', 'ratio');
  // A word about another quantity than the values (a benefit, a noun after the word) says nothing of their direction.
  for (const numbers of ['Error 10% → 5% (2× improvement)', 'Latency 120 ms → 45 ms (2.7× higher throughput)', 'Ours 45 ms vs baseline 120 ms (2.7× higher throughput)', 'Memory 40 GB → 20 GB (2× more efficient)', 'Ours 7 GB vs baseline 28 GB (4× more memory-efficient)', 'KV cache 40 GB → 10 GB (4× longer context)', 'Memory 80 GB → 20 GB (4× larger batch)', 'Latency (ms) 120 → 45 (2.7× gain)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  for (const numbers of ['Ours 45 ms vs baseline 120 ms (2.7× faster)', 'Baseline 120 ms vs ours 45 ms (2.7× faster)', 'Dense 13B vs MoE 2.6B params (5× fewer)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  // Unlabelled comparisons are written both ways round, and one label names the metric, not a side: not checked.
  for (const numbers of ['Latency 120 ms vs 45 ms (2.7× faster)', 'Latency 45 ms vs 120 ms (2.7× faster)', 'KV cache 2.0 MB vs 0.25 MB per token (8× smaller)']) {
    assert.deepEqual(flagged(card(numbers, 'Trims the KV cache and the latency.')), [], numbers);
  }
  // For rates, "faster" means more: a throughput that fell is contradicted too.
  assertContradicted('300 → 100 tokens/s (3× faster)', '3×: inconsistent — the values decrease (300 → 100 tokens/s) while the claim says they increase (“faster”); ', 'ratio');
  // "Faster" says nothing about the direction of values that are neither times nor rates.
  assert.deepEqual(flagged(card('300 → 100 steps (3× faster)')), []);
});

// ---- "X% faster" for durations: a speed-up or a time reduction ----------------------------------------------------

test('"X% faster" for durations: the speed-up (before ÷ after − 1) and the time reduction (1 − after ÷ before) are both accepted, and the message names the one that fits', () => {
  const speedUp = only(card('Latency 1900 ms → 1250 ms (52% faster)'), 'percent-change');
  assert.equal(speedUp.verdict, 'consistent');
  assert.equal(speedUp.severity, 'info');
  assert.equal(speedUp.message, '52%: ✓ consistent — speed-up: before ÷ after − 1 (in percent) gives 51.90…52.10%');
  assert.equal(speedUp.explanation.formula, 'speed-up: before ÷ after − 1 (in percent)');
  assert.equal(speedUp.fix, undefined);
  const reduction = only(card('Latency 1900 ms → 1250 ms (34% faster)'), 'percent-change');
  assert.equal(reduction.verdict, 'consistent');
  assert.equal(reduction.message, '34%: ✓ consistent — time reduction: 1 − after ÷ before (in percent) gives 34.17…34.25%');
  // The other words of speed, and "speeds up … by", read the same way; so do values in two units of time.
  for (const numbers of ['Latency 1900 ms → 1250 ms (52% speedup)', 'Latency 1900 ms → 1250 ms (52% speed-up)', 'Latency 1900 ms → 1250 ms (52% quicker)', '1.9 s → 1,250 ms (52% faster)', 'Latency 1900 ms vs 1250 ms (52% faster)']) {
    const c = only(card(numbers), 'percent-change');
    assert.equal(c.verdict, 'consistent', `${numbers}: ${c.message}`);
    assert.match(c.explanation.formula, /^speed-up: (before ÷ after|larger ÷ smaller) − 1/, numbers);
  }
  assert.equal(only(card('Latency 1900 ms → 1250 ms', 'It speeds up inference by 52%.'), 'percent-change').verdict, 'consistent');
  // A range of speed stated elsewhere is read both ways too.
  const range = (title: string): Check => only(card('Latency 1900 ms → 1250 ms', 'A finding.', title), 'range');
  assert.match(range('Inference 40–60% faster').message, /^40–60%: ✓ consistent — the numbers from the Numbers line give 52\.0% \(speed-up: before ÷ after − 1 /);
  assert.match(range('Inference 30–40% faster').message, /^30–40%: ✓ consistent — the numbers from the Numbers line give 34\.2% \(time reduction: 1 − after ÷ before /);
  assert.equal(range('Inference 60–80% faster').verdict, 'inconsistent');
  assert.equal(range('Inference 40–60% lower latency').verdict, 'inconsistent');
  // Neither fits: judged and fixed in the closer reading, and the message says what the other one gave.
  assertCheck('Latency 1900 ms → 1250 ms (40% faster)', 'percent-change', {
    verdict: 'inconsistent',
    message: '40%: inconsistent — time reduction: 1 − after ÷ before (in percent) gives 34.17…34.25%; the speed-up reading (before ÷ after − 1) gives 51.90…52.10%, which does not fit either; closest consistent value: 34%',
    fix: '34',
  });
  const nearer = assertCheck('Latency 1900 ms → 1250 ms (45% faster)', 'percent-change', { verdict: 'inconsistent', fix: '52' });
  assert.equal(nearer.explanation.formula, 'speed-up: before ÷ after − 1 (in percent)');
  // Times that went up are not faster: said so, and no fix.
  assertContradicted('Latency 1250 ms → 1900 ms (52% faster)', '52%: inconsistent — the values increase (1250 ms → 1900 ms) while the claim says they decrease (“faster”); ');
});

test('"X% slower" for durations is the mirror: the slow-down (after ÷ before − 1) or the speed reduction (1 − before ÷ after)', () => {
  const slowDown = only(card('Latency 1000 ms → 1200 ms (20% slower)'), 'percent-change');
  assert.equal(slowDown.verdict, 'consistent');
  assert.equal(slowDown.message, '20%: ✓ consistent — slow-down: after ÷ before − 1 (in percent) gives 19.89…20.11%');
  const speedLoss = only(card('Latency 1000 ms → 1200 ms (17% slower)'), 'percent-change');
  assert.equal(speedLoss.verdict, 'consistent');
  assert.equal(speedLoss.message, '17%: ✓ consistent — speed reduction: 1 − before ÷ after (in percent) gives 16.59…16.74%');
  assert.equal(only(card('Latency 1000 ms → 1200 ms (30% slower)'), 'percent-change').fix?.replacement, '20');
  // Times that went down are not slower (before, the fix repeated the stated 20).
  assertContradicted('Latency 1200 ms → 1000 ms (20% slower)', '20%: inconsistent — the values decrease (1200 ms → 1000 ms) while the claim says they increase (“slower”); ');
});

test('"X% faster" for rates (tokens/s, GB/s, per second, QPS): the rate increase (after ÷ before − 1) and the time reduction (1 − before ÷ after) are both accepted', () => {
  const speedUp = only(card('Throughput 1250 → 1900 tokens/s (52% faster)'), 'percent-change');
  assert.equal(speedUp.verdict, 'consistent');
  assert.equal(speedUp.explanation.formula, 'speed-up: after ÷ before − 1 (in percent)');
  // A rate named before the values: in the label, or before a colon.
  for (const numbers of ['Throughput (tokens/s) 30 → 90 (67% faster)', 'Throughput (tokens/s) 30 → 90 (200% faster)', 'Throughput: 30 → 90 (3× faster)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  assertContradicted('Throughput: 90 → 30 (3× faster)', '3×: inconsistent — the values decrease (90 → 30) while the claim says they increase (“faster”); ', 'ratio');
  const timeCut = only(card('60 → 100 tokens/s (40% faster)'), 'percent-change');
  assert.equal(timeCut.verdict, 'consistent', timeCut.message);
  assert.equal(timeCut.explanation.formula, 'time reduction: 1 − before ÷ after (in percent)');
  for (const numbers of ['Bandwidth 12 GB/s → 20 GB/s (67% faster)', '1,200 → 2,800 QPS (133% faster)', '1,200 → 2,800 samples per second (133% faster)', '60 → 100 it/s (67% quicker)']) {
    assert.deepEqual(flagged(card(numbers)), [], numbers);
  }
  // "Slower" is the mirror: the speed reduction (1 − after ÷ before) or the slow-down (before ÷ after − 1).
  assert.deepEqual(flagged(card('100 → 60 tokens/s (40% slower)')), []);
  assert.deepEqual(flagged(card('100 → 60 tokens/s (67% slower)')), []);
  // Neither reading: judged in the closer one, and the message gives the other.
  const wrong = only(card('60 → 100 tokens/s (50% faster)'), 'percent-change');
  assert.equal(wrong.verdict, 'inconsistent');
  assert.equal(wrong.fix?.replacement, '40');
  assert.match(wrong.message, /the speed-up reading \(after ÷ before − 1\) gives 64\.46…68\.91%, which does not fit either/);
  // A rate that fell is not faster: a contradicted direction, with no fix (before, "40%" was offered).
  assertContradicted('100 → 60 tokens/s (67% faster)', '67%: inconsistent — the values decrease (100 → 60 tokens/s) while the claim says they increase (“faster”); ');
});

test('"X% faster" is a time reduction only with words of time, and keeps its old readings for values that are not durations', () => {
  // "reduction", "less time", "lower latency": 1 − after ÷ before only.
  for (const word of ['reduction', 'less time', 'lower latency']) {
    const c = only(card(`Latency 1900 ms → 1250 ms (52% ${word})`), 'percent-change');
    assert.equal(c.verdict, 'inconsistent', `${word}: ${c.message}`);
    assert.equal(c.explanation.formula, '(before − after) / before × 100');
    assert.equal(c.fix?.replacement, '34');
    assert.deepEqual(flagged(card(`Latency 1900 ms → 1250 ms (34% ${word})`)), [], word);
  }
  // Values that are neither times nor rates: "faster" keeps both directions of a relative change.
  const steps = only(card('Steps 1250 → 1900 (52% faster)'), 'percent-change');
  assert.equal(steps.verdict, 'consistent');
  assert.equal(steps.explanation.formula, '(after − before) / before × 100');
  // A factor is larger ÷ smaller whatever the word.
  assert.deepEqual(flagged(card('Latency 1900 ms → 1250 ms (1.52× faster)')), []);
});

// ---- a bare percentage in brackets after a change ---------------------------------------------------------------

test('a percentage in brackets without a sign or a word after a change is checked as the change, in the direction the values move', () => {
  const up = assertCheck('1,250 → 1,900 (52%)', 'percent-change', {
    verdict: 'consistent',
    message: '52%: ✓ consistent — (after − before) / before × 100 (the claim states no direction: taken from the values, which increase) gives 51.90…52.10%',
    fix: undefined,
  });
  assert.equal(up.explanation.formula, '(after − before) / before × 100 (the claim states no direction: taken from the values, which increase)');
  const down = only(card('27.1 GB → 2.1 GB (92%)'), 'percent-change');
  assert.equal(down.verdict, 'consistent');
  assert.match(down.explanation.formula, /^\(before − after\) \/ before × 100 \(the claim states no direction: taken from the values, which decrease\)$/);
  // Wrong sizes are caught and fixed like any change.
  assertCheck('27.1 GB → 2.1 GB (93%)', 'percent-change', {
    verdict: 'near-miss',
    message: '93%: a near miss — (before − after) / before × 100 (the claim states no direction: taken from the values, which decrease) gives 92.05…92.45%; closest consistent value: 92%',
    fix: '92',
  });
  // Further off, with no sign or word, it may measure something else (a scaling efficiency): a warning, no fix.
  const far = assertCheck('1,250 → 1,900 (60%)', 'percent-change', {
    verdict: 'unverifiable',
    message: '60%: unverifiable — 60% has no sign or word saying what it measures, and it is neither the change the values give (51.90…52.10%) nor what is left of the before value',
    fix: undefined,
  });
  assert.equal(far.severity, 'warning');
  assert.equal(only(card('from 8 to 512 GPUs (94%)'), 'percent-change').severity, 'warning');
  // With a sign, a wrong size is an error as before.
  assert.equal(assertCheck('1,250 → 1,900 (+60%)', 'percent-change', { verdict: 'inconsistent', fix: '+52' }).explanation.closest, '+52%');
  // In prose too, after "from … to …".
  assert.equal(only(card('none', 'Memory falls from 27.1 GB to 2.1 GB (92%).'), 'percent-change').verdict, 'consistent');
  // Between percentages: points or a relative change, as for any % change.
  assert.equal(only(card('EM 40.0% → 50.0% (25%)'), 'percent-change').verdict, 'consistent');
  const pts = only(card('EM 50.0% → 40.0% (10%)'), 'difference');
  assert.equal(pts.verdict, 'consistent');
  assert.equal(pts.message, '10%: ✓ consistent — before − after (the claim states no direction: taken from the values, which decrease) gives 9.90…10.10 pp');
});

test('a percentage in brackets after a change that is not the change: a share of the before value is accepted, a restated value and other brackets are left alone', () => {
  // What is left rather than what went: accepted when it fits, never used to fix.
  const share = only(card('Tokens 7B → 1.4B (20%)'), 'percent-change');
  assert.equal(share.verdict, 'consistent');
  assert.equal(share.message, '20%: ✓ consistent — after / before × 100 (the after value as a share of the before value) gives 18.00…22.31%');
  assert.equal(only(card('27.1 GB → 2.1 GB (8%)'), 'percent-change').verdict, 'consistent');
  // A percentage that restates one of the values is not a claim about the change.
  assert.deepEqual(card('Recall 0.612 → 0.740 (74.0%)'), []);
  assert.deepEqual(card('Acc 71.3% → 74.0% (74.0%)'), []);
  // Labels, counts and settings in brackets, and percentages that are values, are not changes.
  assert.deepEqual(flagged(card('GSM8K 28.6% (QLoRA) vs 23.3% (VeRA)')), []);
  assert.deepEqual(card('accuracy 71.3 → 74.0 (n=5)'), []);
  assert.deepEqual(flagged(card('loss 1.9 → 1.7 (10%)')), []);
  assert.deepEqual(card('accuracy 71.3 → 74.0 (10% labels)'), []);
  // A comparison, and a claim with no numbers beside it, are still not read this way.
  assert.deepEqual(card('Ours 40.8% vs baseline 38.4% (96%)'), []);
  assert.deepEqual(card('1,250 → 1,900', 'Throughput rises (52%).'), []);
});

// ---- how computed intervals are written ---------------------------------------------------------------------

test('a computed interval near zero is written at the precision of its ends, and an end of zero as 0', () => {
  // Reported: "−1.6598…0.0000%": four significant digits of the point (−0.83) gave four decimals, and the exact
  // zero end read as a rounded value.
  const down = only(card('12.0 → 11.9 (−2%)'), 'percent-change');
  assert.equal(down.message, '−2%: consistent only within rounding — (after − before) / before × 100 gives −1.660…0%');
  assert.equal(down.explanation.result, '−0.833% (over the rounding intervals: −1.660…0%)');
  const cmp = only(card('A 12.0 vs B 11.9 (−2%)'), 'percent-change');
  assert.equal(cmp.computed, '−1.660…0%');
  // A point of zero asked for no decimals at all ("−1…1%").
  const none = only(card('12.0 → 12.0 (+1%)'), 'percent-change');
  assert.equal(none.computed, '−0.8299…0.8368%');
  assert.equal(none.explanation.result, '0% (over the rounding intervals: −0.8299…0.8368%)');
  // Unchanged away from zero: the stated precision or four significant digits, whichever is finer.
  assert.equal(only(card('36.0 GB → 9.0 GB (80% reduction)'), 'percent-change').computed, '74.83…75.17%');
});

// ---- a range's closest value ------------------------------------------------------------------------------------

test('a range claim outside the numbers: the closest value is one the numbers give, at the precision they are shown', () => {
  // Reported: "8" for a ratio of 7.61…7.69× (rounded to the range's end, 1000, with no decimals): not a value the
  // numbers give.
  const ratio = only(card('LoRA 765K → LoRA-XS 100K', 'A finding.', '10–1000x less storage'), 'range');
  assert.equal(ratio.verdict, 'inconsistent');
  assert.equal(ratio.computed, '7.61…7.69×');
  assert.equal(ratio.explanation.closest, '7.69×');
  // The computed interval is written "52.1%" at one decimal; the closest value takes more decimals to lie inside it
  // (it was "52").
  const narrow = only(card('Memory 100.00 GB → 47.94 GB', 'A finding.', 'Uses 40–50% less memory'), 'range');
  assert.equal(narrow.computed, '52.1%');
  assert.equal(narrow.explanation.closest, '52.06%');
  // Above the range, the low end of what the numbers give (it was "48", above 47.7).
  const near = only(card('Memory 100 GB → 52.06 GB', 'A finding.', 'Uses 40–47% less memory'), 'range');
  assert.equal(near.verdict, 'near-miss');
  assert.equal(near.computed, '47.7…48.2%');
  assert.equal(near.explanation.closest, '47.7%');
});

test('a range claim the values contradict: the message says which way they move, and no closest value is given', () => {
  // Reported: only "outside the stated range", with a closest value for a reduction of values that went up.
  const up = only(card('Memory 5.0 GB → 7.65 GB', 'A finding.', 'Uses 40–60% less memory'), 'range');
  assert.equal(up.verdict, 'inconsistent');
  assert.equal(up.message, '40–60%: inconsistent — the values increase (5.0 GB → 7.65 GB) while the claim says they decrease (“less”); the numbers from the Numbers line give −53.0% ((before − after) / before × 100: Memory = 5.0 GB, after = 7.65 GB), outside the stated range');
  assert.equal(up.explanation.closest, undefined);
  assert.equal(up.fix, undefined);
  // Durations that went up are not faster.
  const slow = only(card('Latency 1250 ms → 1900 ms', 'A finding.', '40–60% faster inference'), 'range');
  assert.match(slow.message, /^40–60%: inconsistent — the values increase \(1250 ms → 1900 ms\) while the claim says they decrease \(“faster”\); /);
  assert.equal(slow.explanation.closest, undefined);
  // Values that move the way the word says keep their closest value; so does a comparison.
  const over = only(card('Memory 20.0 GB → 7.65 GB', 'A finding.', 'Uses 40–60% less memory'), 'range');
  assert.equal(over.message, '40–60%: inconsistent — the numbers from the Numbers line give 61.8% ((before − after) / before × 100: Memory = 20.0 GB, after = 7.65 GB), outside the stated range');
  assert.equal(over.explanation.closest, '61.7%');
  assert.equal(only(card('A 5.0 GB vs B 7.65 GB', 'A finding.', 'Uses 40–60% less memory'), 'range').explanation.closest, '35.3%');
  // An x-fold range is checked for its word like a single ratio: the ratio lies inside, the direction is wrong.
  const faster = only(card('Latency 45 ms → 120 ms', 'A finding.', 'A method 2–3× faster'), 'range');
  assert.equal(faster.verdict, 'inconsistent');
  assert.equal(faster.message, '2–3×: inconsistent — the values increase (45 ms → 120 ms) while the claim says they decrease (“faster”); the numbers from the Numbers line give 2.67× (larger / smaller: after = 120 ms, Latency = 45 ms)');
  assert.equal(faster.explanation.closest, undefined);
  // The sample's LoRA-XS card: "less storage" names another quantity than the parameter counts; not checked for it.
  assert.equal(only(card('LoRA 800K → LoRA-XS 60K', 'A finding.', 'LoRA-XS: 10–1000x less storage'), 'range').verdict, 'consistent');
  assert.deepEqual(flagged(card('Latency 1900 ms → 700 ms', 'A finding.', 'A method 2–3× faster')), []);
});

test('a bare value against seconds is also read in seconds, so "faster" has its readings for durations', () => {
  // Reported: 1.9 s → 1250 (52% faster) was fixed to "65689%": a value in seconds (no multiplier) gave no reading
  // with the unit, so the pair was not read as durations.
  const far = only(card('1.9 s → 1250 (52% faster)'), 'percent-change');
  assert.equal(far.verdict, 'inconsistent');
  assert.match(far.message, /^52%: inconsistent — the values increase \(1\.9 s → 1250\) while the claim says they decrease \(“faster”\); speed-up: /);
  assert.match(far.message, /1\.9 s → 1250 has a unit on one side only: 1250 is read as 1250 s, like 1\.9 s; read as written it gives 63977…67495%, and 52% fits neither reading$/);
  assert.equal(far.fix, undefined);
  assert.equal(far.explanation.closest, undefined);
  // The reading with the unit fits: accepted, and the message says which unit was assumed (it was fixed to 34%).
  const fits = only(card('1.9 s → 1.25 (52% faster)'), 'percent-change');
  assert.equal(fits.verdict, 'consistent');
  assert.equal(fits.message, '52%: ✓ consistent — speed-up: before ÷ after − 1 (in percent) gives 47.41…56.63%; 1.9 s → 1.25 has a unit on one side only: 1.25 is read as 1.25 s, like 1.9 s');
  // A wrong size is judged and fixed in the reading with the unit.
  assert.equal(only(card('1.9 s → 1.25 (60% faster)'), 'percent-change').fix?.replacement, '52');
});

test('a claim after a chain of changes (40 GB → 20 GB → 10 GB) is read against the whole chain as well as its last step', () => {
  // Reported: "(4× smaller)" after 40 → 20 → 10 GB was an error against the last step (2×), with a fix to 2.
  const whole = only(card('40 GB → 20 GB → 10 GB (4× smaller)'), 'ratio');
  assert.equal(whole.verdict, 'consistent');
  assert.match(whole.explanation.inputs.join('; '), /40 GB/);
  assert.equal(only(card('40 GB -> 20 GB -> 10 GB (75% reduction)'), 'percent-change').verdict, 'consistent');
  // The last step still counts, and wins a tie: a claim that fits neither is judged against it.
  const step = only(card('40 GB → 20 GB → 10 GB (50% reduction)'), 'percent-change');
  assert.equal(step.verdict, 'consistent');
  assert.match(step.explanation.inputs.join('; '), /20 GB/);
  assert.doesNotMatch(step.explanation.inputs.join('; '), /40 GB/);
  const neither = only(card('40 GB → 20 GB → 10 GB (3× smaller)'), 'ratio');
  assert.equal(neither.verdict, 'near-miss');
  assert.equal(neither.fix?.replacement, '2');
  // Three steps: the chain runs from its first value.
  assert.equal(only(card('80 GB → 40 GB → 20 GB → 10 GB (8× smaller)'), 'ratio').verdict, 'consistent');
  // Separate clauses are not a chain.
  assert.equal(only(card('40 GB → 20 GB; 20 GB → 10 GB (4× smaller)'), 'ratio').verdict, 'inconsistent');
  // The whole chain is a reading only when it fits: a wrong claim is judged and fixed as one about the last step
  // (here it names the middle value).
  const middle = only(card('FP16 13.5 GB → INT8 7.1 GB → INT4 3.9 GB (65% less than INT8)'), 'percent-change');
  assert.equal(middle.fix?.replacement, '45');
  assert.equal(only(card('Latency 120 ms → 80 ms → 45 ms (3.5× faster)'), 'ratio').fix?.replacement, '1.8');
  // A claim in the title or key finding may be about the whole chain of the Numbers line too.
  const chain = 'FP16 13.5 GB → INT8 7.1 GB → INT4 3.9 GB';
  assert.deepEqual(flagged(card(chain, 'INT4 cuts memory by 71% versus FP16.', 'INT4 quantization makes LLaMA-7B 3.5× smaller')).map((c) => c.message), []);
  assert.deepEqual(flagged(card(chain, 'INT4 cuts memory by 45% versus INT8.', 'INT8 makes LLaMA-7B 1.9× smaller')).map((c) => c.message), []);
  assert.equal(only(card(chain, 'A finding.', 'Makes LLaMA-7B 2.5× smaller'), 'ratio').verdict, 'inconsistent');
});

test('a percentage against a comparison is checked for its word on the side labelled ours, like an x-fold claim', () => {
  // Reported: "Ours 60 tokens/s vs baseline 100 tokens/s (40% faster)" passed: 40% is the time reduction, but ours is
  // the slower one.
  const rate = only(card('Ours 60 tokens/s vs baseline 100 tokens/s (40% faster)'), 'percent-change');
  assert.equal(rate.verdict, 'inconsistent');
  assert.match(rate.message, /^40%: inconsistent — Ours \(60 tokens\/s\) is less than baseline \(100 tokens\/s\) while the claim says it is more \(“faster”\)/);
  assert.equal(rate.fix, undefined);
  const time = only(card('Ours 45 ms vs baseline 120 ms (62% slower)'), 'percent-change');
  assert.equal(time.verdict, 'inconsistent');
  assert.match(time.message, /Ours \(45 ms\) is less than baseline \(120 ms\)/);
  const memory = only(card('Ours 40 GB vs baseline 20 GB (50% less memory)'), 'percent-change');
  assert.equal(memory.verdict, 'inconsistent');
  // The right way round, either order, is consistent; so is a comparison with no side labelled ours.
  assert.equal(only(card('Ours 45 ms vs baseline 120 ms (62% faster)'), 'percent-change').verdict, 'consistent');
  assert.equal(only(card('Baseline 120 ms vs ours 45 ms (62% lower latency)'), 'percent-change').verdict, 'consistent');
  assert.equal(only(card('Ours 20 GB vs baseline 40 GB (50% less memory)'), 'percent-change').verdict, 'consistent');
  assert.equal(only(card('FP16 45 ms vs INT8 120 ms (62% slower)'), 'percent-change').verdict, 'consistent');
  // `method`, `new` or `our baseline` do not make a side ours: no direction is checked.
  for (const numbers of ['Prior method 120 ms vs FlashAttention 45 ms (62% faster)', "Newton's method 120 ms vs L-BFGS 45 ms (62% faster)", 'LoRA 48 ms vs full fine-tuning method 101 ms (52% faster)', 'Our baseline 120 ms vs + KV compression 45 ms (62% faster)']) {
    assert.deepEqual(flagged(card(numbers)).map((c) => c.message), [], numbers);
  }
  // A word about something else than the values says nothing of them.
  assert.equal(flagged(card('Ours 20 GB vs baseline 40 GB (100% more efficient)')).length, 0);
});

test('a rate keeps its "/s" in messages and inputs (100 GB/s, 60 tokens/s), which the value\'s unit leaves out', () => {
  const c = only(card('Throughput: 100 GB/s -> 300 GB/s (2x faster)'), 'ratio');
  assert.deepEqual(c.explanation.inputs.map((i) => i.split(' (')[0]), ['after = 300 GB/s', 'before = 100 GB/s']);
  const fell = only(card('60 tokens/s -> 100 tokens/s (40% slower)'), 'percent-change');
  assert.match(fell.message, /the values increase \(60 tokens\/s → 100 tokens\/s\)/);
  // Written once, after the second value, like a shared unit.
  const once = only(card('Bandwidth 300 -> 900 GB/s (2x higher)'), 'ratio');
  assert.deepEqual(once.explanation.inputs.map((i) => i.split(' (')[0]), ['after = 900 GB/s', 'Bandwidth = 300 GB/s']);
  assert.match(once.explanation.inputs[1], /unit taken from 900 GB\/s/);
  assert.deepEqual(only(card('Decode 30 -> 90 tokens/s (2x faster)'), 'ratio').explanation.inputs.map((i) => i.split(' (')[0]), ['after = 90 tokens/s', 'Decode = 30 tokens/s']);
  // And what it is per: `GB/s/GPU` is not shown as `GB/s`.
  assert.deepEqual(only(card('Bandwidth 100 GB/s/GPU -> 300 GB/s/GPU (2x faster)'), 'ratio').explanation.inputs.map((i) => i.split(' (')[0]), ['after = 300 GB/s/GPU', 'Bandwidth = 100 GB/s/GPU']);
  // A bare value compared with two rates takes each one's rate in its own check, not the first one described.
  const twoRates = card('Ours 60 vs A 100 tokens/s, B 120 samples/s (40% slower than A, 50% slower than B)').filter((c) => c.kind === 'percent-change');
  assert.deepEqual(twoRates.map((c) => c.explanation.inputs.find((i) => i.startsWith('Ours'))?.split(' (')[0]), ['Ours = 60 tokens/s', 'Ours = 60 samples/s']);
  // Not a rate: nothing added.
  assert.match(only(card('120 ms -> 45 ms (2.7x slower)'), 'ratio').message, /\(120 ms → 45 ms\)/);
});

test('a claim that names memory is not checked against the times in its clause', () => {
  // Reported: "40% less memory" was checked against the latencies before it and fixed to 52%.
  const checks = card('Ours 48 ms vs baseline 101 ms (2.1× faster, 40% less memory)');
  assert.deepEqual(flagged(checks).map((c) => c.message), []);
  assert.equal(only(checks, 'ratio').verdict, 'consistent');
  assert.equal(checks.find((c) => c.stated === '40%')?.verdict, 'unverifiable');
  // Words that fit the values are still checked against them.
  assert.equal(only(card('Ours 48 ms vs baseline 101 ms (48% lower latency)'), 'percent-change').fix?.replacement, '52');
  assert.equal(only(card('Memory 20 GB -> 10 GB (40% less memory)'), 'percent-change').verdict, 'inconsistent');
});

test('a claim that names its reference (54% less than QLoRA) is read against the pairs with a value so labelled, the other side on the side its word says', () => {
  // Reported: with three values compared, the claim was read against the last pair only (fix 66).
  const line = 'Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB';
  assert.deepEqual(flagged(card(`${line} (54% less than QLoRA)`)).map((c) => c.message), []);
  assert.deepEqual(flagged(card(`${line} (84% less than FP16)`)).map((c) => c.message), [], 'the first against the last, not adjacent');
  assert.equal(only(card(`${line} (70% less than QLoRA)`), 'percent-change').fix?.replacement, '54');
  // In a chain, "less than INT8" is about the value after INT8, not before it.
  assert.equal(only(card('FP16 13.5 GB → INT8 7.1 GB → INT4 3.9 GB (65% less than INT8)'), 'percent-change').fix?.replacement, '45');
});

test('a claim after three values compared, naming no reference, may be about the first two (Ours against the first it is compared with)', () => {
  // Reported: `(54% less)` was an error with a fix to 66, the last pair's figure.
  const line = 'Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB';
  assert.deepEqual(flagged(card(`${line} (54% less)`)).map((c) => c.message), []);
  assert.deepEqual(flagged(card(`${line} (66% less)`)).map((c) => c.message), [], 'the last pair');
  assert.deepEqual(flagged(card(`${line} (84% less)`)).map((c) => c.message), [], 'the whole chain');
  // A figure that fits no pair is still judged, and fixed, as one about the last pair.
  assert.equal(only(card(`${line} (30% less)`), 'percent-change').fix?.replacement, '66');
  // Changes are not read so: after `40 → 20 → 10 GB`, `2× smaller` is the last step, and 4× the whole chain.
  assert.equal(only(card('Memory 40 GB → 30 GB → 10 GB (25% less)'), 'percent-change').verdict, 'inconsistent');
});

test('an "improvement" goes the way of its metric: down for perplexity and latency, up for accuracy', () => {
  // Each was an error ("the values decrease … while the claim says they increase").
  for (const numbers of ['Perplexity 5.68 → 5.47 (3.7% improvement)', 'Latency 200 ms → 150 ms (25% improvement)', 'Accuracy 60.0 → 66.0 (10% improvement)']) {
    const c = only(card(numbers), 'percent-change');
    assert.equal(c.verdict, 'consistent', `${numbers}: ${c.message}`);
  }
  // The wrong way for its metric is still an error, and the message says which way the word wants.
  const worse = only(card('Perplexity 5.47 → 5.68 (3.8% improvement)'), 'percent-change');
  assert.equal(worse.verdict, 'inconsistent');
  assert.match(worse.message, /the values increase \(5\.47 → 5\.68\) while the claim says they decrease \(“improvement”\)/);
  const lower = only(card('Accuracy 66.0 → 60.0 (9.1% improvement)'), 'percent-change');
  assert.equal(lower.verdict, 'inconsistent');
  assert.match(lower.message, /while the claim says they increase/);
  // A metric the card does not name either way: the size is checked, whichever way the values move.
  const unnamed = only(card('Value 5.68 → 5.47 (3.7% improvement)'), 'percent-change');
  assert.equal(unnamed.verdict, 'consistent', unnamed.message);
});

test('a rate is better higher: "improves" on 200 → 800 GB/s agrees (it was read as bytes, lower is better)', () => {
  const checks = card('Effective bandwidth 200 GB/s → 800 GB/s (4× higher)', 'Compression improves effective bandwidth.');
  const d = only(checks, 'direction');
  assert.equal(d.verdict, 'consistent', d.message);
  assert.match(d.message, /higher is better/);
  const wrong = only(card('Effective bandwidth 800 GB/s → 200 GB/s (4× lower)', 'Offloading improves effective bandwidth.'), 'direction');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
});

test('multiples that count hardware or name a procedure are not claims: 8x A100, 2× GPUs, 10-fold cross-validation, 4x upscaled', () => {
  // Each was checked as a ratio against Memory 320 GB → 80 GB and flagged as an error with a "fix" of 4x.
  const checks = card('Memory 320 GB → 80 GB', 'The method keeps accuracy.', 'Fine-tune a 70B model on 2x A100 instead of 8x A100', 'Evaluated with 10-fold cross-validation on 2× GPUs; gives 4x upscaled images.');
  assert.deepEqual(checks.filter((c) => c.kind === 'ratio').map((c) => c.stated), []);
  // A multiple with a size word after it is still a claim, and a wrong one is still caught.
  const wrong = only(card('Memory 320 GB → 80 GB', 'The method needs 2x less memory on 8x A100.'), 'ratio');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.stated, '2x');
});

/** One card whose summary is `summary`, checked. */
const withSummary = (numbers: string, summary: string): Check[] => card(numbers, 'A finding.', 'A method for testing', summary);
/** Asserts that no check of `checks` is a warning or an error. */
const assertNoFlags = (checks: Check[]): void => assert.deepEqual(flagged(checks).map((c) => c.message), []);
/** Asserts that `checks` hold one check of `kind`, with `verdict`. */
const assertVerdict = (checks: Check[], kind: string, verdict: Check['verdict']): void => {
  const c = only(checks, kind);
  assert.equal(c.verdict, verdict, c.message);
};

test('direction words: "all-reduce" names an operation, and "lower serving bills" is not about a bandwidth', () => {
  // Both were errors: "the numbers say otherwise — 800 GB vs Effective bandwidth 200 GB".
  assertNoFlags(card('Effective bandwidth 200 GB/s → 800 GB/s (4× higher)', 'Compression speeds up the all-reduce.', 'Faster all-reduce', 'Teams can lower serving bills by moving less data between GPUs.'));
  // A rate named near the word is still held to it.
  assertVerdict(withSummary('Effective bandwidth 800 GB/s → 200 GB/s (4× lower)', 'Offloading reduces effective bandwidth.'), 'direction', 'consistent');
  assertVerdict(withSummary('Effective bandwidth 200 GB/s → 800 GB/s (4× higher)', 'Offloading reduces effective bandwidth.'), 'direction', 'inconsistent');
});

test('a claim that names its reference takes the value labelled exactly so: "than LoRA" is LoRA, not LoRA-XS', () => {
  // Was an error against LoRA-XS 60K vs VeRA 20K ("closest consistent value: 3×").
  const right = only(card('Params: LoRA 800K → LoRA-XS 60K → VeRA 20K (LoRA-XS 13× fewer than LoRA)'), 'ratio');
  assert.equal(right.verdict, 'consistent', right.message);
  assert.match(right.message, /13\.21…13\.45×/);
  const wrong = only(card('Params: LoRA 800K → LoRA-XS 60K → VeRA 20K (LoRA-XS 3× fewer than LoRA)'), 'ratio');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.explanation.closest, '13×');
});

test('a percentage of speed beside a memory pair is not about the memory: "(45% less), 12% slowdown"', () => {
  // Both were errors: "12%: … gives 43.04…46.91%; closest consistent value: 45%".
  assert.deepEqual(flagged(card('Peak memory 40 GB → 22 GB (45% less), 12% slowdown')).map((c) => c.message), []);
  assert.deepEqual(flagged(card('none', 'Memory drops from 48 GB to 30 GB (37.5% less) with a 7% slowdown.')).map((c) => c.message), []);
  // The memory claim itself is still checked.
  const wrong = only(card('Peak memory 40 GB → 22 GB (12% less), 45% slowdown'), 'percent-change');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.stated, '12%');
});

test('points between scores written as fractions: 0.612 → 0.740 is +12.8 pts', () => {
  // Was an error: "after − before gives 0.1270…0.1290; closest consistent value: +0.1 pts".
  const right = only(card('Accuracy 0.612 → 0.740 (+12.8 pts)'), 'difference');
  assert.equal(right.verdict, 'consistent', right.message);
  assert.equal(right.explanation.formula, '(after − before) × 100 (scores as fractions)');
  assert.equal(only(card('AUC 0.912 vs 0.897 (+1.5 pts)'), 'difference').verdict, 'consistent');
  assert.equal(only(card('Error 0.150 → 0.120 (−3.0 pts)'), 'difference').verdict, 'consistent');
  // A wrong number of points is still caught, and its fix is in points.
  const wrong = only(card('F1 0.71 → 0.75 (+9 points)'), 'difference');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.fix?.replacement, '+4');
});

test('a factor that names both its sides is read against those two values, not whichever pair fits', () => {
  const chain = 'FP32 28 GB → FP16 14 GB → INT4 3.5 GB';
  // Were consistent against FP32 → FP16 (2×): INT4 against FP32 is 8×.
  const finding = only(card(chain, 'INT4 is 2× smaller than FP32.'), 'ratio');
  assert.equal(finding.verdict, 'inconsistent', finding.message);
  assert.equal(finding.explanation.closest, '8×');
  assert.equal(only(card(`${chain} (INT4 2× smaller than FP32)`), 'ratio').explanation.closest, '8×');
  assert.equal(only(card(chain, 'INT4 is 8× smaller than FP32.'), 'ratio').verdict, 'consistent');
  assert.equal(only(card(chain, 'FP16 is 2× smaller than FP32.'), 'ratio').verdict, 'consistent');
  // A comparison chain: the subject against the named reference.
  const ours = only(card('Ours 2.1 GB vs QLoRA 4.6 GB vs FP16 13.5 GB', 'Ours needs 2.2× less memory than FP16.'), 'ratio');
  assert.equal(ours.verdict, 'inconsistent', ours.message);
  assert.equal(ours.explanation.closest, '6.4×');
  // Words after the reference do not hide it: "than LoRA on RoBERTa-large" names LoRA.
  const lora = only(card('Trainable params: LoRA 800K → LoRA-XS 60K → VeRA 20K', 'LoRA-XS uses 13× fewer trainable parameters than LoRA on RoBERTa-large.'), 'ratio');
  assert.equal(lora.verdict, 'consistent', lora.message);
});

test('direction words: a metric is not a side, and likeness beside quality or a benchmark is about scores', () => {
  // Each was an error. "Recall" labels the metric, not a method, so it does not make 40.0% the subject.
  assert.deepEqual(flagged(card('Recall 40.0% vs 45.0% (+12.5%)', 'Recall on tail classes improves with re-weighting.')).map((c) => c.message), []);
  // "close to" beside "output quality" is not about the throughput, a rate.
  const speed = card('Throughput 1,250 → 3,000 tokens/s (2.4× speedup)', 'A finding.', 'A method for testing', 'The kernel speeds up decoding while keeping output quality close to the reference implementation.');
  assert.deepEqual(flagged(speed).map((c) => c.message), []);
  // "matches LoRA on GLUE" is about the GLUE scores, not the parameter counts beside them.
  assert.deepEqual(flagged(card('Params: VeRA 0.061M vs LoRA 4.2M', 'VeRA matches LoRA on GLUE with far fewer parameters.')).map((c) => c.message), []);
  // A score that does not match is still caught.
  const far = only(card('GLUE: VeRA 71.2 vs LoRA 85.3', 'VeRA matches LoRA on GLUE with far fewer parameters.'), 'direction');
  assert.equal(far.verdict, 'inconsistent', far.message);
});

test('claims elsewhere reach plain counts, win rates and error rates: 7× fewer steps, 9.1 points of win rate, the error rate cut 10×', () => {
  // Each went unchecked.
  const steps = only(card('Steps 12,000 → 3,000', 'A finding.', 'Train with 7× fewer steps'), 'ratio');
  assert.equal(steps.verdict, 'inconsistent', steps.message);
  assert.equal(steps.explanation.closest, '4×');
  assert.equal(only(card('Steps 12,000 → 3,000', 'A finding.', 'Train with 4× fewer steps'), 'ratio').verdict, 'consistent');
  const win = only(card('Win rate 63.2% → 67.3%', 'The method improves win rate by 9.1 points.'), 'difference');
  assert.equal(win.verdict, 'inconsistent', win.message);
  assert.equal(win.explanation.closest, '4.1 points');
  const error = only(card('Error rate 8.0% → 2.0%', 'A finding.', 'Self-consistency cuts the error rate 10×'), 'ratio');
  assert.equal(error.verdict, 'inconsistent', error.message);
  assert.equal(error.explanation.closest, '4×');
  // What something is measured per is not what it counts: `per-round communication` on bytes is still read.
  const perRound = only(card('Comm. per round 480 MB → 40 MB', 'Sparse uploads give a 12-fold reduction in per-round communication.'), 'ratio');
  assert.equal(perRound.verdict, 'consistent', perRound.message);
});

test('a drop or gain stated as its size reads "before − after", and "a 6.2-point drop" is a change in points', () => {
  const lower = only(card('Accuracy 88.0% → 83.8% (6.2 points lower)'), 'difference');
  assert.equal(lower.explanation.formula, 'before − after');
  assert.match(lower.message, /before − after gives 4\.10…4\.30 pp/);
  // Hyphenated, it went unchecked; a 5-point scale stays a setting.
  const drop = only(card('Accuracy 88.0% → 83.8% (6.2-point drop)'), 'difference');
  assert.equal(drop.verdict, 'inconsistent', drop.message);
  assert.equal(drop.fix?.replacement, '4.2');
  assert.equal(only(card('GSM8K 55.2 → 61.0 (a 5.8-point gain)'), 'difference').verdict, 'consistent');
  assert.deepEqual(card('Rating 3.1 → 4.2 (5-point scale)').filter((c) => c.kind === 'difference' || c.kind === 'unverifiable'), []);
  assert.equal(only(card('Rating 3.1 → 4.2 (5-point gain)'), 'difference').verdict, 'inconsistent');
});

test('a percentage said to be a share (30% of original, 97% retained, 90% of teacher) is checked as one', () => {
  // Each went unchecked.
  const original = only(card('Embedding params 256M → 128M (30% of original)'), 'percent-change');
  assert.equal(original.verdict, 'inconsistent', original.message);
  assert.equal(original.explanation.formula, 'after / before × 100');
  assert.equal(original.explanation.closest, '50%');
  assert.equal(only(card('Embedding params 256M → 128M (50% of original)'), 'percent-change').verdict, 'consistent');
  // `2:4` names a sparsity pattern: its numbers are not values.
  assert.equal(only(card('Avg accuracy dense 64.0% → 2:4 sparse 62.1% (97% retained)'), 'percent-change').verdict, 'consistent');
  assert.equal(only(card('Avg accuracy dense 64.0% → 2:4 sparse 62.1% (90% retained)'), 'percent-change').verdict, 'inconsistent');
  // Of the side it names.
  const teacher = only(card('teacher 71.0% vs student 68.9% (90% of teacher)'), 'percent-change');
  assert.equal(teacher.verdict, 'inconsistent', teacher.message);
  assert.equal(teacher.computed, '96.90…97.18%');
  assert.equal(teacher.explanation.closest, '97%');
  const reversed = only(card('student 68.9% vs teacher 71.0% (97% of teacher)'), 'percent-change');
  assert.equal(reversed.verdict, 'consistent', reversed.message);
});

test('a direction word said of something the values do not measure is not checked on them', () => {
  // Each was an error: "fewer GPUs" and "cut inference bills" against context lengths, "close to the original"
  // against two other methods.
  assertNoFlags(withSummary('Max context 32K → 1M', 'Teams can serve larger models on fewer GPUs and cut inference bills.'));
  assertNoFlags(card('Pass@1: LoRA 13.29% vs P-tuning 9.71%', 'LoRA beats P-tuning.', 'A method for testing', 'Teams keep quality close to the original.'));
  // Named by the pair, the same words are checked.
  assertVerdict(withSummary('Steps 12K → 30K', 'The method needs fewer steps.'), 'direction', 'inconsistent');
  assertVerdict(withSummary('Loss: ours 0.42 vs baseline 0.66', 'Quality stays close to the full-precision baseline.'), 'direction', 'inconsistent');
});

test('realistic cards that were flagged though correct (a review of 100 cards written like the sample)', () => {
  // "raises throughput 2.2×" is about tokens/s, not the percentages of waste before it in the sentence.
  assertNoFlags(card('Throughput 1,240 → 2,710 tokens/s (2.2×); KV waste 61% → <4%', 'Paging the KV cache cuts memory waste from 61% to under 4% and raises LLaMA-13B throughput 2.2×.', 'Serve 2.2× more tokens per second with PagedAttention'));
  // Points are not tokens, and "3.5× larger batches" is the batch, not the memory.
  assertNoFlags(card('Prompt 2,946 → 737 tokens (4.0×); GSM8K 78.9% → 77.4% (−1.5pp)', 'Compressing retrieved context from 2,946 to 737 tokens keeps GSM8K accuracy within 1.5 points.'));
  assertNoFlags(card('Peak memory 64.3 GB → 24.8 GB (2.6×); batch 64 → 224 (3.5×); accuracy −0.3pp', 'KIVI keeps accuracy within 0.3 points while shrinking peak memory from 64.3 GB to 24.8 GB.', 'KV-cache quantization to 2 bits: 2.6× less peak memory and 3.5× larger batches'));
  // "exact match" is a metric; "no degradation" denies the word; likeness is about quality, not example counts.
  assertNoFlags(card('NQ EM closed-book 24.8% → RAG 44.2% (+19.4pp)', 'Retrieval raises 7B exact match from 24.8% to 44.2%.'));
  assertNoFlags(card('Memory: OPT-175B 350 GB → 175 GB (2×)', 'A finding.', 'LLM.int8(): 8-bit matrix multiplication for transformers at scale with no degradation'));
  assertNoFlags(card('SFT examples 52K vs 1K; MT-Bench 6.1 vs 6.0', 'A finding.', 'Instruction-tune with 1K curated examples and match 52K-example models'));
  // An unsigned ∆ between two compared values is a size, whichever is named first.
  const delta = only(card('HumanEval pass@1: Full FT 0.497 vs LoRA 0.423 (∆ 7.4 pts)', 'A finding.', 'Full fine-tuning vs LoRA on code: LoRA forgets less'), 'difference');
  assert.equal(delta.verdict, 'consistent', delta.message);
});

test('a direction word the numbers contradict is a warning: a reading of prose, not a recomputation', () => {
  const c = only(card('Accuracy: FedBN 84.9% vs FedAvg 86.2%', 'FedBN outperforms FedAvg under feature shift.'), 'direction');
  assert.equal(c.verdict, 'inconsistent', c.message);
  assert.equal(c.severity, 'warning');
});

test('settings written as symbols (r=8, ε=8), metrics in capitals (−0.6 mAP) and prose that names two values the other way round', () => {
  // Each was an error: "+0.3 points … gives 55.0…57.0", "−2.3pp … −18.75…−17.65 pp", "−0.6 … −11.9 ms", and
  // "23.9%: inconsistent with 26.2% on the Numbers line".
  assertNoFlags(card('MMLU r=8 46.1% → r=64 46.4% (+0.3pp)', 'Going from r=8 to r=64 adds only +0.3 points.'));
  assertNoFlags(card('Accuracy non-private 26.2% → DP (ε=8) 23.9% (−2.3pp)', 'DP-FedAvg keeps accuracy at 23.9% vs 26.2% non-private.'));
  assertNoFlags(card('Latency 20.1 ms → 8.2 ms (−11.9 ms); mAP 53.9 → 53.3', 'A finding.', 'Quantize YOLOv8 to INT8 for faster edge inference with −0.6 mAP'));
});

test('a claim of speed is not read against a part of a whole: "49 of 196 patches and cuts pretraining time 3.2×"', () => {
  // Was an error: "3.2×: … gives 3.949…4.052×" (196 / 49).
  assertNoFlags(card('Pretraining 3,470 h → 1,090 h (3.2×)', 'Masking 75% of patches lets the encoder process 49 of 196 patches and cuts pretraining time 3.2×.'));
  const wrong = only(card('Pretraining 3,470 h → 1,090 h', 'Masking lets the encoder process 49 of 196 patches and cuts pretraining time 5×.'), 'ratio');
  assert.equal(wrong.verdict, 'inconsistent', wrong.message);
  assert.equal(wrong.explanation.closest, '3×');
});

test('what a review of the day\'s changes found: each rule stays as narrow as its purpose', () => {
  // A wrong "from" value in prose is still a restatement error (the label "before" is for explanations only).
  const from = card('Memory 27.1 GB → 2.1 GB (92% less)', 'Memory reduced from 28.0 GB to 2.1 GB.').find((c) => c.kind === 'restatement' && c.stated === '28.0 GB');
  assert.equal(from?.verdict, 'inconsistent', from?.message);
  // Prose that swaps two methods' values is still caught; a metric's name is no side.
  const swapped = card('Accuracy: Ours 23.9% vs baseline 26.2%', 'Ours reaches 26.2% vs baseline 23.9%.').filter((c) => c.kind === 'restatement');
  assert.ok(swapped.length > 0 && swapped.every((c) => c.verdict === 'inconsistent'), swapped.map((c) => c.message).join(' | '));
  // Each prose pair is read against its nearest pair on the Numbers line.
  assertNoFlags(card('HumanEval pass@1 48.2% → 54.3% (+6.1pp); MBPP 55.0% → 58.4% (+3.4pp)', 'Pass@1 rises from 48.2% to 54.3% on HumanEval and from 55.0% to 58.4% on MBPP.'));
  // `Δ=` states a change; a symbol's value is a setting only for other letters.
  assert.equal(only(card('Accuracy 71.0% → 73.3% (Δ=5.0pp)'), 'difference').verdict, 'inconsistent');
  // An improvement on a metric the card does not rank is accepted either way, in a range too.
  assert.equal(only(card('Performance 50.0 → 57.0', 'A finding.', 'Gives 10–20% improvement in performance'), 'range').verdict, 'consistent');
  // Count words name a count only within their clause.
  assert.equal(only(card('Training steps 10K → 5K; BLEU 27.1 → 28.4 (+2.3 pts)'), 'difference').verdict, 'inconsistent');
  // Percentages of memory take a claim about memory; `GPU throughput` is measured, not a hardware count.
  assert.equal(only(card('KV cache memory waste 60% → 4% (3× less memory waste)'), 'ratio').verdict, 'inconsistent');
  assert.equal(only(card('Throughput 100 → 400 tokens/s (2× GPU throughput)'), 'ratio').verdict, 'inconsistent');
  // A longer denial, and a size word with money after it.
  assertNoFlags(withSummary('Accuracy 70.0% → 75.0%', 'Pruning keeps accuracy with no significant degradation.'));
  const memory = only(withSummary('Memory 10 GB → 20 GB', 'The method reduces memory and cost.'), 'direction');
  assert.equal(memory.verdict, 'inconsistent', memory.message);
  // A range or factor elsewhere that names its reference is read like one on the Numbers line.
  assert.equal(only(card('FP32 28 GB → FP16 14 GB → INT4 3.5 GB', 'A finding.', 'INT4 is 2–3× smaller than FP32'), 'range').verdict, 'inconsistent');
  const qlora = only(card('Ours 2.1 GB vs QLoRA 6.3 GB vs FP16 12.6 GB', 'A finding.', 'The method needs 2× less memory than QLoRA'), 'ratio');
  assert.equal(qlora.explanation.closest, '3×');
});

test('a signed percentage after a comparison is one value relative to the other, with its sign (held-out set)', () => {
  // Were errors: "(larger − smaller) / smaller × 100 gives 39.30…39.64%; closest +39% (the sign differs)".
  const wql = only(card('Relative WQL 0.717 vs seasonal naive 1.000 (−28%)', 'Its WQL is 28% lower than seasonal naive.'), 'percent-change');
  assert.equal(wql.verdict, 'consistent', wql.message);
  assert.equal(wql.explanation.formula, '(A − B) / B × 100');
  assert.equal(only(card('mean MASE 0.87 vs ARIMA 0.94 (−7.4%)'), 'percent-change').verdict, 'consistent');
  // A wrong size is still caught.
  assert.equal(only(card('Relative WQL 0.717 vs seasonal naive 1.000 (−45%)'), 'percent-change').verdict, 'inconsistent');
});
