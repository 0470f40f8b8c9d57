import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hasSeedHeader, parseSeed, parseSeedPaced, SeedReader, textChunks } from '../../src/core/parser';
import { Paper, PaperSchema, SeedFile, locate } from '../../src/core/model';
import { generateDigest } from '../../bench/generate';
import { SAMPLE_SEED } from './paths';

const SEED = readFileSync(SAMPLE_SEED, 'utf8');

function card(title: string, { scores = ['0.70', '0.60', '0.80'], citations = '12', summary = 'A summary.', finding = 'A finding.' as string | null, numbers = 'A 1 vs B 2' as string | null } = {}): string {
  // null leaves the section out (undefined would take the default)
  const parts = [title, '', [...scores, citations].join('\n'), '', summary];
  if (finding !== null) parts.push('', 'Key finding', '', finding);
  if (numbers !== null) parts.push('', `Numbers: ${numbers}`);
  return parts.join('\n');
}

test('the sample seed: 24 papers, a declared count of 143, no problems', () => {
  const seed = parseSeed(SEED);
  assert.equal(seed.papers.length, 24);
  assert.equal(seed.declaredCount?.value, 143);
  assert.deepEqual(seed.problems, []);
});

test('the sample seed: every title, score and citation count exactly as in the file', () => {
  const lines = SEED.split('\n');
  const seed = parseSeed(SEED);
  for (const paper of seed.papers) {
    const at = paper.title.range.line;
    assert.equal(paper.title.text, lines[at].trim());
    assert.deepEqual(
      paper.scores.map((s) => s.raw),
      [lines[at + 2], lines[at + 3], lines[at + 4]].map((l) => l.trim()),
    );
    assert.equal(paper.citations.raw, lines[at + 5].trim());
    for (const field of [...paper.scores, paper.citations]) assert.equal(lines[field.range.line].slice(field.range.column, field.range.endColumn), field.raw);
  }
  const first = seed.papers[0];
  assert.equal(first.title.text, 'Finetune a 65B LLM on a single 48GB GPU by training 4-bit models with adapters');
  assert.deepEqual(first.scores.map((s) => s.value), [0.8, 0.8, 0.9]);
  assert.equal(first.citations.value, 485);
  assert.equal(first.numbers?.text, '>780 GB -> <48 GB');
  const last = seed.papers[23];
  assert.equal(last.title.text, 'AutoFLIP: Federated hybrid pruning guided by client loss exploration');
  assert.equal(last.citations.value, 2);
});

test('the sample seed: a card without a Numbers line keeps its other fields', () => {
  const paper = parseSeed(SEED).papers.find((p) => p.title.text.startsWith('Match expensive re-training'));
  assert.ok(paper);
  assert.equal(paper.numbers, undefined);
  assert.match(paper.keyFinding?.text ?? '', /^Re-warming then re-decaying/);
});

test('field ranges point at the text in the source, including the Numbers value', () => {
  const seed = parseSeed(SEED);
  const lines = SEED.split('\n');
  for (const paper of seed.papers) {
    for (const field of [paper.title, paper.summary, paper.keyFinding, paper.numbers]) {
      if (!field) continue;
      const { line, column, endColumn } = field.range;
      assert.equal(lines[line].slice(column, endColumn), field.text);
    }
  }
  const compactifai = seed.papers.find((p) => p.title.text.startsWith('Compress LLaMA-2'))!;
  const at = compactifai.numbers!.text.indexOf('93%');
  const pos = locate(compactifai.numbers!, at);
  assert.equal(lines[pos.line].slice(pos.column, pos.column + 3), '93%');
});

test('CRLF line endings, a byte-order mark, trailing spaces and runs of blank lines parse like the plain file', () => {
  const messy = '\uFEFF' + SEED.split('\n').map((l) => (l ? `${l}   ` : l)).join('\r\n').replace(/\r\n\r\n/g, '\r\n\r\n\r\n');
  const seed = parseSeed(messy);
  const plain = parseSeed(SEED);
  assert.equal(seed.papers.length, 24);
  assert.equal(seed.declaredCount?.value, 143);
  assert.deepEqual(
    seed.papers.map((p) => [p.title.text, p.citations.value, p.numbers?.text]),
    plain.papers.map((p) => [p.title.text, p.citations.value, p.numbers?.text]),
  );
  // Columns count from the line's start as VS Code sees it (the BOM is not part of line 1).
  assert.equal(seed.declaredCount?.range.column, 0);
});

test('a card without Key finding: summary kept, no finding', () => {
  const text = [card('First paper', { finding: null }), '', card('Second paper')].join('\n\n');
  const seed = parseSeed(text);
  assert.equal(seed.papers.length, 2);
  assert.equal(seed.papers[0].keyFinding, undefined);
  assert.equal(seed.papers[0].summary?.text, 'A summary.');
  assert.equal(seed.papers[0].numbers?.text, 'A 1 vs B 2');
  assert.equal(seed.papers[1].title.text, 'Second paper');
  assert.deepEqual(seed.problems, []);
});

test('a card without Numbers, followed by another card', () => {
  const seed = parseSeed([card('One', { numbers: null }), card('Two')].join('\n\n'));
  assert.deepEqual(seed.papers.map((p) => [p.title.text, p.numbers?.text]), [['One', undefined], ['Two', 'A 1 vs B 2']]);
});

test('Unicode punctuation survives in every field', () => {
  const seed = parseSeed(card('Cut cost 10–100× — fast‑path → ≈2×', { numbers: 'A 0.744 → 0.740 (∆ −0.004)' }));
  assert.equal(seed.papers[0].title.text, 'Cut cost 10–100× — fast‑path → ≈2×');
  assert.equal(seed.papers[0].numbers?.text, 'A 0.744 → 0.740 (∆ −0.004)');
});

test('a malformed card is reported with its line and parsing carries on', () => {
  const text = [card('Good one'), card('Bad scores', { scores: ['0.7', '0.6'] }), card('Bad number', { scores: ['0.7', 'O.6x', '0.8'] }), card('Good two')].join('\n\n');
  const seed = parseSeed(text);
  assert.deepEqual(seed.papers.map((p) => p.title.text), ['Good one', 'Good two']);
  assert.equal(seed.papers[1].index, 1);
  assert.equal(seed.problems.length, 2);
  const lines = text.split('\n');
  const [missing, notNumber] = seed.problems;
  assert.match(missing.message, /Bad scores.*three scores and a citation count.*found 3/);
  assert.equal(lines[missing.line], '0.7');
  assert.match(notNumber.message, /Bad number.*score 2 "O\.6x" is not a number/);
  assert.equal(lines[notNumber.line], 'O.6x');
});

test('a title that looks like a score (T5, v2) is read as the title when a blank line separates it from the scores', () => {
  const text = [card('Good one'), card('T5', { finding: null, numbers: null }), card('v2'), card('Model\nT5'), card('Good two')].join('\n\n');
  const expected = ['Good one', 'T5', 'v2', 'Model T5', 'Good two'];
  const seed = parseSeed(text);
  assert.deepEqual(seed.papers.map((p) => p.title.text), expected);
  assert.deepEqual(seed.problems, []);
  const t5 = seed.papers[1];
  assert.equal(text.split('\n')[t5.title.range.line], 'T5');
  assert.deepEqual(t5.scores.map((x) => x.raw), ['0.70', '0.60', '0.80']);
  // The same when the pieces end anywhere, the score-like line last in a piece included.
  for (let size = 1; size <= 64; size *= 2) {
    const papers: string[] = [];
    const reader = new SeedReader((p) => papers.push(p.title.text));
    for (const piece of textChunks(text, size)) reader.push(piece);
    assert.deepEqual(reader.end().problems, []);
    assert.deepEqual(papers, expected, `pieces of ${size}`);
  }
  // A damaged score inside the block still is a damaged score: no blank line before the next score.
  assert.match(parseSeed(card('Damaged', { scores: ['O.7x', '0.6', '0.8'] })).problems[0].message, /score 1 "O\.7x" is not a number/);
  // In a double-spaced file a damaged first score has a blank line after it too; its point says it is a score.
  const doubleSpaced = [card('Title A'), card('Title B', { scores: ['0.7O', '0.60', '0.80'] })].join('\n\n').replace(/\n/g, '\n\n');
  const spaced = parseSeed(doubleSpaced);
  assert.deepEqual(spaced.papers.map((p) => p.title.text), ['Title A']);
  assert.equal(spaced.papers[0].keyFinding?.text, 'A finding.');
  assert.match(spaced.problems[0].message, /Card "Title B" .*score 1 "0\.7O" is not a number/);
});

test('a score-like title right after a card that ends with its citation count (no summary) starts its own card', () => {
  // Reported: the T5 line was read as a fifth number of the card before, and both cards were lost.
  const text = ['Lone card\n\n0.70\n0.60\n0.80\n12', card('T5'), card('After')].join('\n\n');
  const seed = parseSeed(text);
  assert.deepEqual(seed.papers.map((p) => [p.title.text, p.citations.raw, p.summary?.text]), [['Lone card', '12', undefined], ['T5', '12', 'A summary.'], ['After', '12', 'A summary.']]);
  assert.deepEqual(seed.problems, []);
  assert.deepEqual(lazyAsBuilt(text), seed);
  // Double-spaced too; but a count with a blank line before it still belongs to the scores above it.
  assert.deepEqual(parseSeed(text.replace(/\n/g, '\n\n')).papers.map((p) => p.title.text), ['Lone card', 'T5', 'After']);
  assert.deepEqual(parseSeed('Spaced count\n\n0.70\n0.60\n0.80\n\n12\n\nA summary.').papers.map((p) => p.citations.value), [12]);
});

test('a citation count that is not a whole number is a problem, not a crash', () => {
  const seed = parseSeed(card('Fractional', { citations: '12.5' }));
  assert.equal(seed.papers.length, 0);
  assert.match(seed.problems[0].message, /citation count "12\.5" is not a whole number/);
  assert.equal(seed.problems[0].line, 5);
});

test('citation counts with thousands separators', () => {
  assert.equal(parseSeed(card('Popular', { citations: '1,312' })).papers[0].citations.value, 1312);
});

test('an empty file: no papers, no problems, no header', () => {
  for (const text of ['', '\n\n', '\uFEFF', '   \r\n  ']) {
    const seed = parseSeed(text);
    assert.deepEqual([seed.papers.length, seed.problems.length, seed.declaredCount], [0, 0, undefined]);
  }
});

test('a header with no cards yet', () => {
  const seed = parseSeed('0 papers found\n');
  assert.equal(seed.declaredCount?.value, 0);
  assert.deepEqual(seed.papers, []);
  assert.deepEqual(seed.problems, []);
});

test('a file that is not a seed file yields no papers and says why', () => {
  const readme = '# My project\n\nSome notes about things.\n\nMore text, and a list:\n- one\n- two\n';
  const seed = parseSeed(readme);
  assert.equal(seed.papers.length, 0);
  assert.equal(seed.problems.length, 1);
  assert.match(seed.problems[0].message, /No paper cards found/);
  assert.equal(hasSeedHeader(readme), false);
  assert.equal(hasSeedHeader('\uFEFF\n143 papers found\n'), true);
  assert.equal(hasSeedHeader(SEED), true);
});

test('text after the Numbers line and repeated labels are reported, the card kept', () => {
  const text = `${card('Extra')}\nstray words`;
  const seed = parseSeed(text);
  assert.equal(seed.papers.length, 1);
  assert.match(seed.problems[0].message, /text after the "Numbers:" line/);
  assert.equal(seed.problems[0].line, text.split('\n').length - 1);
});

test('scores without a title are reported', () => {
  const seed = parseSeed('0.7\n0.6\n0.8\n3\n\nSummary\n');
  assert.equal(seed.papers.length, 0);
  assert.match(seed.problems[0].message, /without a title/);
});

test('nothing throws on arbitrary text', () => {
  const alphabet = ['\n', '\r\n', ' ', '0.5', '12', 'Key finding', 'Numbers: 1 → 2', 'Title words', '\uFEFF', '1,2', '-', '∆'];
  let state = 7;
  for (let run = 0; run < 500; run++) {
    let text = '';
    for (let i = 0; i < 40; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      text += alphabet[state % alphabet.length];
    }
    const seed = parseSeed(text);
    assert.ok(Array.isArray(seed.papers));
  }
});

test('every parsed paper satisfies the zod model (the parser checks fields itself, the schema holds it to that)', () => {
  const digest = generateDigest(300, 7);
  for (const seed of [parseSeed(SEED), parseSeed(digest)]) {
    assert.ok(seed.papers.length > 0);
    for (const paper of seed.papers) {
      const result = PaperSchema.safeParse(paper);
      assert.ok(result.success, JSON.stringify(result.error?.issues));
    }
  }
  assert.equal(parseSeed(digest).papers.length, 300);
});

test('old Mac line endings (a lone CR) split lines like LF and CRLF', () => {
  const lf = parseSeed(SEED);
  const cr = parseSeed(SEED.replace(/\n/g, '\r'));
  assert.equal(cr.papers.length, 24);
  assert.deepEqual(
    cr.papers.map((p) => [p.title.text, p.title.range.line, p.numbers?.range]),
    lf.papers.map((p) => [p.title.text, p.title.range.line, p.numbers?.range]),
  );
});

/** Parses `text` a piece at a time, as `paper-claims verify` does. */
function parsePieces(text: string | Uint8Array, size: number) {
  const papers: ReturnType<typeof parseSeed>['papers'] = [];
  const reader = new SeedReader((paper) => papers.push(paper));
  for (const piece of textChunks(text, size)) reader.push(piece);
  const { declaredCount, problems, lineCount, paperCount } = reader.end();
  assert.equal(paperCount, papers.length);
  return { declaredCount, papers, problems, lineCount };
}

test('a file read in pieces of any size parses exactly like the whole text (papers, problems, lines)', () => {
  // Mutations of the sample (lines dropped, inserted, cut short; CRLF; a BOM) put cards, problems and the header at
  // every position relative to the piece boundaries.
  const lines = SEED.split('\n');
  const inserts = ['', '0.5', '12', 'Key finding', 'Numbers: 1 → 2 (+1)', 'A title', '143 papers found', '0.8o', '\ufeffx'];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(lines.length), fc.nat(2), fc.nat(inserts.length - 1)), { maxLength: 8 }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 1, max: 4000 }),
      (edits, crlf, bom, asBytes, size) => {
        const mutated = [...lines];
        for (const [at, op, which] of edits) {
          if (op === 0) mutated.splice(at, 1);
          else if (op === 1) mutated.splice(at, 0, inserts[which]);
          else if (at < mutated.length) mutated[at] = mutated[at].slice(0, which * 3);
        }
        const text = (bom ? '\ufeff' : '') + mutated.join(crlf ? '\r\n' : '\n');
        assert.deepEqual(parsePieces(asBytes ? new TextEncoder().encode(text) : text, size), parseSeed(text));
      },
    ),
    { seed: 20261129, numRuns: 300 },
  );
});

test('pieces: a generated digest of 2,000 cards read in 64 KB pieces, or in one, gives the same papers', () => {
  const digest = generateDigest(2000, 11);
  assert.deepEqual(parsePieces(new TextEncoder().encode(digest), 1 << 16), parseSeed(digest));
  assert.deepEqual(parsePieces(digest, digest.length), parseSeed(digest));
});

test('paced parse: the event loop runs between slices, and the result is exactly parseSeed\'s', async () => {
  const digest = generateDigest(2000, 12); // about 1 MB: many 64 KB pieces
  let pauses = 0;
  let turnsTaken = 0;
  const ticker = setInterval(() => turnsTaken++, 0);
  try {
    const paced = await parseSeedPaced(digest, {
      sliceMs: 0, // pause before every piece after the first
      pause: () => new Promise((resolve) => setTimeout(() => { pauses++; resolve(); }, 1)),
    });
    assert.deepEqual(paced, parseSeed(digest));
  } finally {
    clearInterval(ticker);
  }
  assert.equal(pauses, [...textChunks(digest)].length - 1);
  assert.ok(turnsTaken > 0, 'other work ran while the file was parsed');
});

test('paced parse: a cancelled parse stops at the next pause and resolves to undefined', async () => {
  const digest = generateDigest(2000, 12);
  let pauses = 0;
  const paced = await parseSeedPaced(digest, { sliceMs: 0, pause: async () => void pauses++, cancelled: () => pauses >= 2 });
  assert.equal(paced, undefined);
  assert.equal(pauses, 2);
});

/** A paper's fields as a plain object: a lazy paper reads them through getters. */
function plain(paper: Paper): Paper {
  const { index, title, scores, citations, summary, keyFinding, numbers, range } = paper;
  return { index, title, scores, citations, summary, keyFinding, numbers, range };
}

/** The lazy parse (the editor's) as plain papers, with everything else it found. */
function lazyAsBuilt(text: string): SeedFile {
  const lazy = parseSeed(text, { lazy: true });
  return { ...lazy, papers: lazy.papers.map(plain) };
}

test('lazy papers (the editor keeps a big file this way) read exactly like built ones, on mutated files of every shape', () => {
  const lines = SEED.split('\n');
  const inserts = ['', '0.5', '12', 'Key finding', 'Numbers: 1 → 2 (+1)', 'A title', '143 papers found', '0.8o', 'T5', '\ufeffx'];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(lines.length), fc.nat(2), fc.nat(inserts.length - 1)), { maxLength: 8 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
      (edits, eol, bom) => {
        const mutated = [...lines];
        for (const [at, op, which] of edits) {
          if (op === 0) mutated.splice(at, 1);
          else if (op === 1) mutated.splice(at, 0, inserts[which]);
          else if (at < mutated.length) mutated[at] = mutated[at].slice(0, which * 3);
        }
        const text = (bom ? '\ufeff' : '') + mutated.join(eol);
        assert.deepEqual(lazyAsBuilt(text), parseSeed(text));
      },
    ),
    { seed: 20261130, numRuns: 200 },
  );
  // A title that starts with U+FEFF in the middle of the file: trimmed like a space, not skipped as a byte-order mark.
  const withMark = [card('First'), card('\ufeffSecond')].join('\n\n');
  assert.deepEqual(lazyAsBuilt(withMark), parseSeed(withMark));
  assert.equal(parseSeed(withMark, { lazy: true }).papers[1].title.range.column, 1);
  // A score-like line that ends a card, before a card whose title is score-like too: read again at the end of a block
  // (here the last paper, before a card that fails), it still belongs to the summary.
  const scoreLikeEnd = [card('Title A', { summary: 'Summary text\nv2', finding: null, numbers: null }), card('T5', { scores: ['0.7', '0.6'] })].join('\n\n');
  assert.equal(parseSeed(scoreLikeEnd).papers[0].summary?.text, 'Summary text v2');
  assert.deepEqual(lazyAsBuilt(scoreLikeEnd), parseSeed(scoreLikeEnd));
  // Many 64 KB pieces, damaged cards, every kind of claim.
  const digest = generateDigest(2000, 13);
  assert.deepEqual(lazyAsBuilt(digest), parseSeed(digest));
});

test('a lazy paper is read once, when a field is first used, and keeps what it read', async () => {
  const seed = await parseSeedPaced(SEED, { pause: async () => {}, lazy: true });
  assert.ok(seed);
  const paper = seed.papers[3];
  assert.equal(paper.index, 3);
  assert.equal(paper.title, paper.title, 'the same field object on every read');
  assert.deepEqual(plain(paper), parseSeed(SEED).papers[3]);
  assert.ok(PaperSchema.safeParse(paper).success);
});

test('problems are listed in source order', () => {
  const text = ['Text before any card', '', '0.5', '', card('Broken', { citations: '1.5' }), '', '0.1', '0.2', '', card('Fine')].join('\n');
  const { problems } = parseSeed(text);
  assert.ok(problems.length >= 3, JSON.stringify(problems));
  assert.deepEqual(
    problems.map((p) => p.line),
    [...problems.map((p) => p.line)].sort((a, b) => a - b),
  );
});
