#!/usr/bin/env node
// End-to-end tests: the built extension in a real VS Code 1.100.3 (code-server) driven through its UI by headless
// Chromium, as a user would. The repo is loaded as the extension under development (the `payload` URL parameter
// without extensionTestsPath, so the workbench is the ordinary UI) and a temporary copy of seeds/ is the workspace.
// Runs test/e2e/*.e2e.mjs in order on one page; screenshots go to test-results/screenshots/ (every failure gets
// one). Expects `npm run build` to have run (test-all does it).
//
// Options (environment): PAPER_CLAIMS_TEST_GREP only tests whose name contains it, PAPER_CLAIMS_HEADED=1 show the
// browser (needs a display), PAPER_CLAIMS_VERBOSE=1 print the workbench's console, PAPER_CLAIMS_KEEP_TMP=1.
// Exit code: 0 all passed, 1 a test failed, 2 the tests could not run.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { logTail, repoRoot, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { launchBrowser, waitForWorkbench } from './lib/browser.mjs';
import { createTempWorkspace, onInterrupt } from './lib/workspace.mjs';
import { printResult, resultsDir, runLevel, writeSummary } from './lib/report.mjs';

const e2eDir = join(repoRoot, 'test', 'e2e');
const screenshotDir = join(resultsDir, 'screenshots');
const grep = process.env.PAPER_CLAIMS_TEST_GREP;
const verbose = process.env.PAPER_CLAIMS_VERBOSE === '1';

class CouldNotRun extends Error {}

async function loadTests() {
  const { takeRegisteredTests } = await import(pathToFileURL(join(e2eDir, 'harness.mjs')).href);
  const files = readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.mjs')).sort();
  if (files.length === 0) throw new CouldNotRun(`no *.e2e.mjs files in ${e2eDir}`);
  const tests = [];
  for (const file of files) {
    await import(pathToFileURL(join(e2eDir, file)).href);
    tests.push(...takeRegisteredTests().map((t) => ({ ...t, file })));
  }
  return grep ? tests.filter((t) => t.name.includes(grep)) : tests;
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new CouldNotRun('dist/extension.js is missing: run `npm run build`');
  }
  const tests = await loadTests();
  if (tests.length === 0) throw new CouldNotRun(grep ? `no e2e test matches "${grep}"` : 'no e2e tests registered');
  mkdirSync(screenshotDir, { recursive: true });

  const temp = createTempWorkspace('e2e');
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close();
    await server?.stop();
  };
  const offInterrupt = onInterrupt(cleanup);
  const results = [];
  try {
    server = await startCodeServer({ stateDir: temp.stateDir, folder: temp.workspace });
    browser = await launchBrowser({ headless: process.env.PAPER_CLAIMS_HEADED !== '1', echoConsole: verbose });
    const { page, consoleLines } = browser;
    await page.goto(workbenchUrl(server.port, { folder: temp.workspace, extensionDevelopmentPath: repoRoot }));
    try {
      await waitForWorkbench(page);
    } catch (error) {
      throw new CouldNotRun(`the workbench did not load: ${error.message}\ncode-server log tail:\n${logTail(server.logFile)}`);
    }

    const screenshot = async (name, { also } = {}) => {
      const file = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      if (also) {
        mkdirSync(dirname(join(repoRoot, also)), { recursive: true });
        copyFileSync(file, join(repoRoot, also));
      }
      return file;
    };
    const context = { page, workspace: temp.workspace, screenshot };

    console.log(`e2e: VS Code workbench at ${server.url}, workspace ${temp.workspace}`);
    for (const t of tests) {
      const testStarted = Date.now();
      let result;
      try {
        await withTimeout(t.fn(context), t.timeout, `test "${t.name}"`);
        result = { name: t.name, status: 'passed', durationMs: Date.now() - testStarted };
      } catch (error) {
        const shot = await screenshot(`failed-${slug(t.name)}`).catch(() => null);
        const detail = [
          error?.stack ?? String(error),
          shot ? `screenshot: ${shot}` : '',
          verbose ? '' : `workbench console tail:\n${consoleLines.slice(-10).join('\n')}`,
        ].filter(Boolean).join('\n');
        result = { name: t.name, status: 'failed', durationMs: Date.now() - testStarted, error: { stack: detail } };
      }
      printResult(result);
      results.push(result);
    }
  } finally {
    offInterrupt();
    await cleanup();
    const failed = results.some((r) => r.status === 'failed');
    if (failed && process.env.PAPER_CLAIMS_KEEP_TMP === '1') console.log(`  (temp folder kept: ${temp.dir})`);
    else temp.remove();
  }

  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  console.log(`e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  writeSummary('e2e', { passed, failed });
  return failed === 0 ? 0 : 1;
}

runLevel('e2e', main, (error) => error instanceof CouldNotRun);
