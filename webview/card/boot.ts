// The card page's inline script (the extension puts dist/webview/boot.js into the page, with the page's nonce).
// The page arrives with its first card already in it (rendered by the extension host, see src/cardHtml.ts), so
// nothing has to run before the card paints. Once the page has loaded and a frame is painted, this reports the
// card as painted and only then runs card.js (markdown-it, the chart code, the elements, the message handling),
// which the page carries as the text of <template id="card-code">, with the page's nonce.
import { PAGE_BOOT, PageBoot, VsCodeApi, afterPaint, renderedReport } from './page';
import type { CardState } from './protocol';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('card')!;
const nonce = (document.currentScript as HTMLScriptElement).nonce;
// The card's state, written by the extension into an attribute (escaped).
const pageState = root.dataset.state ? (JSON.parse(root.dataset.state) as CardState) : undefined;
let displayed = false;
if (pageState) {
  const saved = vscode.getState() as Partial<CardState> | undefined;
  if (saved && (saved.uri !== pageState.uri || saved.index !== pageState.index || saved.title !== pageState.title)) {
    // VS Code reloaded this page (after hiding or moving it) once it had shown other cards: this card is out of
    // date. card.js asks the extension for the current one.
    const loading = document.createElement('p');
    loading.className = 'status';
    loading.textContent = 'Loading card…';
    root.removeAttribute('aria-labelledby');
    root.replaceChildren(loading);
  } else {
    displayed = true;
    vscode.setState(pageState);
  }
}
(globalThis as Record<string, unknown>)[PAGE_BOOT] = { vscode, displayed } satisfies PageBoot;

/** The longest card.js waits for an idle moment after the first paint. */
const CARD_JS_WAIT_MS = 300;

function runCardJs(): void {
  const script = document.createElement('script');
  script.nonce = nonce;
  script.id = 'card-js';
  script.textContent = (document.getElementById('card-code') as HTMLTemplateElement).content.textContent;
  document.body.append(script);
}

// VS Code keeps a new webview document hidden until its `load` event: wait for it, then for a painted frame.
function start(): void {
  afterPaint(() => {
    if (displayed && pageState) vscode.postMessage(renderedReport(pageState.title));
    // card.js takes tens of milliseconds to run, on a thread the workbench may share (it does in a browser), and the
    // workbench passes the report on: run it when the thread is next idle (at the latest after CARD_JS_WAIT_MS).
    requestIdleCallback(runCardJs, { timeout: CARD_JS_WAIT_MS });
  });
}
if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
