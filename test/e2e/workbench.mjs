// Helpers for driving the VS Code workbench DOM. VS Code's markup is not an API; these selectors are the ones
// VS Code 1.100 uses, kept in one place so an upgrade means fixing one file.

/**
 * Makes the activity-bar view container whose label contains `label` visible. Clicking the item of the container
 * that is already shown would hide the side bar again, so the item's `checked` state is consulted first.
 */
export async function openViewContainer(page, label) {
  const item = page.locator('.part.activitybar li.action-item').filter({ has: page.locator(`[aria-label*="${label}"]`) }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  const active = (await item.getAttribute('class'))?.split(/\s+/).includes('checked');
  const sideBarVisible = await page.locator('.part.sidebar').isVisible();
  if (!active || !sideBarVisible) await item.click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 10_000 });
}

/** The side-bar tree row whose text contains `text`. */
export function treeRow(page, text) {
  return page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: text }).first();
}

/**
 * Waits for a tree row containing `text`, expanding collapsed rows (e.g. a file node) while it is not shown.
 * Returns the row locator.
 */
export async function waitForTreeRow(page, text, timeout = 30_000) {
  const row = treeRow(page, text);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await row.isVisible()) return row;
    const collapsed = page.locator('.part.sidebar .monaco-list-row[role="treeitem"][aria-expanded="false"]').first();
    if (await collapsed.isVisible()) await collapsed.click();
    else await page.waitForTimeout(250);
  }
  throw new Error(`no tree row containing "${text}" within ${timeout} ms; side bar shows:\n${await sideBarText(page)}`);
}

/** Number of rows at the same depth as `row` (e.g. the papers, whatever groups them). */
export async function countSiblingRows(page, row) {
  const level = await row.getAttribute('aria-level');
  return page.locator(`.part.sidebar .monaco-list-row[role="treeitem"][aria-level="${level}"]`).count();
}

export async function sideBarText(page) {
  return (await page.locator('.part.sidebar').innerText().catch(() => '(no side bar)')).slice(0, 2000);
}

/**
 * Finds the frame whose document contains `selector`. Webviews are nested iframes (host frame -> content frame),
 * so every frame is tried; frames can detach while being queried, which just means "not this one".
 */
export async function waitForFrameWith(page, selector, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        /* detached or navigating */
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame contains ${selector} within ${timeout} ms (${page.frames().length} frames)`);
}

/**
 * Runs a command by its palette title (e.g. "Paper Claims: Refresh Papers"). The palette can close again while the
 * workbench is busy (a theme change, a notification taking focus), so opening and filling it is tried a few times.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      // Focus the workbench, not a webview (a webview's iframe can keep the shortcut from the workbench).
      const tabs = page.locator('.part.editor .tabs-container').first();
      if (await tabs.isVisible()) await tabs.click();
      else await page.locator('.part.editor').click({ position: { x: 10, y: 10 } });
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500 * attempt);
    }
  }
  await page.keyboard.press('Enter');
}

/** Drags the side bar's edge so it is `width` px wide (wide enough to read titles in screenshots). */
export async function setSideBarWidth(page, width) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  const edge = sideBar.x + sideBar.width;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(edge, y);
    await page.mouse.down();
    await page.mouse.move(sideBar.x + width, y, { steps: 5 });
    await page.mouse.up();
    return;
  }
}

/**
 * Parks the mouse where it shows no hover or tooltip (the editor area's far corner), e.g. before a screenshot, and
 * waits for a hover it left behind (a title-bar button's) to close.
 */
export async function parkMouse(page) {
  const editor = await page.locator('.part.editor').boundingBox();
  if (editor) await page.mouse.move(editor.x + editor.width - 20, editor.y + editor.height - 20);
  await page.locator('.workbench-hover-container:visible, .monaco-hover:visible').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
}

/** Opens the context menu of `row` (a locator) and runs its item labelled `label`. */
export async function runContextMenuItem(page, row, label) {
  await row.click({ button: 'right' });
  const item = page.locator('.context-view .monaco-menu .action-item', { hasText: label }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  // The pointer focuses the item and the keyboard runs it: a menu takes no click in the moment after it opens.
  await item.hover();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 5_000 });
}

/** Clicks the title-bar action labelled `label` of the side-bar view titled `view` (the mouse shows the actions). */
export async function clickViewAction(page, view, label) {
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: view }) }).first();
  await pane.locator('.pane-header').hover();
  await pane.locator(`.pane-header .action-label[aria-label^="${label}"]`).first().click();
}

/** Finds the frame of the card page on `surface` ('editor': a card tab; 'sidebar': the Card view) with `selector`. */
export function waitForCardFrame(page, surface, selector = '#card', timeout = 30_000) {
  return waitForFrameWith(page, `body.surface-${surface} ${selector}`, timeout);
}
