import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, decimalsOf, exact, formatInterval, formatQ, q, roundHalfEven, roundHalfUp, roundsTo, stepsAway, unround, closed } from '../../src/core/rounding';

const s = (x: ReturnType<typeof q>): string => x.toString();

test('decimals are read from the text; trailing zeros count', () => {
  assert.equal(decimalsOf('36.0'), 1);
  assert.equal(decimalsOf('36'), 0);
  assert.equal(decimalsOf('1,312'), 0);
  assert.equal(decimalsOf('0.740'), 3);
  assert.equal(decimalsOf('1e17'), -17);
  assert.equal(decimalsOf('2.5e19'), -18);
  assert.equal(decimalsOf('−0.65'), 2);
});

test('exact values keep every digit', () => {
  assert.equal(s(exact('27.1')!), '27.1');
  assert.equal(s(exact('−0.004')!), '-0.004');
  assert.equal(s(exact('1,312.5')!), '1312.5');
  assert.equal(exact('1e17')!.compare(q(10n ** 17n)), 0);
  assert.equal(exact('abc'), undefined);
});

test('unround gives the interval with inclusive flags for half-up or half-even', () => {
  const i = unround('27.1')!;
  assert.equal(s(i.lo!), '27.05');
  assert.equal(s(i.hi!), '27.15');
  assert.equal(i.loIncl, true); // 27.05 rounds up to 27.1
  assert.equal(i.hiIncl, false); // 27.15 → 27.2 under either rule
  const even = unround('33.4')!;
  assert.equal(even.hiIncl, true); // 33.45 → 33.4 under half-even
  const neg = unround('-0.65')!;
  assert.equal(neg.hiIncl, true); // −0.645 → −0.65 (away from zero)
});

test('half-up and half-even rounding', () => {
  assert.equal(s(roundHalfUp(exact('92.45')!, 1)), '92.5');
  assert.equal(s(roundHalfEven(exact('33.45')!, 1)), '33.4');
  assert.equal(s(roundHalfEven(exact('33.55')!, 1)), '33.6');
  assert.equal(s(roundHalfUp(exact('-0.65')!, 1)), '-0.7');
  assert.ok(roundsTo(exact('33.45')!, exact('33.5')!, 1));
  assert.ok(roundsTo(exact('33.45')!, exact('33.4')!, 1));
  assert.ok(!roundsTo(exact('33.46')!, exact('33.4')!, 1));
});

test('steps away: a near miss is one step in the last reported digit', () => {
  const computed = closed(exact('92.05')!, exact('92.45')!);
  assert.deepEqual({ ...stepsAway(computed, exact('93')!, 0), closest: s(stepsAway(computed, exact('93')!, 0).closest) }, { steps: 1, closest: '92' });
  assert.equal(stepsAway(computed, exact('95')!, 0).steps, 3);
  assert.equal(stepsAway(computed, exact('92')!, 0).steps, 0);
  assert.equal(stepsAway(computed, exact('92.3')!, 1).steps, 0);
});

test('formatting at a stated precision and intervals', () => {
  assert.equal(formatQ(exact('92.249')!, 0), '92');
  assert.equal(formatQ(exact('0.5')!, 2), '0.50');
  assert.equal(formatQ(exact('-0.004')!, 3, '−'), '−0.004');
  assert.equal(formatInterval(closed(exact('-0.8')!, exact('-0.6')!), 2), '−0.80…−0.60');
  assert.equal(formatInterval({ lo: exact('16.25')!, hi: null, loIncl: false, hiIncl: false }, 2, '×'), '> 16.25×');
  assert.ok(contains(closed(q(1), q(2)), q(3, 2)));
});
