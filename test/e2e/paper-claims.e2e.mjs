// What a user sees: the Paper Claims view lists the sample's papers, clicking one shows its card in the Card view
// beneath, and Open Card in Editor moves it to a tab.
// Also produces the README pictures media/screenshots/card.png, card-checks.png and card-high-contrast.png.
import * as assert from 'node:assert/strict';
import { test } from './harness.mjs';
import { clickViewAction, countSiblingRows, openViewContainer, parkMouse, runCommand, setSideBarWidth, waitForCardFrame, waitForFrameWith, waitForTreeRow } from './workbench.mjs';

const FIRST_TITLE = 'Finetune a 65B LLM on a single 48GB GPU';
const SAMPLE_PAPERS = 24; // cards in seeds/000_934c6e1fbed8f8cd.txt

test('the Paper Claims view lists the sample papers', async ({ page, screenshot }) => {
  await openViewContainer(page, 'Paper Claims');
  const row = await waitForTreeRow(page, FIRST_TITLE);
  // The view says how many papers it lists; the rows on screen are as many as fit above the Card view.
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Papers' }).first();
  assert.match((await header.textContent()) ?? '', new RegExp(`${SAMPLE_PAPERS} papers`));
  assert.ok((await countSiblingRows(page, row)) >= 10, 'paper rows on screen');
  await setSideBarWidth(page, 480);
  await parkMouse(page);
  await screenshot('tree');
});

test('clicking a paper shows its card in the Card view under the papers', async ({ page, screenshot }) => {
  // With no card tab open (with one, clicked papers show there).
  await runCommand(page, 'View: Close All Editors');
  await openViewContainer(page, 'Paper Claims');
  const row = await waitForTreeRow(page, FIRST_TITLE);
  await row.click();
  const frame = await waitForCardFrame(page, 'sidebar', '#card-title');
  const card = frame.locator('#card');
  // textContent is the document's text; innerText would apply CSS such as `text-transform: uppercase`.
  await card.getByText('Key finding', { exact: false }).first().waitFor({ timeout: 15_000 });
  const text = (await card.textContent()) ?? '';
  assert.ok(text.includes(FIRST_TITLE), `card text lacks the title:\n${text.slice(0, 500)}`);
  assert.ok(text.includes('Key finding'), `card text lacks "Key finding":\n${text.slice(0, 500)}`);
  // It looks like the side bar around it: the side bar's background, not the editor's.
  const sideBarBackground = await page.locator('.part.sidebar').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), sideBarBackground);
  assert.equal(await page.locator('.part.editor .tab', { hasText: FIRST_TITLE.slice(0, 20) }).count(), 0, 'no card tab opened');
  await parkMouse(page);
  await screenshot('card', { also: 'media/screenshots/card.png' });
});

test('a card marks each checked claim and explains it (CompactifAI: the 93% near-miss)', async ({ page, screenshot }) => {
  await openViewContainer(page, 'Paper Claims');
  const row = await waitForTreeRow(page, 'Compress LLaMA-2 7B to 2.1GB');
  await row.click();
  await waitForCardFrame(page, 'sidebar', '.claim.verdict-near-miss');
  // The Card view's title-bar button moves the card to a tab, where there is room for it.
  await clickViewAction(page, 'Card', 'Open Card in Editor');
  const frame = await waitForCardFrame(page, 'editor', '.claim.verdict-near-miss');
  const marks = frame.locator('.claim.verdict-near-miss');
  // The mark carries a symbol and the verdict in words, not colour alone.
  const markText = (await marks.first().textContent()) ?? '';
  assert.match(markText, /93%/);
  assert.match(markText, /⚠/);
  assert.match((await marks.first().getAttribute('aria-label')) ?? '', /near-miss/);
  const checks = (await frame.locator('.checks').textContent()) ?? '';
  assert.match(checks, /near-miss/);
  assert.match(checks, /92\.05…92\.45%|92\.05.*92\.45/);
  assert.ok((await frame.locator('svg.chart rect').count()) >= 2, 'a chart of the compared values');
  await parkMouse(page);
  await screenshot('card-checks', { also: 'media/screenshots/card-checks.png' });
});

test('the card\'s Append to Notes button writes the summary and says where', async ({ page }) => {
  const frame = await waitForCardFrame(page, 'editor');
  await frame.locator('vscode-button', { hasText: 'Append to Notes' }).click();
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Appended to' }).first();
  await toast.waitFor({ timeout: 15_000 });
  assert.match((await toast.textContent()) ?? '', /notes\/papers\.md/);
  // The card says so too, in its status line (role=status, so screen readers announce it).
  await frame.locator('#status', { hasText: 'Appended to notes/papers.md' }).waitFor({ timeout: 10_000 });
});

test('the card follows the theme: high contrast colours and borders', async ({ page, screenshot }) => {
  const frame = await waitForCardFrame(page, 'editor');
  const before = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // Ctrl+K Ctrl+T opens the theme picker itself (the palette's "Color Theme" entries include a marketplace search).
  // The picker can close again while the workbench settles (a fresh profile), so try a few times.
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.part.editor .tabs-container').click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill('Dark High Contrast', { timeout: 5_000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark High Contrast' }).first().waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  const hc = await waitForFrameWith(page, 'body.surface-editor.vscode-high-contrast');
  const after = await hc.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(after, before, 'the card background follows the theme');
  assert.equal(after, 'rgb(0, 0, 0)');
  const border = await hc.evaluate(() => getComputedStyle(document.querySelector('.score')).borderTopColor);
  assert.notEqual(border, 'rgba(0, 0, 0, 0)', 'score boxes have a visible border in high contrast');
  await parkMouse(page);
  await screenshot('card-high-contrast', { also: 'media/screenshots/card-high-contrast.png' });
});

test('the open card comes back after a window reload', async ({ page }) => {
  // Through the command, not the browser's reload: the command shuts the workbench down first, which stores the
  // webview's latest state; a bare page reload can lose it (seen: the card of an earlier test came back).
  await runCommand(page, 'Developer: Reload Window');
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const frame = await waitForCardFrame(page, 'editor', '#card-title', 60_000);
  const title = (await frame.locator('#card-title').textContent()) ?? '';
  assert.match(title, /^Compress LLaMA-2 7B to 2\.1GB/);
  // The Card view in the side bar comes back with its card too.
  await openViewContainer(page, 'Paper Claims');
  const view = await waitForCardFrame(page, 'sidebar', '#card-title', 30_000);
  assert.match((await view.locator('#card-title').textContent()) ?? '', /^Compress LLaMA-2 7B to 2\.1GB/);
}, { timeout: 120_000 });
