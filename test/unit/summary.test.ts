import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSeed } from '../../src/core/parser';
import { appendNote, escapeMarkdown, noteSuffix, paperSummaryMarkdown } from '../../src/core/summary';
import { SAMPLE_SEED } from './paths';

const seed = parseSeed(readFileSync(SAMPLE_SEED, 'utf8'));

test('a summary has the title, citations, source line, numbers, summary and key finding', () => {
  const paper = seed.papers.find((p) => p.title.text.startsWith('Compress LLaMA-2'))!;
  const md = paperSummaryMarkdown(paper, { source: 'seeds/digest.txt' });
  assert.match(md, /^## Compress LLaMA-2 7B to 2\.1GB \\\(70% fewer params\\\)/);
  assert.match(md, /- Citations: 8\n/);
  assert.match(md, /- Source: seeds\/digest\.txt, line 108\n/);
  assert.match(md, /- Numbers: 27\.1 GB → 2\.1 GB \\\(93% reduction\\\)/);
  assert.match(md, /CompactifAI can cut model storage/);
  assert.match(md, /\*\*Key finding:\*\* Memory reduced from 27\.1 GB to 2\.1 GB/);
});

test('markup in a card stays text in the notes', () => {
  assert.equal(escapeMarkdown('<script>alert(1)</script> [x](javascript:y) *b*'), '\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:y\\) \\*b\\*');
});

test('appending keeps existing notes byte for byte, with one blank line between', () => {
  assert.equal(appendNote('', '## A\n'), '## A\n');
  assert.equal(appendNote('mine', '## A\n'), 'mine\n\n## A\n');
  assert.equal(appendNote('mine\n', '## A\n'), 'mine\n\n## A\n');
  assert.equal(appendNote('mine\n\n', '## A'), 'mine\n\n## A\n');
  const existing = 'draft with trailing spaces   \n\n\n';
  assert.ok(appendNote(existing, 'n').startsWith(existing));
  assert.equal(existing + noteSuffix(existing, '## B\n'), appendNote(existing, '## B\n'));
});
