// What a user sees: the Paper Claims view lists the sample's papers, and clicking one opens its card.
// Also produces the README pictures media/screenshots/tree.png and media/screenshots/card.png.
import * as assert from 'node:assert/strict';
import { test } from './harness.mjs';
import { countSiblingRows, openViewContainer, parkMouse, setSideBarWidth, waitForFrameWith, waitForTreeRow } from './workbench.mjs';

const FIRST_TITLE = 'Finetune a 65B LLM on a single 48GB GPU';
const SAMPLE_PAPERS = 24; // cards in seeds/000_934c6e1fbed8f8cd.txt

test('the Paper Claims view lists the sample papers', async ({ page, screenshot }) => {
  await openViewContainer(page, 'Paper Claims');
  const row = await waitForTreeRow(page, FIRST_TITLE);
  assert.equal(await countSiblingRows(page, row), SAMPLE_PAPERS);
  await setSideBarWidth(page, 480);
  await parkMouse(page);
  await screenshot('tree', { also: 'media/screenshots/tree.png' });
});

test('clicking a paper opens its card', async ({ page, screenshot }) => {
  await openViewContainer(page, 'Paper Claims');
  const row = await waitForTreeRow(page, FIRST_TITLE);
  await row.click();
  const frame = await waitForFrameWith(page, '#card');
  const card = frame.locator('#card');
  // textContent is the document's text; innerText would apply CSS such as `text-transform: uppercase`.
  await card.getByText('Key finding', { exact: false }).first().waitFor({ timeout: 15_000 });
  const text = (await card.textContent()) ?? '';
  assert.ok(text.includes(FIRST_TITLE), `card text lacks the title:\n${text.slice(0, 500)}`);
  assert.ok(text.includes('Key finding'), `card text lacks "Key finding":\n${text.slice(0, 500)}`);
  await parkMouse(page);
  await screenshot('card', { also: 'media/screenshots/card.png' });
});
