// Per-level summaries shared by the runners and scripts/test-all.mjs: each runner writes
// test-results/<level>-summary.json; test-all removes it before the run and reads it afterwards, so a level
// that crashed before writing one is reported as "could not run", never as zero tests.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

export const resultsDir = join(repoRoot, 'test-results');

export function summaryFile(level) {
  return join(resultsDir, `${level}-summary.json`);
}

/** @param {{passed:number, failed:number, skipped?:number, error?:string}} summary */
export function writeSummary(level, summary) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(summaryFile(level), JSON.stringify({ level, ...summary }, null, 2) + '\n');
}

export function readSummary(level) {
  try {
    return JSON.parse(readFileSync(summaryFile(level), 'utf8'));
  } catch {
    return null;
  }
}

export function clearSummary(level) {
  rmSync(summaryFile(level), { force: true });
}

/** Prints one test result line the same way at every level. */
export function printResult({ name, status, error, durationMs }) {
  if (status === 'passed') console.log(`  ✔ ${name}${durationMs >= 1000 ? ` (${(durationMs / 1000).toFixed(1)} s)` : ''}`);
  else if (status === 'skipped') console.log(`  - ${name} (skipped)`);
  else {
    console.log(`  ✖ ${name}`);
    // Frames inside Node or VS Code itself say nothing about the test; keep the message and the test's frames.
    const text = (error?.stack || error?.message || String(error))
      .split('\n')
      .filter((line) => !/^\s+at .*(node:internal|\.vscode-test\/|\(<anonymous>\))/.test(line))
      .join('\n');
    console.log(text.replace(/^/gm, '      '));
  }
}

/**
 * Runs a level's `main` (resolving to its exit code) and exits with it. An error escaping `main` means the level
 * could not run: it is reported as such (`could not run` and a summary with `error`), never as zero tests.
 * `isExpected(error)` tells errors whose message says enough from bugs that want their stack.
 */
export function runLevel(level, main, isExpected = () => false) {
  clearSummary(level);
  main().then(
    (code) => process.exit(code),
    (error) => {
      const message = isExpected(error) ? error.message : (error?.stack ?? String(error));
      console.error(`${level}: could not run: ${message}`);
      writeSummary(level, { passed: 0, failed: 0, error: message.split('\n')[0] });
      process.exit(2);
    },
  );
}
