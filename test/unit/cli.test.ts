import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/cli';
import { sanitizeForTerminal } from '../../src/cli/terminal';
import { SAMPLE_SEED } from './paths';

function cli(args: string[], env: NodeJS.ProcessEnv = {}, isTty = false) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty, env }, '1.2.3');
  return { code, stdout, stderr };
}

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
  assert.match(stdout, /Evil \\u\{1b\}\]0;pwned\\u\{7\} title \\u\{202e\}abc/);
  assert.equal(sanitizeForTerminal('tab\tok\nline'), 'tab\tok\nline');
});

test('colour only when asked for: TTY without NO_COLOR', () => {
  assert.doesNotMatch(cli(['list', SAMPLE_SEED], {}, false).stdout, /\u001b\[/);
  assert.match(cli(['list', SAMPLE_SEED], {}, true).stdout, /\u001b\[1m/);
  assert.doesNotMatch(cli(['list', SAMPLE_SEED], { NO_COLOR: '1' }, true).stdout, /\u001b\[/);
  assert.doesNotMatch(cli(['list', '--no-color', SAMPLE_SEED], {}, true).stdout, /\u001b\[/);
});
