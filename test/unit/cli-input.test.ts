// The CLI against input nobody vetted: files that are not seed files, a very large file, and a hostile seed file
// whose text carries terminal escape sequences and bidi overrides. Every refusal is one line on stderr with exit
// status 2 and nothing on stdout; the hostile file's text reaches stdout only as inert, visible escapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SEED_BYTES } from '../../src/cli/cli';
import { REPO_ROOT, SAMPLE_SEED } from './paths';
import { runCliCaptured } from './cliHarness';

const HOSTILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile.txt');

const cli = runCliCaptured;

const tmp = mkdtempSync(join(tmpdir(), 'paper-claims-cli-input-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Anything a terminal acts on: C0 controls but tab and newline, DEL, C1 (8-bit CSI/OSC), bidi controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function assertRefused(args: string[], reason: RegExp, what: string): void {
  const { code, stdout, stderr } = cli(args);
  assert.equal(code, 2, `${what}: exit status`);
  assert.equal(stdout, '', `${what}: nothing printed as if it were a result`);
  assert.equal(stderr.split('\n').filter(Boolean).length, 1, `${what}: one line on stderr, got ${JSON.stringify(stderr)}`);
  assert.match(stderr, /^paper-claims: /, what);
  assert.match(stderr, reason, what);
}

const cases: Array<{ name: string; make: () => string; reason: RegExp }> = [
  { name: 'a missing file', make: () => join(tmp, 'missing.txt'), reason: /missing\.txt: cannot read \(no such file\)/ },
  { name: 'a directory', make: () => tmp, reason: /is a directory, not a seed file/ },
  {
    name: 'a binary file',
    make: () => {
      const file = join(tmp, 'image.png');
      writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      return file;
    },
    reason: /image\.png: looks like a binary file/,
  },
  {
    name: 'non-UTF-8 text (Latin-1)',
    make: () => {
      const file = join(tmp, 'latin1.txt');
      writeFileSync(file, Buffer.from('Caf\xe9 na\xefve r\xe9sum\xe9\n\n0.8\n0.8\n0.9\n4\n', 'latin1'));
      return file;
    },
    reason: /latin1\.txt: is not valid UTF-8 text/,
  },
  {
    name: 'a truncated UTF-8 sequence at the end',
    make: () => {
      const file = join(tmp, 'truncated.txt');
      writeFileSync(file, Buffer.concat([Buffer.from('Title \u2192 more'), Buffer.from([0xe2, 0x86])]));
      return file;
    },
    reason: /truncated\.txt: is not valid UTF-8 text/,
  },
  { name: 'a device that never ends (/dev/zero)', make: () => '/dev/zero', reason: /\/dev\/zero: is not a regular file/ },
  {
    name: 'a named pipe (would block forever)',
    make: () => {
      const file = join(tmp, 'fifo.txt');
      if (!existsSync(file)) spawnSync('mkfifo', [file]);
      return file;
    },
    reason: /fifo\.txt: is not a regular file/,
  },
  {
    name: 'a file over the size limit (sparse, so the test stays fast)',
    make: () => {
      const file = join(tmp, 'huge.txt');
      writeFileSync(file, '');
      truncateSync(file, MAX_SEED_BYTES + 1);
      return file;
    },
    reason: /huge\.txt: is 256 MB; seed files over 256 MB are not read/,
  },
];

for (const c of cases) {
  test(`CLI refuses ${c.name}: one line, exit 2, nothing on stdout (list and verify, also after a good file)`, () => {
    if (c.name.startsWith('a device') && !existsSync('/dev/zero')) return;
    const path = c.make();
    if (c.name.startsWith('a named pipe') && !existsSync(path)) return; // no mkfifo on this system
    for (const command of ['list', 'verify']) {
      assertRefused([command, path], c.reason, `${command} ${c.name}`);
      // A good file first: still nothing on stdout, since every file is read before anything is printed.
      assertRefused([command, SAMPLE_SEED, path], c.reason, `${command} sample + ${c.name}`);
      assertRefused([command, '--format', 'json', SAMPLE_SEED, path], c.reason, `${command} --format json sample + ${c.name}`);
    }
  });
}

test('CLI refuses a file without read permission', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'paper-claims-no-read-'));
  chmodSync(dir, 0o755);
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, readFileSync(SAMPLE_SEED));
  chmodSync(secret, 0o000);
  try {
    if (process.getuid?.() !== 0) {
      assertRefused(['list', secret], /secret\.txt: cannot read \(permission denied\)/, 'no read permission');
      assertRefused(['verify', SAMPLE_SEED, secret], /secret\.txt: cannot read \(permission denied\)/, 'no read permission after a good file');
      return;
    }
    // root reads any file whatever its mode (CI containers run as root): run the built command as the unprivileged
    // user `nobody` instead, where the system has setpriv (util-linux) and nobody can read the checkout.
    const bin = join(REPO_ROOT, 'dist', 'cli.js');
    const asNobody = (...args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], { encoding: 'utf8' });
    const probe = existsSync(bin) ? asNobody('--version') : undefined;
    if (probe?.status !== 0) return t.skip(`running as root, and dist/cli.js cannot run as nobody (${probe?.error?.message ?? probe?.stderr.split('\n')[0] ?? 'not built'})`);
    const refused = asNobody('verify', SAMPLE_SEED, secret);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '', 'nothing printed as if it were a result');
    assert.match(refused.stderr, /^paper-claims: .*secret\.txt: cannot read \(permission denied\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: an empty or blank file is a result (0 papers, exit 0) with a one-line warning on stderr', () => {
  for (const [name, content] of [['empty.txt', ''], ['blank.txt', '\n\n   \r\n\t\n']] as const) {
    const file = join(tmp, name);
    writeFileSync(file, content);
    const list = cli(['list', file]);
    assert.equal(list.code, 0);
    assert.match(list.stdout, new RegExp(`${name.replace('.', '\\.')}: 0 papers\\n$`));
    assert.equal(list.stderr, `paper-claims: warning: ${file}: is empty (no paper cards)\n`);
    const verify = cli(['verify', '--format', 'json', file]);
    assert.equal(verify.code, 0);
    assert.equal(JSON.parse(verify.stdout).summary.papers, 0);
    assert.equal(verify.stderr.split('\n').filter(Boolean).length, 1);
  }
});

test('CLI: a 50 MB seed file (about 100,000 cards) is read and listed in reasonable time', () => {
  const dir = join(tmp, 'big');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'big.txt');
  const sample = readFileSync(SAMPLE_SEED, 'utf8');
  const body = sample.slice(sample.indexOf('\n') + 1);
  const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(body));
  writeFileSync(file, `${24 * copies} papers found\n${body.repeat(copies)}`);
  const started = performance.now();
  const { code, stdout, stderr } = cli(['list', file]);
  const ms = performance.now() - started;
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  assert.ok(stdout.startsWith(`${file}: ${24 * copies} papers, header declares ${24 * copies}\n`), stdout.slice(0, 200));
  assert.equal(stdout.split('\n').length, 24 * copies + 2, 'one line per paper, after the file line');
  // Parsing runs at tens of MB/s; the bound only catches a pathological slowdown on a loaded machine.
  assert.ok(ms < 30_000, `listing 50 MB took ${ms.toFixed(0)} ms`);
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: the hostile fixture through list and verify prints escaped text and no terminal control sequence', () => {
  const source = readFileSync(HOSTILE, 'utf8');
  assert.ok(TERMINAL_CONTROL.test(source), 'the fixture does carry control sequences');
  for (const args of [
    ['list', HOSTILE],
    ['list', '--format', 'json', HOSTILE],
    ['verify', HOSTILE],
    ['verify', '--format', 'json', HOSTILE],
    ['verify', '--format', 'sarif', HOSTILE],
  ]) {
    for (const isTty of [false, true]) {
      const { code, stdout, stderr } = cli(args, {}, isTty);
      const what = `${args.join(' ')}${isTty ? ' (tty, colour)' : ''}`;
      assert.equal(code, args[0] === 'verify' ? 1 : 0, `${what}: exit status (the fixture has inconsistent claims)`);
      assert.equal(stderr, '', what);
      // Colour codes are the CLI's own: strip exactly those (SGR around our text) and nothing may remain.
      const ours = isTty && !args.includes('--format') ? stdout.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '') : stdout;
      const found = TERMINAL_CONTROL.exec(ours);
      assert.equal(found, null, `${what}: raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}: ${JSON.stringify(ours.slice((found?.index ?? 0) - 40, (found?.index ?? 0) + 40))}`);
      assert.doesNotMatch(ours, /\u200b/, `${what}: zero-width space shown, not hidden`);
    }
  }
  const list = cli(['list', HOSTILE]).stdout;
  // Escaped, visible, and otherwise verbatim (markup is text in a terminal).
  assert.match(list, /Terminal \\u001b\[31mRED\\u001b\[0m \\u001b\]0;PWNED\\u0007 title \\u009b31m eight-bit CSI/);
  assert.match(list, /Right-to-left \\u202eexe\.txt\\u202c override and zero\\u200bwidth/);
  assert.ok(list.includes(`<script>window.__pwned=1;document.title='PWNED'</script> Script tags in a title`));
  assert.match(list, /hostile\.txt:80: Card "<img src=x onerror="window\.__pwned=50"> Broken card \\u001b\]0;PWN…"/);
  // JSON keeps the exact text for programs: parsing the escaped output gives back the raw characters.
  const json = JSON.parse(cli(['list', '--format', 'json', HOSTILE]).stdout);
  assert.equal(json.files[0].papers.length, 5);
  assert.ok(json.files[0].papers[4].title.includes('\u001b]0;PWNED\u0007'));
  assert.ok(json.files[0].papers[4].title.includes('\u009b31m'));
  assert.ok(json.files[0].papers[3].title.includes('\u202eexe.txt\u202c'));
  assert.equal(json.files[0].papers[2].title.length, 102_400, 'the 100 KB title, whole');
  const text = cli(['verify', HOSTILE]).stdout;
  assert.match(text, /#5 Terminal \\u001b\[31mRED/);
  for (const line of text.split('\n')) assert.ok(line.length < 2_000, `verify text lines stay short (the 100 KB title is shortened): ${line.length}`);
});

test('dist/cli.js (the built command): real exit codes, one-line errors, nothing partial on stdout', (t) => {
  const bin = join(REPO_ROOT, 'dist', 'cli.js');
  if (!existsSync(bin)) return t.skip('dist/cli.js not built (node scripts/build.mjs)');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ok = run('list', SAMPLE_SEED);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /24 papers, header declares 143/);
  const missing = run('verify', SAMPLE_SEED, join(tmp, 'missing.txt'));
  assert.equal(missing.status, 2);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /^paper-claims: .*missing\.txt: cannot read \(no such file\)\n$/);
  const dir = run('list', tmp);
  assert.equal(dir.status, 2);
  assert.equal(dir.stdout, '');
  assert.match(dir.stderr, /^paper-claims: .*: is a directory, not a seed file\n$/);
  const hostile = run('verify', HOSTILE);
  assert.equal(hostile.status, 1, 'verify exits 1: the fixture has inconsistent claims');
  assert.equal(TERMINAL_CONTROL.exec(hostile.stdout), null, 'no raw control character reaches the terminal');
  const usage = run('frobnicate');
  assert.equal(usage.status, 2);
  assert.equal(usage.stdout, '');
});
