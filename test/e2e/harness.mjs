// Registration API for end-to-end tests (test/e2e/*.e2e.mjs). scripts/run-e2e.mjs imports every test file, which
// calls `test()` at load time, then runs the tests in order against ONE workbench page: later tests see the state
// earlier ones left, so each test should establish what it needs through the idempotent helpers in workbench.mjs.
//
//   import { test } from './harness.mjs';
//   test('opens the view', async ({ page, screenshot }) => { ... }, { timeout: 60_000 });
//
// The context passed to each test:
//   page        the Playwright page showing the workbench (extension under development loaded)
//   workspace   absolute path of the temporary workspace folder (contains seeds/)
//   screenshot  async (name, { also }) => path: saves test-results/screenshots/<name>.png, and copies to `also`
//               (a repo-relative path such as media/screenshots/card.png) when given

const registered = [];

export function test(name, fn, { timeout = 60_000 } = {}) {
  registered.push({ name, fn, timeout });
}

/** Used by the runner: hands over what the files registered so far and starts a new list. */
export function takeRegisteredTests() {
  return registered.splice(0, registered.length);
}
