// The extensionTestsPath module of the in-editor benchmark (`npm run bench`, step "VS Code"). scripts/bench.mjs
// bundles it to bench/tmp/vscode/index.js and starts code-server (real VS Code 1.100.3) once per run, with an EMPTY
// workspace folder, so nothing activates the extension at startup (its activation events are
// `workspaceContains:**/seeds/**/*.txt`, its view and its commands). VS Code then calls `run()` in the extension host:
//
//  1. Activation: after the host has settled, time `await getExtension(...).activate()`: loading the bundle and
//     running `activate()`, as VS Code does on the first activation event. It happens once per extension host,
//     hence one sample per code-server start. VS Code's own marks split it (`activationPhases`), and a control
//     extension that does nothing (installed by scripts/bench.mjs) is activated the same way right after.
//  2. Card paint: copy the built-in sample into <workspace>/seeds/ (as a user's project has it), rescan, and time
//     `executeCommand('paperClaims.openCard', ref)` until the card panel's `onDidRender` fires with that paper's
//     title (the webview posts `rendered` from the first animation frame after it put the card in the DOM). The
//     first card creates the webview (cold); the next ten reuse the panel (warm); then the panel is closed and one
//     more card opened (a new webview in a window that has had one: "reopened"). For the cold and reopened cards,
//     the webview's report also splits the time: until the webview could take the page (VS Code making the
//     webview), until the frame with the card was painted (the page), and until the extension host heard of it.
//  3. The Card view in the side bar: with no card tab open, the side bar is opened on the Card view and a card asked
//     for as soon as the view is there (its webview is made as the side bar opens: "asked as the side bar opens",
//     timed from the command that opens it); then the next
//     cards in the same view ("next cards"); then the side bar is closed, opened again, and a card asked for a
//     second later ("side bar reopened", the view's kept page).
//  4. The control for a new webview: VS Code's own Markdown preview of a small file, opened twice the same way
//     (editors closed, then `markdown.showPreview`). The extension host cannot see another extension's page paint,
//     so for every new webview (ours and the previews) it only records when it was asked for (`newWebviews`);
//     scripts/bench.mjs, which drives the browser, times each one until its placeholder document arrived.
//  5. Bundle load (estimate of activation's share spent loading code): `require` of a fresh copy of the bundle.
//
// Results go to the JSON file named by $PAPER_CLAIMS_TEST_RESULTS (written atomically, once, at the end).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { CardPaint } from '../../src/cardPage';
import type { PaperClaimsApi } from '../../src/extension';

const EXTENSION_ID = 'paper-claims.paper-claims';
/** The control scripts/bench.mjs writes: an extension whose `activate` does nothing. */
const EMPTY_EXTENSION_ID = 'paper-claims-bench.empty-extension';
/** The built-in extension whose preview is the control for a new webview. */
const MARKDOWN_EXTENSION_ID = 'vscode.markdown-language-features';
const MARKDOWN_PREVIEWS = 2;
const WARM_CARDS = Number(process.env.PAPER_CLAIMS_BENCH_WARM_CARDS) || 10;
const SETTLE_MS = Number(process.env.PAPER_CLAIMS_BENCH_SETTLE_MS) || 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface VscodeBenchReport {
  runId: string | null;
  vscodeVersion: string;
  appName: string;
  uiKind: 'desktop' | 'web';
  wasActiveBefore: boolean;
  activationMs?: number;
  indexReadyMs?: number;
  papers?: number;
  coldPaintMs?: number;
  coldSplit?: PaintSplit;
  warmPaintMs: number[];
  behindPaintMs?: number;
  reopenPaintMs?: number;
  reopenSplit?: PaintSplit;
  /** The Card view: a card asked for as the side bar opens, the next cards there, and after reopening the side bar. */
  viewOpenPaintMs?: number;
  viewOpenSplit?: PaintSplit;
  viewWarmPaintMs: number[];
  viewReopenPaintMs?: number;
  /** When each new webview was asked for (ours and the control's), for the browser-side timing in scripts/bench.mjs. */
  newWebviews: NewWebview[];
  /** Why the Markdown preview control could not be measured, if it could not. */
  controlError?: string;
  bundleLoadMs?: number;
  /** The time spent inside the extension's own `activate` function, as it reports it. */
  activateBodyMs?: number;
  /** Activation split at VS Code's own performance marks (see `activationPhases`). */
  activationPhases?: ActivationPhases;
  /** The control, activated the same way right after: an extension with an empty `activate`. */
  emptyActivationMs?: number;
  emptyActivationPhases?: ActivationPhases;
  error?: string;
}

/**
 * Activation as VS Code's extension host marks it (`code/extHost/willLoadExtensionCode/<id>` and the like, kept in
 * `globalThis.MonacoPerformanceMarks`, whole milliseconds since 1970). VS Code loads the bundle and, at the same time,
 * the extension's context (its globalState and workspaceState, which need a round trip to the window); it calls
 * `activate` once both are there.
 */
export interface ActivationPhases {
  /** From `activate()` being asked for until VS Code starts loading the bundle. */
  beforeLoadMs: number;
  /** Loading the bundle (`require`): VS Code's `codeLoadingTime`. */
  codeLoadingMs: number;
  /** After the bundle is loaded, waiting for the extension's context (0 when the context came first). */
  contextWaitMs: number;
  /** From calling `activate` until its result is there: VS Code's `activateCallTime` plus `activateResolvedTime`. */
  activateCallMs: number;
}

function activationPhases(id: string, startEpochMs: number): ActivationPhases | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks();
  const at = (name: string) => marks?.find((m) => m.name === `code/extHost/${name}/${id}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return undefined;
  return {
    // Marks are whole milliseconds and the start is not: never below 0.
    beforeLoadMs: Math.max(0, willLoad - startEpochMs),
    codeLoadingMs: didLoad - willLoad,
    contextWaitMs: willActivate - didLoad,
    activateCallMs: didActivate - willActivate,
  };
}

/** A new webview asked for: by which extension, for which case, and when (milliseconds since 1970). */
export interface NewWebview {
  case: string;
  extensionId: string;
  askedAt: number;
}

/** A new webview's card paint, split at the webview's own times (its clock and the extension host's are the same machine's). */
export interface PaintSplit {
  /** From the command until the webview could take the page: VS Code creating the webview (see webview/card/page.ts). */
  untilPageMs: number;
  /** From there to the painted frame: putting the page in, parsing and painting it. */
  pageToPaintMs: number;
  /** From the painted frame to `onDidRender` in the extension host: the report's trip. */
  reportMs: number;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/**
 * Runs `before` (if any) and the command, and resolves with the milliseconds from the start until the card titled
 * `ref.title` has painted, where it was expected.
 */
async function timeCard(
  api: PaperClaimsApi,
  ref: { uri: vscode.Uri; index: number; title: string },
  surface: CardPaint['surface'] = 'editor',
  before?: () => Thenable<unknown>,
  timeoutMs = 30_000,
): Promise<{ ms: number; split: PaintSplit }> {
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const painted = new Promise<{ at: number; paint: CardPaint }>((resolve, reject) => {
    listener = api.cards.onDidRender((paint) => {
      if (paint.title !== ref.title) return;
      if (paint.surface === surface) resolve({ at: performance.now(), paint });
      else reject(new Error(`card "${ref.title}" painted in the ${paint.surface}, not the ${surface}`));
    });
    timer = setTimeout(() => reject(new Error(`card "${ref.title}" did not paint within ${timeoutMs} ms`)), timeoutMs);
  });
  const start = performance.now();
  try {
    await before?.();
    await vscode.commands.executeCommand('paperClaims.openCard', ref);
    const { at, paint } = await painted;
    const epoch = (t: number) => performance.timeOrigin + t;
    return {
      ms: at - start,
      split: { untilPageMs: paint.pageStart - epoch(start), pageToPaintMs: paint.paintedAt - paint.pageStart, reportMs: epoch(at) - paint.paintedAt },
    };
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

export async function run(): Promise<void> {
  const report: VscodeBenchReport = {
    runId: process.env.PAPER_CLAIMS_TEST_RUN_ID ?? null,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    wasActiveBefore: false,
    warmPaintMs: [],
    viewWarmPaintMs: [],
    newWebviews: [],
  };
  const askingForNewWebview = (name: string, extensionId = EXTENSION_ID) => report.newWebviews.push({ case: name, extensionId, askedAt: Date.now() });
  const file = process.env.PAPER_CLAIMS_TEST_RESULTS;
  try {
    if (!file) throw new Error('PAPER_CLAIMS_TEST_RESULTS is not set');
    const extension = vscode.extensions.getExtension<PaperClaimsApi>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);

    // Let the window finish starting (built-in extensions, restoring the layout) so it does not share the timing.
    await sleep(SETTLE_MS);
    report.wasActiveBefore = extension.isActive;
    let start = performance.now();
    const startEpochMs = performance.timeOrigin + start;
    const api = await extension.activate();
    report.activationMs = performance.now() - start;
    report.activateBodyMs = api.activateMs;
    report.activationPhases = activationPhases(EXTENSION_ID, startEpochMs);
    const empty = vscode.extensions.getExtension(EMPTY_EXTENSION_ID);
    if (empty && !empty.isActive) {
      start = performance.now();
      const emptyStartEpochMs = performance.timeOrigin + start;
      await empty.activate();
      report.emptyActivationMs = performance.now() - start;
      report.emptyActivationPhases = activationPhases(EMPTY_EXTENSION_ID, emptyStartEpochMs);
    }
    start = performance.now();
    await api.index.ready();
    report.indexReadyMs = performance.now() - start;

    // The sample, where a user's project keeps it; then wait for the index to list it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    const sampleDir = process.env.PAPER_CLAIMS_BENCH_SAMPLE_DIR;
    if (!folder || !sampleDir) throw new Error('no workspace folder or PAPER_CLAIMS_BENCH_SAMPLE_DIR');
    fs.cpSync(sampleDir, path.join(folder.uri.fsPath, 'seeds'), { recursive: true });
    await api.index.rescan();
    const entry = api.index.files[0];
    if (!entry) throw new Error('the sample was not indexed');
    const papers = entry.seed.papers;
    report.papers = papers.length;
    if (papers.length < WARM_CARDS + 2) throw new Error(`the sample has ${papers.length} papers, fewer than ${WARM_CARDS + 2}`);
    const ref = (i: number) => ({ uri: entry.uri, index: papers[i].index, title: papers[i].title.text });

    askingForNewWebview('cold');
    const cold = await timeCard(api, ref(0));
    report.coldPaintMs = cold.ms;
    report.coldSplit = cold.split;
    // The first card starts verifying its file and repaints with its marks; let that finish before the warm cards.
    await api.claims.verify(entry.uri);
    await sleep(500);
    for (let i = 1; i <= WARM_CARDS; i++) {
      report.warmPaintMs.push((await timeCard(api, ref(i))).ms);
      await sleep(150);
    }
    // The seed file shown over the panel in its tab group (reading the card against its source), then another card:
    // the panel comes back to the front.
    await vscode.window.showTextDocument(entry.uri, { viewColumn: vscode.ViewColumn.Active, preview: false });
    await sleep(500);
    const behind = await timeCard(api, ref(WARM_CARDS + 1));
    report.behindPaintMs = behind.ms;
    // The panel closed and a card opened again: a new webview, in a window that already created one.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(500);
    askingForNewWebview('reopened');
    const reopened = await timeCard(api, ref(WARM_CARDS + 2 < papers.length ? WARM_CARDS + 2 : 0));
    report.reopenPaintMs = reopened.ms;
    report.reopenSplit = reopened.split;
    // The Card view: no card tab, the side bar opened on the view and a card asked for at once.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(500);
    // Timed from the command that opens it; the card is asked for as soon as the view is there (before that, a card
    // goes to a tab).
    askingForNewWebview('viewOpen');
    const viewOpen = await timeCard(api, ref(1), 'sidebar', async () => {
      await vscode.commands.executeCommand('paperClaims.cardView.focus');
      while (!api.cards.view.visible) await sleep(5);
    });
    report.viewOpenPaintMs = viewOpen.ms;
    report.viewOpenSplit = viewOpen.split;
    await sleep(500);
    for (let i = 2; i <= Math.min(WARM_CARDS, 6); i++) {
      report.viewWarmPaintMs.push((await timeCard(api, ref(i), 'sidebar')).ms);
      await sleep(150);
    }
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await sleep(500);
    await vscode.commands.executeCommand('paperClaims.cardView.focus');
    await sleep(1000);
    report.viewReopenPaintMs = (await timeCard(api, ref(WARM_CARDS), 'sidebar')).ms;
    // The control: VS Code's own Markdown preview, a new webview each time, asked for as our reopened card tab was
    // (all editors closed half a second before). Three seconds each is ample for it to load.
    // A failing control is reported on its own and keeps the run's other figures.
    try {
      const controlFile = vscode.Uri.joinPath(folder.uri, 'control.md');
      fs.writeFileSync(controlFile.fsPath, '# A control\n\nVS Code\'s own Markdown preview, timed as a new webview.\n');
      const markdown = vscode.extensions.getExtension(MARKDOWN_EXTENSION_ID);
      if (!markdown) throw new Error(`${MARKDOWN_EXTENSION_ID} is not installed`);
      // Active before the first preview, as ours is before its reopened card: its activation is not the webview's.
      await markdown.activate();
      for (let i = 0; i < MARKDOWN_PREVIEWS; i++) {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await sleep(500);
        askingForNewWebview('markdownPreview', MARKDOWN_EXTENSION_ID);
        await vscode.commands.executeCommand('markdown.showPreview', controlFile);
        await sleep(3000);
      }
    } catch (error) {
      report.controlError = error instanceof Error ? error.message : String(error);
    }
    // Estimate of the bundle's share of activation: require a fresh copy of it (same code, new module; placed in the
    // extension's folder so that its `require('vscode')` resolves), without calling activate.
    const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
    const probe = path.join(extension.extensionPath, 'dist', `extension-load-probe-${process.pid}.js`);
    fs.copyFileSync(bundle, probe);
    try {
      start = performance.now();
      require(probe);
      report.bundleLoadMs = performance.now() - start;
    } finally {
      fs.rmSync(probe, { force: true });
    }
  } catch (error) {
    report.error = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  }
  if (file) writeAtomically(file, JSON.stringify(report, null, 2) + '\n');
  if (report.error) throw new Error(report.error);
}
