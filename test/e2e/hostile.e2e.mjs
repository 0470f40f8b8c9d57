// Hostile cards in a real browser: test/fixtures/hostile.txt is dropped into the workspace (as hostile/hostile.txt,
// found by its `N papers found` header), each attack card is opened from the tree, and inside the webview we check
// that the attacks are text: no injected element, no flag set in any frame, nothing let through by the CSP. Each
// card is checked twice: clicked, in the Card view of the side bar (built by card.js from a message), and opened
// with "Open Card in Editor" as the first card of a new card tab (in the page's HTML, written by the extension host).
// The file is removed again at the end, so later tests see only the sample's papers.
// Screenshot: test-results/screenshots/hostile-card.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/code-server.mjs';
import { test } from './harness.mjs';
import { openViewContainer, parkMouse, runCommand, runContextMenuItem, treeRow, waitForTreeRow } from './workbench.mjs';

const fixture = readFileSync(join(repoRoot, 'test', 'fixtures', 'hostile.txt'), 'utf8');
const lines = fixture.split('\n');
/** Each card's title: the line above a blank line and two score lines. */
const titles = lines.filter((line, i) => line && lines[i + 1] === '' && /^\d\.\d+$/.test(lines[i + 2] ?? '') && /^\d\.\d+$/.test(lines[i + 3] ?? ''));

/** The attacks of each card, as text that must appear verbatim in the card (textContent). */
const CARDS = [
  {
    row: 'Script tags in a title',
    texts: [
      titles[0],
      '<img src=x onerror=window.__pwned=4>',
      '<iframe src="javascript:window.top.__pwned=6"></iframe>',
      '[click me](javascript:window.__pwned=7)',
      '[data](data:text/html;base64,',
      '<javascript:window.__pwned=9>',
      '<https://evil.invalid/autolink>',
      '![img](javascript:window.__pwned=10)',
      '<script>window.__pwned=12</script>',
    ],
  },
  { row: 'CSS injection title', texts: [titles[1], '<p style="position:fixed;inset:0;background:red;z-index:99999">overlay</p>', '<style>*{display:none}</style>'] },
  { row: 'A hundred-kilobyte title', texts: [titles[2]] },
  { row: 'Right-to-left', texts: [titles[3]] },
  { row: 'eight-bit CSI', texts: [titles[4]] },
];

/** Runs in every frame: flags an attack would set, and what the document holds that the card never creates. */
function probeFrame() {
  const card = document.getElementById('card');
  const textWithoutSymbols = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('.claim-symbol').forEach((symbol) => symbol.remove());
    return copy.textContent;
  };
  const scripts = [...document.querySelectorAll('script')];
  return {
    url: location.href.slice(0, 80),
    surface: document.body?.className.match(/surface-(\w+)/)?.[1],
    pwned: window.__pwned ?? null,
    title: document.title,
    isCard: Boolean(card),
    // Our inline boot script and the card.js it runs (both with the nonce, from the page itself, outside the card),
    // and what VS Code itself injects into the webview's <head>; nothing else.
    cardJs: scripts.filter((s) => s.id === 'card-js' && !s.src && s.nonce && !card?.contains(s)).length,
    bootJs: scripts.filter((s) => s.id === 'card-boot' && !s.src && s.nonce && !card?.contains(s)).length,
    foreignScripts: scripts
      .filter((s) => !(['card-js', 'card-boot'].includes(s.id) && !s.src && !card?.contains(s)) && !document.head.contains(s))
      .map((s) => (s.src || s.textContent || '').slice(0, 80)),
    // The page fetches nothing: no resource was requested from the webview's document.
    fetched: performance.getEntriesByType('resource').map((r) => r.name.slice(0, 80)),
    cardScripts: card ? card.querySelectorAll('script').length : 0,
    handlers: card ? [...card.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length : 0,
    badLinks: card ? card.querySelectorAll('a[href^="javascript" i], a[href^="data" i], a[href^="command" i], a[href*=":"]').length : 0,
    injected: card ? card.querySelectorAll('img, iframe, object, embed, style, link, svg:not(.chart), form, input, meta, base').length : 0,
    styled: card ? card.querySelectorAll('[style]').length : 0,
    violations: (window.__cspViolations ?? []).slice(0, 10),
    // The card's text as written: the ⚠/✗/✓ symbols of marked checks (a bidi warning marks the title) left out.
    text: card ? textWithoutSymbols(card) : '',
  };
}

/** The frame on `surface` whose card shows `title` (frames of earlier cards may linger while a webview reloads). */
async function waitForCardTitled(page, surface, title, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        // The title as written, without the ⚠/✗/✓ symbols of the checks marked in it (a bidi warning marks one).
        const shown = await frame.evaluate((surface) => {
          if (!document.body?.classList.contains(`surface-${surface}`)) return undefined;
          const heading = document.getElementById('card-title')?.cloneNode(true);
          heading?.querySelectorAll('.claim-symbol').forEach((symbol) => symbol.remove());
          return heading?.textContent;
        }, surface);
        if (shown === title) return frame;
      } catch {
        /* detached or navigating */
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no card titled ${JSON.stringify(title.slice(0, 60))} within ${timeout} ms`);
}

async function probeAll(page) {
  const results = [];
  for (const frame of page.frames()) {
    try {
      results.push(await frame.evaluate(probeFrame));
    } catch {
      /* detached or cross-process frame that went away: not a frame the card lives in */
    }
  }
  return results;
}

test('hostile cards render as text: no injected element, no script ran, the CSP holds', async ({ page, workspace, screenshot }) => {
  const pwnedMessages = [];
  const consoleCsp = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleCsp.push(message.text());
  });
  // A `parent.postMessage('pwned')` from an injected handler would reach the workbench window.
  await page.evaluate(() => window.addEventListener('message', (e) => e.data === 'pwned' && (window.__pwnedMessage = true)));
  await page.exposeFunction('__reportPwned', (what) => pwnedMessages.push(what)).catch(() => {});

  const dir = join(workspace, 'hostile');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hostile.txt'), fixture);
  try {
    await openViewContainer(page, 'Paper Claims');
    let shot = false;
    const passes = [
      ...CARDS.map((card) => ({ ...card, pass: 'in the Card view', surface: 'sidebar' })),
      ...CARDS.map((card) => ({ ...card, pass: 'in a new card tab', surface: 'editor' })),
    ];
    for (const { row: rowText, texts, pass, surface } of passes) {
      const expectedTitle = titles[CARDS.findIndex((c) => c.row === rowText)];
      if (surface === 'editor') await runCommand(page, 'View: Close All Editors');
      // Open the card until it shows (a click during activation can miss the command on a busy machine).
      let frame;
      for (let attempt = 0; ; attempt++) {
        const row = await waitForTreeRow(page, rowText);
        if (surface === 'editor') await runContextMenuItem(page, row, 'Open Card in Editor');
        else await row.click();
        try {
          frame = await waitForCardTitled(page, surface, expectedTitle, 15_000);
          break;
        } catch (error) {
          if (attempt >= 2) {
            await screenshot(`hostile-failed-${rowText.replace(/\W+/g, '-')}`).catch(() => {});
            throw new Error(`the card for "${rowText}" (${pass}) did not show: ${error.message}`);
          }
        }
      }
      // Record CSP violations from now on, inside the card's document.
      await frame.evaluate(() => {
        window.__cspViolations ??= [];
        if (!window.__cspListening) {
          window.__cspListening = true;
          document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        }
      });
      // Let anything that would run (onerror of a broken image, a timer) have its chance.
      await page.waitForTimeout(500);

      const probes = await probeAll(page);
      const cards = probes.filter((p) => p.isCard && p.surface === surface);
      assert.equal(cards.length, 1, `one card document there (frames: ${probes.map((p) => `${p.url} ${p.surface}`).join(', ')}) (${pass})`);
      const card = cards[0];
      for (const text of texts) assert.ok(card.text.includes(text), `card shows ${JSON.stringify(text.slice(0, 100))} as text (${pass})`);
      assert.equal(card.cardJs, 1, `the card script, with its nonce (${pass})`);
      assert.deepEqual(card.fetched, [], `the card page fetched nothing (${pass})`);
      assert.equal(card.bootJs, 1, `the inline boot script, with its nonce, outside the card (${pass})`);
      assert.deepEqual(card.foreignScripts, [], `no other script in the body (${pass})`);
      assert.equal(card.cardScripts, 0, `no <script> inside the card (${pass})`);
      assert.equal(card.handlers, 0, `no on* attribute inside the card (${pass})`);
      assert.equal(card.badLinks, 0, `no javascript:, data: or command: link (${pass})`);
      assert.equal(card.injected, 0, `no img, iframe, style, link or svg from the card text (${pass})`);
      assert.equal(card.styled, 0, `no style attribute from the card text (${pass})`);
      for (const p of probes) {
        assert.equal(p.pwned, null, `window.__pwned unset in ${p.url} (${pass})`);
        assert.notEqual(p.title, 'PWNED', `document.title untouched in ${p.url} (${pass})`);
      }
      assert.deepEqual(card.violations, [], `nothing even tried to break the CSP (it would have been reported) (${pass})`);
      if (!shot && rowText === 'Script tags in a title') {
        await parkMouse(page);
        await screenshot('hostile-card');
        shot = true;
      }
    }
    assert.equal(await page.evaluate(() => window.__pwnedMessage ?? false), false, 'no "pwned" postMessage reached the workbench');
    // The attack sets document.title = 'PWNED'; the workbench title may *contain* PWNED as text (it names the
    // active editor, here the terminal-escape card, whose title is shown as text).
    assert.notEqual(await page.title(), 'PWNED', 'the workbench title was not set by an attack');
    assert.deepEqual(pwnedMessages, []);
    assert.deepEqual(consoleCsp.filter((m) => /card|vscode-webview|nonce/i.test(m)), [], 'no CSP refusal reported for the card');
  } finally {
    // Close the card tab, so that later tests' clicks show cards in the Card view again.
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    // Wait until the tree forgets the file, so later tests see the sample alone.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await treeRow(page, 'CSS injection title').isVisible().catch(() => false))) await page.waitForTimeout(250);
  }
}, { timeout: 180_000 });
