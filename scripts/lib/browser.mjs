// Headless Chromium through playwright-core. Playwright's own browser download needs internet, so this uses the
// system Chromium (Debian's `chromium` package) or the one named by $CHROMIUM_PATH.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}): apt-get install chromium, or set CHROMIUM_PATH`);
  return found;
}

// Quiet, offline-friendly flags: no sandbox (CI runs as root), no GPU, no background network chatter.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Chromium and opens one page sized for readable screenshots. The page's console messages are kept
 * (last 200) so a failing run can show what the workbench logged; `echoConsole` also prints them as they come.
 * @returns {Promise<{browser: import('playwright-core').Browser, page: import('playwright-core').Page, consoleLines: string[], close: () => Promise<void>}>}
 */
export async function launchBrowser({ headless = true, viewport = { width: 1400, height: 900 }, echoConsole = false } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless, args: FLAGS });
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const consoleLines = [];
    page.on('console', (message) => {
      // VS Code styles its log lines ("%c INFO color: #33f …"); the styling is noise in a terminal.
      const text = message.text().replace(/%c\s*/g, '').replace(/color: #[0-9a-f]{3,6}\s*/gi, '');
      consoleLines.push(`[${message.type()}] ${text}`);
      if (echoConsole) console.log(`    [workbench ${message.type()}] ${text}`);
      if (consoleLines.length > 200) consoleLines.shift();
    });
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    const close = async () => {
      // close() can hang if Chromium is wedged; the process is ours, so give up on it after a while.
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
      browser.process?.()?.kill('SIGKILL');
    };
    return { browser, page, consoleLines, close };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/** Resolves when the VS Code workbench has rendered (`.monaco-workbench` present). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'attached', timeout });
}
