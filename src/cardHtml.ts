// dist/cardHtml.js, loaded by the card panel when it first sets a webview's page: the page's HTML, with the card
// in it, so the webview paints the card as soon as VS Code has loaded the page, without waiting for any script or
// message. The same render.ts as in the webview; vnode.ts escapes every text and attribute value. A bundle of its
// own (with markdown-it), so activation does not pay for it.
//
// The page fetches nothing: its CSS and its boot script are inline (with the page's nonce), and card.js travels
// in it as inert text (a <template>, escaped like any text) that the boot script runs, with the nonce, once the
// first card is painted. So no request of the page can be left pending in VS Code's service worker when the panel
// closes (a pending one holds up the next webview's service worker for up to 30 s).
import type * as Protocol from '../webview/card/protocol';
import type { Card, CardState } from '../webview/card/protocol';
import { renderCard, renderMissing } from '../webview/card/render';
import { VNode, escapeAttribute, escapeText, h, toHtml } from '../webview/card/vnode';

/** What a page shows: a card, why a paper's card is missing, or (in a page's HTML only) a hint what to do. */
export type PageView =
  | { kind: 'card'; card: Card; state: CardState }
  | { kind: 'missing'; title: string; reason: string }
  | { kind: 'hint'; text: string };

/** Where the page is: an editor tab, or the Card view in the side bar (narrower, on the side bar's background). */
export type PageSurface = 'editor' | 'sidebar';

/** The page's own parts: a fresh nonce, and card.css, dist/webview/boot.js and dist/webview/card.js as text. */
export interface PageParts {
  nonce: string;
  surface: PageSurface;
  css: string;
  boot: string;
  code: string;
}

function content(view: PageView | undefined): VNode[] {
  if (!view) return [h('p', { class: 'status' }, 'Loading card…')];
  if (view.kind === 'hint') return [h('p', { class: 'status' }, view.text)];
  return view.kind === 'card' ? renderCard(view.card) : renderMissing(view.title, view.reason);
}

/** The content of the page's `<main id="card">`. */
export function pageBodyHtml(view: PageView): string {
  return content(view).map(toHtml).join('');
}

/** The card page showing `view` (the loading page without one). CSP: only what carries the nonce; nothing to fetch. */
export function cardPage(parts: PageParts, view: PageView | undefined): string {
  // CSS and the boot script are the extension's own files; neither may end its element early. card.js is escaped.
  if (/<\/style/i.test(parts.css) || /<\/script|<!--/i.test(parts.boot) || parts.code.includes('\0')) throw new Error('card.css, boot.js or card.js cannot be put into the page');
  if (!/^[A-Za-z0-9]+$/.test(parts.nonce)) throw new Error('not a nonce');
  if (parts.surface !== 'editor' && parts.surface !== 'sidebar') throw new Error('not a page surface');
  const csp = `default-src 'none'; style-src 'nonce-${parts.nonce}'; script-src 'nonce-${parts.nonce}'`;
  const main = h('main', { id: 'card', 'aria-live': 'polite', ...(view?.kind === 'card' ? { 'data-state': JSON.stringify(view.state), 'aria-labelledby': 'card-title' } : {}) }, ...content(view));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${parts.nonce}">
${parts.css}</style>
<title>Paper card</title>
</head>
<body class="surface-${parts.surface}">
${toHtml(main)}
<template id="card-code">${escapeText(parts.code)}</template>
<script nonce="${parts.nonce}" id="card-boot">${parts.boot}</script>
</body>
</html>`;
}

let protocolModule: typeof Protocol | undefined;
/**
 * The message schemas (zod), built on first use (building them costs tens of milliseconds). They come with this
 * bundle, which the extension loads with its first card page, so that the extension's own bundle, loaded at
 * activation, carries no zod. (esbuild wraps a `require`d module so it runs only when required.)
 */
export function protocol(): typeof Protocol {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (protocolModule ??= require('../webview/card/protocol') as typeof Protocol);
}
