// A deliberately small test API for code that runs inside the VS Code extension host, where the usual runners
// (mocha, node --test) are not wired in. Test files register tests with `suite`/`test` when they are loaded;
// index.ts then runs them one after another.
//
//   import * as assert from 'node:assert/strict';
//   import { suite, test } from './harness';
//   suite('tree view', () => {
//     test('lists the sample papers', async () => { ... }, { timeout: 20_000 });
//   });

export type TestFn = () => unknown | Promise<unknown>;

export interface TestOptions {
  /** Milliseconds before the test fails as timed out (default 10 s, or $PAPER_CLAIMS_TEST_TIMEOUT_MS). */
  timeout?: number;
  skip?: boolean;
}

export interface TestResult {
  /** Suite names followed by the test name, joined with " › ". */
  name: string;
  file: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: { message: string; stack?: string };
}

interface RegisteredTest {
  suites: string[];
  name: string;
  file: string;
  fn: TestFn;
  timeout: number;
  skip: boolean;
}

const DEFAULT_TIMEOUT = Number(process.env.PAPER_CLAIMS_TEST_TIMEOUT_MS) || 10_000;

let registered: RegisteredTest[] = [];
const suiteStack: string[] = [];
let currentFile = '';

/** Groups tests under a name. The body runs immediately and must only register tests (it may not be async). */
export function suite(name: string, body: () => void): void {
  suiteStack.push(name);
  try {
    body();
  } finally {
    suiteStack.pop();
  }
}

/** Registers a test. It passes when `fn` returns (or its promise resolves) within the timeout. */
export function test(name: string, fn: TestFn, options: TestOptions = {}): void {
  registered.push({
    suites: [...suiteStack],
    name,
    file: currentFile,
    fn,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    skip: options.skip ?? false,
  });
}

/** Registers a test that is reported as skipped. */
test.skip = (name: string, fn: TestFn, options: TestOptions = {}): void => test(name, fn, { ...options, skip: true });

/** Used by index.ts: loads one test file with registrations attributed to it. */
export function loadTestFile(file: string, load: () => void): void {
  currentFile = file;
  try {
    load();
  } finally {
    currentFile = '';
  }
}

export function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message || error.name, stack: error.stack };
  return { message: String(error) };
}

/**
 * Runs `fn`, failing after `timeout` ms. A timed-out test is reported as failed; its work cannot be cancelled and
 * may still finish in the background (JavaScript offers no way to abort an arbitrary promise).
 */
async function runWithTimeout(fn: TestFn, timeout: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms`)), timeout);
  });
  try {
    await Promise.race([Promise.resolve().then(fn), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every registered test in registration order, optionally only those whose full name contains `grep`. */
export async function runRegistered(
  options: { grep?: string; onResult?: (result: TestResult) => void } = {},
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const tests = registered;
  registered = [];
  for (const t of tests) {
    const name = [...t.suites, t.name].join(' › ');
    if (options.grep && !name.includes(options.grep)) continue;
    const started = Date.now();
    let result: TestResult;
    if (t.skip) {
      result = { name, file: t.file, status: 'skipped', durationMs: 0 };
    } else {
      try {
        await runWithTimeout(t.fn, t.timeout);
        result = { name, file: t.file, status: 'passed', durationMs: Date.now() - started };
      } catch (error) {
        result = { name, file: t.file, status: 'failed', durationMs: Date.now() - started, error: describeError(error) };
      }
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
