#!/usr/bin/env node
// Runs the test levels and sums them up:  node scripts/test-all.mjs [unit|integration|e2e]...  (none = all)
//
//   build          npm run build           (dist/, needed by integration and e2e)
//   compile-tests  npm run compile-tests   (out/, needed by unit and integration; out/ is emptied first so
//                                          compiled tests of deleted sources never run)
//   setup-vscode   node scripts/setup-vscode.mjs (no-op once installed; needed by integration and e2e)
//   unit           node --test over out/test/unit/**/*.test.js
//   integration    scripts/run-integration.mjs
//   e2e            scripts/run-e2e.mjs
//
// The last line is always `N passed, N failed` over all levels. A failed step counts as one failure; a level
// that could not run (missing prerequisite, crashed runner, no tests found) counts as one failure too, so it can
// never pass as "0 tests". Exit code 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './lib/code-server.mjs';
import { clearSummary, readSummary, resultsDir } from './lib/report.mjs';

const LEVELS = ['unit', 'integration', 'e2e'];
const requested = process.argv.slice(2);
const unknown = requested.filter((l) => !LEVELS.includes(l));
if (unknown.length) {
  console.error(`unknown level(s): ${unknown.join(', ')}; use any of ${LEVELS.join(', ')} (none = all)`);
  process.exit(2);
}
const levels = requested.length ? LEVELS.filter((l) => requested.includes(l)) : LEVELS;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command with inherited output; resolves to its exit code (never rejects). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = []; // { name, passed, failed, note, ms }

async function step(name, fn) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  // counted: the step reported test counts (a level that ran), as opposed to a plain ok/failed step.
  const row = { name, passed: 0, failed: 0, note: '', ms: 0, ok: true, counted: false };
  try {
    Object.assign(row, await fn());
  } catch (error) {
    row.ok = false;
    row.counted = false;
    row.failed = 1;
    row.note = `could not run: ${error.message}`;
    console.error(`${name}: ${row.note}`);
  }
  row.ms = Date.now() - started;
  rows.push(row);
  return row.ok;
}

/** A build-like step: passes or counts as one failure. */
const command = (cmd, args) => async () => {
  const code = await run(cmd, args);
  if (code !== 0) return { ok: false, failed: 1, note: `exit code ${code}` };
  return { note: 'ok' };
};

function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort();
}

/** Unit tests with node:test: spec output for people, TAP to a file for the counts (one run, two reporters). */
async function unit() {
  const files = findFiles(join(repoRoot, 'out', 'test', 'unit'), '.test.js');
  if (files.length === 0) throw new Error('no out/test/unit/**/*.test.js (are there test/unit/*.test.ts files?)');
  mkdirSync(resultsDir, { recursive: true });
  const tapFile = join(resultsDir, 'unit.tap');
  rmSync(tapFile, { force: true });
  const code = await run(process.execPath, [
    '--enable-source-maps',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files.map((f) => relative(repoRoot, f)),
  ]);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  // node:test ends its TAP with `# pass N`, `# fail N`, `# cancelled N`, … totals over all files.
  // The last occurrence wins, in case a test printed a look-alike line earlier.
  const total = (key) => {
    const matches = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches.at(-1)[1]) : null;
  };
  const passed = total('pass');
  const failed = total('fail');
  if (passed === null || failed === null) throw new Error(`node --test exited with code ${code} and wrote no TAP totals`);
  const cancelled = total('cancelled') ?? 0;
  let failures = failed + cancelled;
  let note = cancelled ? `${cancelled} cancelled` : '';
  if (code !== 0 && failures === 0) {
    failures = 1;
    note = `node --test exited with code ${code}`;
  }
  console.log(`unit: ${passed} passed, ${failures} failed`);
  return { passed, failed: failures, note, ok: failures === 0, counted: true };
}

/** A level run by its own script, which reports through test-results/<level>-summary.json. */
const runner = (level, script) => async () => {
  clearSummary(level);
  const code = await run(process.execPath, [join('scripts', script)]);
  const summary = readSummary(level);
  if (!summary) throw new Error(`${script} exited with code ${code} without a summary`);
  if (summary.error) throw new Error(summary.error);
  let { passed, failed } = summary;
  let note = '';
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `${script} exited with code ${code}`;
  }
  if (passed + failed === 0) throw new Error(`${script} ran no tests`);
  return { passed, failed, note, ok: failed === 0, counted: true };
};

const started = Date.now();
const needs = (...which) => levels.some((l) => which.includes(l));

// A fresh clone: install the project's packages first, so `npm test` is the one command a newcomer needs.
if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) await step('npm-ci', command(npm, ['ci', '--no-audit', '--no-fund']));

let built = true;
let compiled = true;
let vscodeReady = true;
if (needs('integration', 'e2e')) built = await step('build', command(npm, ['run', '--silent', 'build']));
if (needs('unit', 'integration')) {
  rmSync(join(repoRoot, 'out'), { recursive: true, force: true });
  // Type errors fail this step, but tsc still emits JavaScript, so the tests run and report too.
  await step('compile-tests', command(npm, ['run', '--silent', 'compile-tests']));
  compiled = existsSync(join(repoRoot, 'out'));
}
if (needs('integration', 'e2e')) vscodeReady = await step('setup-vscode', command(process.execPath, ['scripts/setup-vscode.mjs', '--with-browser']));

const blocked = (why) => async () => {
  throw new Error(why);
};
for (const level of levels) {
  if (level === 'unit') await step('unit', compiled ? unit : blocked('compile-tests produced no out/'));
  if (level === 'integration') {
    const why = !built ? 'the build failed' : !compiled ? 'compile-tests produced no out/' : !vscodeReady ? 'setup-vscode failed' : null;
    await step('integration', why ? blocked(why) : runner('integration', 'run-integration.mjs'));
  }
  if (level === 'e2e') {
    const why = !built ? 'the build failed' : !vscodeReady ? 'setup-vscode failed' : null;
    await step('e2e', why ? blocked(why) : runner('e2e', 'run-e2e.mjs'));
  }
}

console.log('\n━━ summary ━━');
for (const row of rows) {
  const counts = row.counted ? `${row.passed} passed, ${row.failed} failed` : row.ok ? 'ok' : 'FAILED';
  console.log(`${row.name.padEnd(14)} ${counts.padEnd(26)} ${seconds(row.ms).padStart(8)}${row.note && row.note !== 'ok' ? `  ${row.note}` : ''}`);
}
console.log(`total time ${seconds(Date.now() - started)}`);
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
