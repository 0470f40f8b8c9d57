#!/usr/bin/env node
// Integration tests: runs out/test/integration/index.js inside the extension host of a real VS Code 1.100.3
// (code-server + headless Chromium), with the repo as the extension under development and a temporary copy of
// seeds/ as the workspace. Expects `npm run build` and `npm run compile-tests` to have run (test-all does both).
//
// With $VSCODE_EXECUTABLE the same module also runs through @vscode/test-electron in that desktop VS Code. It must
// be the Electron executable itself (e.g. /usr/share/code/code on Linux, ".../Visual Studio Code.app/Contents/
// MacOS/Electron" on macOS), not the `code` shell wrapper; nothing is downloaded.
//
// Options (environment): PAPER_CLAIMS_RUN_TIMEOUT_MS overall wait for results (default 300000),
// PAPER_CLAIMS_TEST_GREP only tests whose name contains it, PAPER_CLAIMS_KEEP_TMP=1 keep the temp folder,
// PAPER_CLAIMS_VERBOSE=1 print the workbench's console.
// Exit code: 0 all passed, 1 a test failed, 2 the tests could not run.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertCodeServerInstalled, logTail, repoRoot, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { createTempWorkspace, onInterrupt } from './lib/workspace.mjs';
import { printResult, resultsDir, runLevel, writeSummary } from './lib/report.mjs';

const testsModule = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const runTimeout = Number(process.env.PAPER_CLAIMS_RUN_TIMEOUT_MS) || 300_000;
const verbose = process.env.PAPER_CLAIMS_VERBOSE === '1';
const keepTmp = process.env.PAPER_CLAIMS_KEEP_TMP === '1';

class CouldNotRun extends Error {}

// Where index.ts writes when $PAPER_CLAIMS_TEST_RESULTS does not reach the extension host. With code-server
// 4.100.3 it does; the fallback is watched too so that a future code-server that filters the environment
// still works (the run id then cannot be checked, so that file is cleared before the run instead).
const fallbackResultsFile = join(repoRoot, 'test-results', 'integration.json');

function readResults(file) {
  for (const candidate of [file, fallbackResultsFile]) {
    if (existsSync(candidate)) return { file: candidate, report: JSON.parse(readFileSync(candidate, 'utf8')) };
  }
  return null;
}

/** Waits for the results file; fails fast if the extension host reported its exit without writing one. */
async function waitForResults(file, { hostExit, describeState }) {
  const deadline = Date.now() + runTimeout;
  while (Date.now() < deadline) {
    const found = readResults(file);
    if (found) return found;
    if (hostExit.code !== undefined) {
      await sleep(1000); // the file is written before the host exits; allow for a slow file system
      const late = readResults(file);
      if (late) return late;
      throw new CouldNotRun(`the extension host exited (code ${hostExit.code}) without writing ${file}.\n${await describeState()}`);
    }
    await sleep(250);
  }
  throw new CouldNotRun(
    `VS Code did not run the tests within ${runTimeout / 1000} s (no ${file}). ` +
      `Either a test hangs (see the test progress lines in the workbench console below) or the extension host never ran ${testsModule}.\n${await describeState()}`,
  );
}

/** code-server + Chromium route. Returns the report written by index.ts. */
async function runInCodeServer() {
  assertCodeServerInstalled();
  const temp = createTempWorkspace('integration');
  const resultsFile = join(temp.dir, 'integration-results.json');
  const runId = randomUUID();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close();
    await server?.stop();
  };
  const offInterrupt = onInterrupt(cleanup);
  let ok = false;
  rmSync(fallbackResultsFile, { force: true });
  try {
    server = await startCodeServer({
      stateDir: temp.stateDir,
      folder: temp.workspace,
      env: { PAPER_CLAIMS_TEST_RESULTS: resultsFile, PAPER_CLAIMS_TEST_RUN_ID: runId },
    });
    browser = await launchBrowser({ echoConsole: verbose });
    const { page, consoleLines } = browser;
    // VS Code's web workbench reports the extension host's exit during extension tests through this hook
    // (the same one @vscode/test-web uses), which lets a crashed run fail fast instead of waiting for the timeout.
    const hostExit = { code: undefined };
    await page.exposeFunction('codeAutomationExit', (code) => {
      hostExit.code = code;
    });

    const url = workbenchUrl(server.port, {
      folder: temp.workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsModule,
    });
    await page.goto(url);
    const describeState = async () => {
      const shot = join(resultsDir, 'screenshots', 'integration-no-results.png');
      mkdirSync(join(resultsDir, 'screenshots'), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      return [
        `Screenshot: ${shot}`,
        `code-server log tail (${server.logFile}):\n${logTail(server.logFile)}`,
        `Workbench console tail:\n${consoleLines.slice(-25).join('\n') || '(empty)'}`,
      ].join('\n\n');
    };
    const { file, report } = await waitForResults(resultsFile, { hostExit, describeState });
    if (file === resultsFile && report.runId !== runId) throw new CouldNotRun(`${file} belongs to another run (${report.runId})`);
    ok = report.failed === 0;
    return report;
  } finally {
    offInterrupt();
    await cleanup();
    if (ok || !keepTmp) temp.remove();
    else console.log(`  (temp folder kept: ${temp.dir})`);
  }
}

/** Desktop route through @vscode/test-electron, only when a VS Code binary is given. */
async function runInDesktop(vscodeExecutablePath) {
  const { runTests } = await import('@vscode/test-electron');
  const temp = createTempWorkspace('integration-desktop');
  const resultsFile = join(temp.dir, 'integration-results.json');
  const runId = randomUUID();
  try {
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: testsModule,
        extensionTestsEnv: { PAPER_CLAIMS_TEST_RESULTS: resultsFile, PAPER_CLAIMS_TEST_RUN_ID: runId },
        launchArgs: [
          temp.workspace,
          '--disable-extensions', // other installed extensions; the one under development still loads
          '--disable-workspace-trust',
          '--user-data-dir', join(temp.stateDir, 'user-data'),
          '--extensions-dir', join(temp.stateDir, 'extensions'),
        ],
      });
    } catch (error) {
      // runTests rejects when run() rejects (some test failed); the results file tells which.
      if (!existsSync(resultsFile)) throw new CouldNotRun(`VS Code desktop did not run the tests: ${error?.message ?? error}`);
    }
    if (!existsSync(resultsFile)) throw new CouldNotRun(`VS Code desktop exited without writing ${resultsFile}`);
    const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (report.runId !== runId) throw new CouldNotRun(`${resultsFile} belongs to another run`);
    return report;
  } finally {
    temp.remove();
  }
}

function printReport(label, report) {
  console.log(`${label}: VS Code ${report.vscodeVersion} (${report.appName}, ${report.uiKind})`);
  for (const test of report.tests) printResult(test);
}

async function main() {
  const started = Date.now();
  if (!existsSync(testsModule)) {
    throw new CouldNotRun(`${testsModule} is missing: run \`npm run compile-tests\``);
  }
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    console.warn('warning: dist/extension.js is missing (run `npm run build`); the extension cannot activate.');
  } else if (statSync(join(repoRoot, 'dist', 'extension.js')).mtimeMs < Date.now() - 24 * 3600_000) {
    console.warn('note: dist/extension.js is more than a day old; `npm run build` if you changed src/.');
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (report) => {
    totals.passed += report.passed;
    totals.failed += report.failed;
    totals.skipped += report.skipped;
  };

  const report = await runInCodeServer();
  printReport('integration (code-server)', report);
  add(report);

  if (process.env.VSCODE_EXECUTABLE) {
    const desktop = await runInDesktop(process.env.VSCODE_EXECUTABLE);
    printReport('integration (desktop)', desktop);
    add(desktop);
  }

  console.log(`integration: ${totals.passed} passed, ${totals.failed} failed` +
    `${totals.skipped ? `, ${totals.skipped} skipped` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  writeSummary('integration', totals);
  return totals.failed === 0 ? 0 : 1;
}

runLevel('integration', main, (error) => error instanceof CouldNotRun);
