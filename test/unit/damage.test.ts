// Damaged text (src/core/checks/damaged.ts): valid text that only looks damaged (versions, section numbers, dates,
// enumerations, half-open intervals, a number that happens to match a range) gets no `damaged` check and its claims
// are checked, while the damage the sample shows (`87.8288.69`, `147.0-0.65)`, `164` against `1–64`) is still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPaper } from '../../src/core/checker';
import { parseSeed } from '../../src/core/parser';
import { Check } from '../../src/core/check';

/** Builds one card in the seed's format and checks it. */
function card(numbers: string, finding = 'A finding.', title = 'A method for testing', summary = 'A summary.'): Check[] {
  const text = `1 papers found\n\n${title}\n\n0.70\n0.60\n0.80\n5\n\n${summary}\n\nKey finding\n\n${finding}\n\nNumbers: ${numbers}\n`;
  const s = parseSeed(text);
  assert.equal(s.papers.length, 1);
  return checkPaper(s.papers[0]);
}
/** What the damaged checks of a card flag, as `kind stated`, in order. */
const damaged = (cs: Check[]): string[] => cs.filter((c) => c.verdict === 'damaged').map((c) => `${c.kind} ${c.stated}`);

// ---- numbers run together ---------------------------------------------------------------------------------

test('fused numbers: versions, section numbers and a date are not fused; a fused score beside them still is', () => {
  const cs = card(
    'transformers 4.36.2; PyTorch 2.1.0; PEFT 0.7.1; TGI 1.3.4; vLLM 0.4.2; v0.2.7; Sec. 4.2.1; run on 15.03.2024; GLUE avg 87.8288.69',
    'Served with torch==2.1.0 and bitsandbytes (0.41.1) from 10.0.0.1; MMLU 27.3128.05.',
  );
  assert.deepEqual(damaged(cs), ['fused-numbers 27.3128.05', 'fused-numbers 87.8288.69']);
  const fused = cs.find((c) => c.stated === '87.8288.69');
  assert.match(fused?.message ?? '', /probably 87\.82 and 88\.69/);
});

test('fused numbers: a version in a clause does not stop its claims being checked', () => {
  const cs = card('with transformers 4.36.2 memory drops 100 GB -> 65 GB (-35%)');
  assert.deepEqual(damaged(cs), []);
  const claim = cs.find((c) => c.kind === 'percent-change' && c.stated === '-35%');
  assert.equal(claim?.verdict, 'consistent');
});

// ---- brackets ---------------------------------------------------------------------------------------------

test('lost bracket: enumeration markers in sequence are not stray; a ")" that lost its "(∆" still is', () => {
  const cs = card(
    'CIDEr: AdaLink 146.3 vs FT 147.0-0.65)',
    'Three ideas: 1) block-wise quantization, 2) dynamic scaling, 3) stable training.',
    'A method for testing',
    'The MoE uses a) 8 experts per layer and b) top-2 routing; it runs on i) 4 GPUs or ii) 8 GPUs.',
  );
  assert.deepEqual(damaged(cs), ['lost-bracket )']);
  const stray = cs.find((c) => c.kind === 'lost-bracket');
  assert.match(stray?.message ?? '', /an opening "\(∆ " was probably lost before -0\.65/);
  // One marker alone is no enumeration.
  assert.deepEqual(damaged(card('accuracy b) 71.2%')), ['lost-bracket )']);
});

test('lost bracket: half-open intervals are not stray or unclosed brackets; an unclosed "(" still is', () => {
  const cs = card('learning rate in [1e-5, 1e-3), dropout in (0, 0.5]', 'F1 86.2 → 87.0 (∆ +0.8');
  assert.deepEqual(damaged(cs), ['lost-bracket (']);
});

// ---- dashes -----------------------------------------------------------------------------------------------

test('lost dash: a two-digit number that matches a range is not a lost dash; 164 against 1–64 still is', () => {
  const cs = card(
    '2–4 bit QAT on 24 layers; 1–8 GPUs for 18 tasks; Fine-tuned Falcon-40b for ranks 164',
    'Adapters usable at ranks 1–64.',
  );
  assert.deepEqual(damaged(cs), ['lost-dash 164']);
  assert.match(cs.find((c) => c.kind === 'lost-dash')?.message ?? '', /probably the range 1–64 with its dash lost/);
});

test('lost dash: 35% beside a 3–5% range is checked as a claim', () => {
  const cs = card('100 GB -> 65 GB', 'Adds 3–5% overhead but cuts communication by 35%.');
  assert.deepEqual(damaged(cs), []);
  const claim = cs.find((c) => c.kind === 'percent-change' && c.stated === '35%');
  assert.equal(claim?.verdict, 'consistent');
});
