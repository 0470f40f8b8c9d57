import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeJsonForTerminal, sanitize } from '../../src/cli/terminal';
import { checkSeed } from '../../src/core/checker';
import { parseSeed } from '../../src/core/parser';
import { JsonWriter } from '../../src/core/report';
import { writeReport } from './reportHarness';
import { generateDigest } from '../../bench/generate';
import { SAMPLE_SEED } from './paths';
import { runCliCaptured } from './cliHarness';

const cli = runCliCaptured;

const tmp = mkdtempSync(join(tmpdir(), 'paper-claims-cli-'));

test('list prints every paper of the sample with its line and citations', () => {
  const { code, stdout, stderr } = cli(['list', SAMPLE_SEED]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.match(stdout, /24 papers, header declares 143/);
  assert.match(stdout, /\n\s+3\s+485\s+Finetune a 65B LLM on a single 48GB GPU/);
  assert.equal(stdout.split('\n').filter((l) => /^\s+\d+\s+\d+\s+\S/.test(l)).length, 24);
});

test('list --format json gives structured papers', () => {
  const { code, stdout } = cli(['list', '--format', 'json', SAMPLE_SEED]);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.files[0].declaredCount, 143);
  assert.equal(report.files[0].papers.length, 24);
  assert.deepEqual(report.files[0].papers[0].scores, [0.8, 0.8, 0.9]);
  assert.equal(report.files[0].papers[0].line, 3);
});

test('--help documents the commands, formats and exit status', () => {
  const { code, stdout } = cli(['--help']);
  assert.equal(code, 0);
  for (const word of ['list', 'verify', '--format', 'sarif', 'Exit status', 'NO_COLOR']) assert.ok(stdout.includes(word), word);
  assert.equal(cli(['--version']).stdout, '1.2.3\n');
});

test('bad usage: one line on stderr, exit 2, nothing on stdout', () => {
  for (const args of [[], ['frobnicate', 'x'], ['list'], ['list', '--format', 'xml', SAMPLE_SEED], ['list', '--bogus', SAMPLE_SEED], ['list', '--format']]) {
    const { code, stdout, stderr } = cli(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /^paper-claims: /);
  }
});

test('unreadable input: missing, directory, binary, non-UTF-8, no permission: exit 2 and no partial output', () => {
  const binary = join(tmp, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x31, 0x00, 0x32]));
  const latin1 = join(tmp, 'latin1.txt');
  writeFileSync(latin1, Buffer.from('caf\xe9 papers found', 'latin1'));
  const secret = join(tmp, 'secret.txt');
  writeFileSync(secret, '1 papers found\n');
  chmodSync(secret, 0o000);
  const cases: Array<[string, RegExp]> = [
    [join(tmp, 'missing.txt'), /no such file/],
    [tmp, /is a directory/],
    [binary, /binary/],
    [latin1, /not valid UTF-8/],
  ];
  if (process.getuid?.() !== 0) cases.push([secret, /permission denied/]); // root reads anything
  for (const [path, reason] of cases) {
    const { code, stdout, stderr } = cli(['list', SAMPLE_SEED, path]);
    assert.equal(code, 2, path);
    assert.equal(stdout, '', 'nothing printed as if it were a result');
    assert.match(stderr, reason);
  }
});

test('an empty file lists no papers', () => {
  const empty = join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  const { code, stdout } = cli(['list', empty]);
  assert.equal(code, 0);
  assert.match(stdout, /empty\.txt: 0 papers/);
});

test('terminal control sequences from a file are shown, not executed', () => {
  const hostile = join(tmp, 'hostile.txt');
  writeFileSync(hostile, 'Evil \u001b]0;pwned\u0007 title \u202eabc\n\n0.1\n0.2\n0.3\n4\n\nSummary\n');
  const { stdout } = cli(['list', hostile]);
  assert.doesNotMatch(stdout, /[\u001b\u0007\u202e]/);
  assert.match(stdout, /Evil \\u001b\]0;pwned\\u0007 title \\u202eabc/);
  assert.equal(sanitize('tab\tok\nline'), 'tab\tok\nline');
});

test('verify reads a number split by bidi controls whole, and shows the controls of the card only as escapes', () => {
  const file = join(tmp, 'bidi.txt');
  const card = 'Right-to-left \u202eevil\u202c title\n\n0.5\n0.5\n0.5\n3\n\nSummary.\n\nKey finding\n\nIt grows.\n\nNumbers: 4\u202e0% → 6\u200f0% (+80%)\n';
  writeFileSync(file, card);
  const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  // 40% → 60% is +50%: the +80% is an error (read as 4 → 6 it would pass, at +22…86%).
  for (const isTty of [false, true]) {
    const text = cli(['verify', file], {}, isTty);
    assert.equal(text.code, 1);
    assert.doesNotMatch(text.stdout, bidi);
    assert.match(text.stdout, /Right-to-left \\u202eevil\\u202c title/);
    assert.match(text.stdout, /\+80%: inconsistent .*; 40% contains an invisible character \(U\+202E\), ignored in reading it; 60% contains an invisible character \(U\+200F\)/);
  }
  const json = cli(['verify', '--format', 'json', file]);
  assert.equal(json.code, 1);
  assert.doesNotMatch(json.stdout, bidi);
  const check = JSON.parse(json.stdout).files[0].papers[0].checks.find((c: { kind: string }) => c.kind === 'percent-change');
  assert.equal(check.verdict, 'inconsistent');
  assert.equal(check.severity, 'error');
  assert.match(check.message, /40% contains an invisible character \(U\+202E\)/);
  const line = card.split('\n')[check.line - 1];
  assert.equal(line.slice(check.column - 1, check.endColumn - 1), '+80%');
});

test('verify warns of a bidi control outside a number at the character, in the text, JSON and SARIF reports', () => {
  const file = join(tmp, 'bidi-outside.txt');
  const card = 'Speed paper\n\n0.5\n0.5\n0.5\n3\n\nSummary.\n\nKey finding\n\nIt grows.\n\nNumbers: \u202e40% → 60% (+50%)\u202c\n';
  writeFileSync(file, card);
  const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const text = cli(['verify', file]);
  assert.equal(text.code, 0, 'a warning, no error');
  assert.doesNotMatch(text.stdout, bidi);
  assert.match(text.stdout, /:14:10: ⚠ warning unverifiable \[bidi-control\] The Numbers line contains 2 bidirectional control characters \(U\+202E RIGHT-TO-LEFT OVERRIDE, U\+202C POP DIRECTIONAL FORMATTING\), so it may display differently from how it is read and checked/);
  assert.match(text.stdout, /1 papers?, \d+ checks: 0 errors, 1 warning/);
  const json = cli(['verify', '--format', 'json', file]);
  assert.equal(json.code, 0);
  assert.doesNotMatch(json.stdout, bidi, 'the control reaches the terminal only as an escape');
  const report = JSON.parse(json.stdout);
  const check = report.files[0].papers[0].checks.find((c: { kind: string }) => c.kind === 'bidi-control');
  for (const key of ['kind', 'verdict', 'severity', 'line', 'column', 'endColumn', 'message', 'stated', 'computed']) assert.ok(key in check, key);
  assert.deepEqual([check.verdict, check.severity, check.stated, check.computed], ['unverifiable', 'warning', 'U+202E', 'U+202E, U+202C']);
  assert.equal(card.split('\n')[check.line - 1].slice(check.column - 1, check.endColumn - 1), '\u202e');
  assert.deepEqual([report.summary.errors, report.summary.warnings], [0, 1]);
  const sarif = JSON.parse(cli(['verify', '--format', 'sarif', file]).stdout);
  const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'bidi-control');
  assert.equal(rule.shortDescription.text, 'A bidirectional control character outside a number: the text may display in another order than it is read');
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'bidi-control');
  assert.equal(result.level, 'warning');
  assert.deepEqual([result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn], [14, 10]);
});

test('verify reports a card that fails to parse at its line, in the text, JSON and SARIF reports, as a warning', () => {
  const file = join(tmp, 'broken-card.txt');
  const good = 'Good card\n\n0.5\n0.6\n0.7\n12\n\nA summary.\n\nNumbers: 10 GB → 5 GB (50% reduction)';
  writeFileSync(file, `1 papers found\n\n${good}\n\nBroken card\n\n0.5\n0.8o\n0.7\n12\n\nAnother summary.\n`);
  const text = cli(['verify', '--no-color', file]);
  assert.equal(text.code, 0, 'a card that was not read is a warning, not an error');
  assert.match(text.stdout, /broken-card\.txt:17:1: ⚠ warning damaged \[parse\] Card "Broken card" \(line 14\): score 2 "0\.8o" is not a number\./);
  assert.match(text.stdout, /\n1 paper, 2 checks: 0 errors, 1 warning\n$/);

  const json = JSON.parse(cli(['verify', '--format', 'json', file]).stdout);
  const [parse] = json.files[0].fileChecks;
  assert.deepEqual([parse.kind, parse.verdict, parse.severity, parse.line, parse.column, parse.endColumn], ['parse', 'damaged', 'warning', 17, 1, 5]);
  assert.equal(json.files[0].papers.length, 1);
  assert.deepEqual(json.summary, { papers: 1, checks: 2, errors: 0, warnings: 1 });

  const sarif = JSON.parse(cli(['verify', '--format', 'sarif', file]).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'parse');
  assert.equal(result.level, 'warning');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 17);
});

test('colour only when asked for: TTY without NO_COLOR', () => {
  assert.doesNotMatch(cli(['list', SAMPLE_SEED], {}, false).stdout, /\u001b\[/);
  assert.match(cli(['list', SAMPLE_SEED], {}, true).stdout, /\u001b\[1m/);
  assert.doesNotMatch(cli(['list', SAMPLE_SEED], { NO_COLOR: '1' }, true).stdout, /\u001b\[/);
  assert.doesNotMatch(cli(['list', '--no-color', SAMPLE_SEED], {}, true).stdout, /\u001b\[/);
});

test('verify the sample: seven warnings, no error, exit 0; the JSON report keeps the contract', () => {
  const text = cli(['verify', SAMPLE_SEED]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /24 papers, \d+ checks: 0 errors, 7 warnings/);
  assert.match(text.stdout, /near-miss \[percent-change\] 93%/);
  const json = cli(['verify', '--format', 'json', SAMPLE_SEED]);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.stdout);
  assert.deepEqual(Object.keys(report).sort(), ['files', 'summary']);
  assert.equal(report.files[0].declaredCount, 143);
  assert.equal(report.files[0].papers.length, 24);
  assert.deepEqual([report.summary.papers, report.summary.errors, report.summary.warnings], [24, 0, 7]);
  const check = report.files[0].papers[7].checks.find((c: { verdict: string; line: number }) => c.verdict === 'near-miss' && c.line === 121);
  for (const key of ['kind', 'verdict', 'severity', 'line', 'column', 'endColumn', 'message', 'stated', 'computed']) assert.ok(key in check, key);
  const line = readFileSync(SAMPLE_SEED, 'utf8').split('\n')[check.line - 1];
  assert.equal(line.slice(check.column - 1, check.endColumn - 1), '93%');
});

test('verify exits 1 when a claim cannot come from its numbers, and SARIF names the rule', () => {
  const wrong = join(tmp, 'wrong.txt');
  writeFileSync(wrong, 'Speed paper\n\n0.5\n0.5\n0.5\n3\n\nFaster.\n\nKey finding\n\nIt is faster.\n\nNumbers: 120 ms vs 40 ms (5.0× faster)\n');
  assert.equal(cli(['verify', wrong]).code, 1);
  const sarif = cli(['verify', '--format', 'sarif', wrong]);
  assert.equal(sarif.code, 1);
  const log = JSON.parse(sarif.stdout);
  assert.equal(log.version, '2.1.0');
  const result = log.runs[0].results.find((r: { level: string }) => r.level === 'error');
  assert.ok(result, 'an error result');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 14);
});

test('verify of a digest bigger than one piece reports every card exactly as checking it whole does', () => {
  // 1,500 generated cards (about 700 KB) go through the CLI's piece-by-piece path in several 64 KB pieces; the
  // report must hold the same papers and checks as checking the parsed file in memory.
  const text = generateDigest(1500, 3);
  const file = join(tmp, 'digest.txt');
  writeFileSync(file, text);
  const streamed = cli(['verify', '--format', 'json', file]);
  let whole = '';
  const seed = parseSeed(text);
  const result = checkSeed(seed);
  writeReport(new JsonWriter((t) => (whole += t)), [{ path: file, declaredCount: seed.declaredCount, ...result }]);
  assert.equal(streamed.stderr, '');
  assert.ok(Buffer.byteLength(text) > 4 * 65536);
  assert.equal(JSON.parse(streamed.stdout).summary.papers, 1500);
  assert.equal(streamed.stdout, escapeJsonForTerminal(whole));
  assert.equal(streamed.code, JSON.parse(whole).summary.errors > 0 ? 1 : 0);
});

test('verify of several files: one report, files in order, and the header count checked per file', () => {
  const short = join(tmp, 'short.txt');
  writeFileSync(short, readFileSync(SAMPLE_SEED, 'utf8'));
  const { code, stdout } = cli(['verify', '--format', 'json', SAMPLE_SEED, short]);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.deepEqual(
    report.files.map((f: { path: string; papers: unknown[]; fileChecks: Array<{ kind: string }> }) => [f.path, f.papers.length, f.fileChecks.map((c) => c.kind)]),
    [
      [SAMPLE_SEED, 24, ['declared-count']],
      [short, 24, ['declared-count']],
    ],
  );
  assert.equal(report.summary.papers, 48);
});
