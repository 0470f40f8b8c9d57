// The extensionTestsPath module: VS Code loads it in the extension host (with the extension under development
// active or activatable) and awaits `run()`. It serves two launchers:
//
//  * scripts/run-integration.mjs — code-server (real VS Code 1.100.3) driven by headless Chromium. The runner only
//    sees the browser, so results travel through a file (below).
//  * @vscode/test-electron `runTests()` against a desktop VS Code ($VSCODE_EXECUTABLE). There the rejection of
//    `run()` is what makes `runTests()` fail; the results file is written as well.
//
// Results channel: the JSON file named by $PAPER_CLAIMS_TEST_RESULTS. The runner sets it on the code-server
// process, whose environment reaches the extension host it spawns (and test-electron passes it through
// `extensionTestsEnv`). When that variable is absent the file is `<repo>/test-results/integration.json`, found
// from this module's own location (out/test/integration/ -> repo), which works with any launcher. The file is
// written once, atomically (temp file + rename), after the last test, so its appearance means "done".
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeError, loadTestFile, runRegistered, type TestResult } from './harness';

export interface IntegrationReport {
  runId: string | null;
  vscodeVersion: string;
  appName: string;
  uiKind: 'desktop' | 'web';
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function resultsFile(): string {
  return process.env.PAPER_CLAIMS_TEST_RESULTS || path.join(repoRoot, 'test-results', 'integration.json');
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: TestResult[] = [];
  const log = (result: TestResult) => {
    // Shown in the desktop runner's output and in the extension host log / browser console under code-server.
    const mark = result.status === 'passed' ? '✔' : result.status === 'skipped' ? '-' : '✖';
    console.log(`[paper-claims tests] ${mark} ${result.name}${result.error ? `: ${result.error.message}` : ''}`);
  };

  // Discover compiled test files next to this module. A file that throws while loading becomes a failed test,
  // so a broken file can never silently count as zero tests.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) {
    try {
      loadTestFile(file, () => require(path.join(__dirname, file)));
    } catch (error) {
      const failure: TestResult = { name: `load ${file}`, file, status: 'failed', durationMs: 0, error: describeError(error) };
      results.push(failure);
      log(failure);
    }
  }
  if (files.length === 0) {
    results.push({ name: 'discover test files', file: '', status: 'failed', durationMs: 0, error: { message: `no *.test.js in ${__dirname}` } });
  }

  results.push(...(await runRegistered({ grep: process.env.PAPER_CLAIMS_TEST_GREP || undefined, onResult: log })));

  const count = (status: TestResult['status']) => results.filter((r) => r.status === status).length;
  const report: IntegrationReport = {
    runId: process.env.PAPER_CLAIMS_TEST_RUN_ID ?? null,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    tests: results,
  };
  writeAtomically(resultsFile(), JSON.stringify(report, null, 2) + '\n');

  if (report.failed > 0) {
    throw new Error(`${report.failed} of ${results.length} integration tests failed`);
  }
}
