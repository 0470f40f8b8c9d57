// The card webview. One panel is reused, like VS Code's Markdown preview: selecting another paper shows it in the
// same tab instead of piling up tabs. Cards come back after a window reload through a serializer.
//
// A new webview gets its card inside the page's HTML (rendered here, by dist/cardHtml.js), with the CSS and a small
// boot script inline: it paints once VS Code has loaded the page, without fetching anything. card.js (markdown-it,
// the elements, message handling), also in the page, runs after that first paint; from then on cards travel as
// messages.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type * as CardHtml from './cardHtml';
import type { PageView } from './cardHtml';
import type * as Protocol from '../webview/card/protocol';
import type { Card, CardCommand, CardNotification, CardState } from '../webview/card/protocol';
import { Check } from './core/check';
import { marksFor } from './core/marks';
import { Paper } from './core/model';
import { ClaimsService } from './claims';
import { PaperRef } from './papersTree';
import { SeedIndex } from './seedIndex';

export const CARD_VIEW_TYPE = 'paperClaims.card';

let protocol: typeof Protocol | undefined;
/**
 * The message schemas, built on first use: building zod schemas costs tens of milliseconds, which activation
 * should not pay when no card is open. (esbuild wraps a `require`d module so it runs only when required.)
 */
function schemas(): typeof Protocol {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (protocol ??= require('../webview/card/protocol') as typeof Protocol);
}

let cardHtml: typeof CardHtml | undefined;
/** The HTML renderer (with markdown-it) is a bundle of its own, dist/cardHtml.js, loaded with the first webview. */
function renderer(): typeof CardHtml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (cardHtml ??= require('./cardHtml.js') as typeof CardHtml);
}

/** What the card's buttons do; the commands module provides it, so the panel does not duplicate them. */
export interface CardActions {
  /** Each resolves to a sentence for the card's status line (read out by screen readers), or undefined. */
  copySummary(ref: PaperRef): Promise<string | undefined>;
  appendToNotes(ref: PaperRef): Promise<string | undefined>;
  revealInFile(ref: PaperRef): Promise<string | undefined>;
}

/** A card the webview has painted. Times are the webview's clock, in milliseconds since 1970. */
export interface CardPaint {
  title: string;
  /** When VS Code could start putting the page into the webview (long before, for a card shown in a reused page). */
  pageStart: number;
  /** When the frame with the card had been painted. */
  paintedAt: number;
}

export class CardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: PaperRef | undefined;
  /** card.js runs in the webview and takes messages (false while a page loads, and while the panel is hidden). */
  private ready = false;
  /** The panel has been given its HTML (the loading page, or a view). */
  private pageSet = false;
  /** What the panel's HTML shows (JSON of its view; undefined for the loading page): what a reload of it shows. */
  private pageView: string | undefined;
  /** Files whose checking this panel has started (so a card shown again meanwhile does not start it twice). */
  private readonly checking = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<CardPaint>();
  /** Fires once the webview has painted a card (tests and the benchmark wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: SeedIndex,
    private readonly claims: ClaimsService,
    private readonly actions: CardActions,
  ) {
    this.disposables.push(
      this.rendered,
      vscode.window.registerWebviewPanelSerializer(CARD_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const parsed = schemas().CardStateSchema.safeParse(state);
          panel.webview.options = webviewOptions();
          this.adopt(panel);
          this.setPage(undefined); // "Loading card…" until the papers are known
          await this.index.ready();
          if (this.panel !== panel) return;
          if (parsed.success) this.show(stateToRef(parsed.data));
          else this.setPage({ kind: 'missing', title: 'Paper card', reason: 'This card could not be restored. Open it again from the Papers view.' });
        },
      }),
      index.onDidChange(() => this.current && this.panel && this.render()),
      claims.onDidChange((uri) => this.current?.uri.toString() === uri.toString() && this.panel && this.render()),
    );
  }

  get currentPaper(): PaperRef | undefined {
    return this.panel ? this.current : undefined;
  }

  /** Shows a paper, creating the panel on first use and revealing it otherwise. */
  show(ref: PaperRef, preserveFocus = false): void {
    this.current = ref;
    if (!this.panel) {
      // Nothing before this call: VS Code starts making the webview while the page is rendered below.
      const panel = vscode.window.createWebviewPanel(CARD_VIEW_TYPE, 'Paper', { viewColumn: vscode.ViewColumn.Active, preserveFocus }, webviewOptions());
      this.adopt(panel);
      // The page on the next turn, so the panel's creation goes out to VS Code first (loading the renderer and
      // rendering takes some milliseconds; VS Code needs longer than that to set up a webview).
      setImmediate(() => {
        if (this.panel === panel && !this.pageSet) this.render();
      });
      return;
    }
    this.panel.reveal(undefined, preserveFocus);
    this.render();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.pageSet = false;
    this.pageView = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'card.svg');
    const listeners = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible || this.panel !== panel || panel.options.retainContextWhenHidden) return;
        // Hidden, in a panel restored from a session that did not keep its webview: VS Code drops the webview and
        // reloads the page's HTML when it shows it again, so the HTML must show the current card.
        this.ready = false;
        this.render();
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
        for (const l of listeners) l.dispose();
      }),
    ];
  }

  private receive(message: unknown): void {
    const parsed = schemas().CardCommandSchema.safeParse(message);
    if (!parsed.success) return; // not ours, or malformed: never act on it
    const command: CardCommand = parsed.data;
    if (command.type === 'ready') {
      this.ready = true;
      const view = this.view();
      // The card in the page is on screen and still the one to show: nothing to send.
      if (view && !(command.displayed && JSON.stringify(view) === this.pageView)) this.post(view);
      return;
    }
    if (command.type === 'rendered') return void this.rendered.fire({ title: command.title, pageStart: command.pageStart, paintedAt: command.paintedAt });
    const ref = this.current;
    if (!ref) return;
    const done = command.type === 'copySummary' ? this.actions.copySummary(ref) : command.type === 'appendToNotes' ? this.actions.appendToNotes(ref) : this.actions.revealInFile(ref);
    void done.then((text) => text && this.post({ kind: 'status', text }));
  }

  /** What the panel should show for the current paper (and the panel's title, set on the way). */
  private view(): PageView | undefined {
    const ref = this.current;
    if (!this.panel || !ref) return undefined;
    const paper = this.index.findPaper(ref.uri, ref.index, ref.title);
    this.panel.title = shortTitle(paper?.title.text ?? ref.title);
    if (!paper) return { kind: 'missing', title: ref.title, reason: 'This paper is no longer in its seed file.' };
    this.current = { uri: ref.uri, index: paper.index, title: paper.title.text };
    const checks = this.claims.checksOf(paper);
    if (!checks) this.checkLater(ref.uri);
    return {
      kind: 'card',
      card: toCard(paper, this.index.get(ref.uri)?.label ?? ref.uri.path, checks),
      state: { uri: ref.uri.toString(), index: paper.index, title: paper.title.text },
    };
  }

  /** The card shows now and gains its marks when checked: after this turn, as checking can take a while. */
  private checkLater(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.checking.has(key)) return;
    this.checking.add(key);
    setImmediate(() => void this.claims.verify(uri).finally(() => this.checking.delete(key)));
  }

  private render(): void {
    const view = this.view();
    if (!view || !this.panel) return;
    if (this.ready) this.post(view);
    // No page yet (a new panel), or a hidden one: the next time it shows, VS Code loads the page's HTML.
    else if (!this.pageSet || !this.panel.visible) this.setPage(view);
    // Otherwise the page is loading: its `ready` says whether it shows this card.
  }

  /** Gives the webview a new page showing `view` (VS Code loads it now, or when the panel shows next). */
  private setPage(view: PageView | undefined): void {
    if (!this.panel) return;
    const json = view && JSON.stringify(view);
    if (this.pageSet && json === this.pageView) return;
    this.panel.webview.html = pageHtml(this.extensionUri, view);
    this.pageSet = true;
    this.pageView = json;
    this.ready = false;
  }

  private post(message: PageView | { kind: 'status'; text: string }): void {
    const notification: CardNotification =
      message.kind === 'card'
        ? { type: 'card/show', card: message.card, state: message.state }
        : message.kind === 'missing'
          ? { type: 'card/missing', title: message.title, reason: message.reason }
          : { type: 'card/status', text: message.text };
    void this.panel?.webview.postMessage(notification);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function toCard(paper: Paper, source: string, checks?: Check[]): Card {
  const labels = scoreLabels();
  return {
    checks,
    marks: checks && marksFor(paper, checks),
    title: paper.title.text,
    scores: paper.scores.map((s, i) => ({ label: labels[i], raw: s.raw })),
    citations: paper.citations.value,
    summary: paper.summary?.text,
    keyFinding: paper.keyFinding?.text,
    numbers: paper.numbers?.text,
    source,
    line: paper.title.range.line + 1,
  };
}

function scoreLabels(): string[] {
  const configured = vscode.workspace.getConfiguration('paperClaims').get<unknown>('scoreLabels');
  const fallback = ['Score 1', 'Score 2', 'Score 3'];
  if (!Array.isArray(configured)) return fallback;
  return fallback.map((label, i) => (typeof configured[i] === 'string' && configured[i].trim() ? String(configured[i]) : label));
}

function stateToRef(state: CardState): PaperRef {
  return { uri: vscode.Uri.parse(state.uri), index: state.index, title: state.title };
}

function shortTitle(title: string): string {
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}

function webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // Kept while hidden behind another tab (the seed file, typically): VS Code otherwise drops the webview and makes
    // a new one when the panel comes back, which took 1.7 s in code-server before the card could paint (about 60 ms
    // kept). The cost is one page's memory while it is hidden, for the one card panel there is.
    retainContextWhenHidden: true,
    // The page loads nothing (its CSS and scripts are in it): no local resource at all, from the workspace or not.
    localResourceRoots: [],
  };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

/** The page's inline parts, read once from the extension's own files: its stylesheet, boot script and card.js. */
let inline: { css: string; boot: string; code: string } | undefined;
function inlineParts(extensionUri: vscode.Uri): { css: string; boot: string; code: string } {
  const read = (...path: string[]) => fs.readFileSync(vscode.Uri.joinPath(extensionUri, ...path).fsPath, 'utf8');
  return (inline ??= { css: read('media', 'card.css'), boot: read('dist', 'webview', 'boot.js'), code: read('dist', 'webview', 'card.js') });
}

/** The card page: `view` rendered into it (the loading page without one), with a fresh nonce. */
function pageHtml(extensionUri: vscode.Uri, view: PageView | undefined): string {
  return renderer().cardPage({ nonce: nonce(), ...inlineParts(extensionUri) }, view);
}
