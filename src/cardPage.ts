// One card webview's page: which paper it shows, the HTML VS Code loads into it, and the messages both ways. The
// card tab (cardPanel.ts) and the Card view in the side bar (cardView.ts) each drive their webview through one.
//
// A new webview gets its card inside the page's HTML (rendered here, by dist/cardHtml.js), with the CSS and a small
// boot script inline: it paints once VS Code has loaded the page, without fetching anything. card.js (markdown-it,
// the elements, message handling), also in the page, runs after that first paint; from then on cards travel as
// messages.
import fs = require('node:fs');
import vscode = require('vscode');
import type * as CardHtml from './cardHtml';
import type { PageSurface, PageView } from './cardHtml';
import type * as Protocol from '../webview/card/protocol';
import type { Card, CardCommand, CardNotification, CardState } from '../webview/card/protocol';
import { Check } from './core/check';
import { marksFor } from './core/marks';
import { Paper } from './core/model';
import { ClaimsService } from './claims';
import { PaperRef } from './papersTree';
import { SeedIndex } from './seedIndex';

let cardHtml: typeof CardHtml | undefined;
/**
 * The HTML renderer (with markdown-it) and the message schemas (with zod) are a bundle of their own,
 * dist/cardHtml.js, loaded with the first card page or message: activation does not pay for them.
 */
function renderer(): typeof CardHtml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (cardHtml ??= require('./cardHtml.js') as typeof CardHtml);
}

/** The message schemas (see `renderer`). */
export function schemas(): typeof Protocol {
  return renderer().protocol();
}

/** What the card's buttons do; the commands module provides it, so the pages do not duplicate them. */
export interface CardActions {
  /** Each resolves to a sentence for the card's status line (read out by screen readers), or undefined. */
  copySummary(ref: PaperRef): Promise<string | undefined>;
  appendToNotes(ref: PaperRef): Promise<string | undefined>;
  revealInFile(ref: PaperRef): Promise<string | undefined>;
}

/** A card a webview has painted. Times are the webview's clock, in milliseconds since 1970. */
export interface CardPaint {
  title: string;
  /** Which webview painted it. */
  surface: PageSurface;
  /** When VS Code could start putting the page into the webview (long before, for a card shown in a reused page). */
  pageStart: number;
  /** When the frame with the card had been painted. */
  paintedAt: number;
}

/** What every card page needs from the extension, shared by the tab and the side-bar view. */
export class CardSource {
  /** Files whose checking a card has started (so a card shown again meanwhile does not start it twice). */
  private readonly checking = new Set<string>();

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly index: SeedIndex,
    readonly claims: ClaimsService,
    readonly actions: CardActions,
    /** Called with each card a page reports painted. */
    readonly painted: (paint: CardPaint) => void,
  ) {}

  /** The view of a paper (its card, or why it is missing) and the paper's current reference. */
  viewOf(ref: PaperRef): { view: ShownView; ref: PaperRef } {
    const paper = this.index.findPaper(ref.uri, ref.index, ref.title);
    if (!paper) return { view: { kind: 'missing', title: ref.title, reason: 'This paper is no longer in its seed file.' }, ref };
    const current = { uri: ref.uri, index: paper.index, title: paper.title.text };
    const checks = this.claims.checksOf(paper);
    if (!checks) this.checkLater(ref.uri);
    const card = toCard(paper, this.index.get(ref.uri)?.label ?? ref.uri.path, checks);
    return { view: { kind: 'card', card, state: { ...current, uri: current.uri.toString() } }, ref: current };
  }

  /** The card shows now and gains its marks when checked: after this turn, as checking can take a while. */
  private checkLater(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.checking.has(key)) return;
    this.checking.add(key);
    setImmediate(() => void this.claims.verify(uri).finally(() => this.checking.delete(key)));
  }

  /** A page for `view` (the loading page without one), with a fresh nonce. */
  pageHtml(surface: PageSurface, view: PageView | undefined): string {
    return renderer().cardPage({ nonce: nonce(), surface, ...inlineParts(this.extensionUri) }, view);
  }
}

/** The options of every card webview: the page loads nothing (its CSS and scripts are in it), so no local resource
 * at all, from the workspace or not. */
export const PAGE_WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/** A view a page can be sent as a message (a hint only ever comes in a page's HTML). */
type ShownView = Extract<PageView, { kind: 'card' | 'missing' }>;

/** The webview a page lives in, and where it shows the paper's title. */
export interface CardHost {
  readonly webview: vscode.Webview;
  readonly visible: boolean;
  readonly surface: PageSurface;
  showTitle(title: string): void;
}

/** The host of a panel's or a view's webview (both have `webview` and `visible`). */
export function hostOf(surface: PageSurface, owner: { readonly webview: vscode.Webview; readonly visible: boolean }, showTitle: (title: string) => void): CardHost {
  return {
    webview: owner.webview,
    surface,
    get visible() {
      return owner.visible;
    },
    showTitle,
  };
}

export class CardPage implements vscode.Disposable {
  private current: PaperRef | undefined;
  /** card.js runs in the webview and takes messages (false while a page loads, and while a dropped page is hidden). */
  private ready = false;
  /** The webview has been given its HTML (the loading page, a hint, or a view). */
  private pageSet = false;
  /** What the page's HTML shows (JSON of its view; undefined for the loading page): what a reload of it shows. */
  private pageView: string | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly host: CardHost,
    private readonly source: CardSource,
  ) {
    this.listener = host.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
  }

  get paper(): PaperRef | undefined {
    return this.current;
  }

  get hasPage(): boolean {
    return this.pageSet;
  }

  show(ref: PaperRef): void {
    this.choose(ref);
    this.render();
  }

  /** Makes `ref` the page's paper without showing it yet. */
  choose(ref: PaperRef): void {
    this.current = ref;
  }

  /** Shows the current paper again (its file changed, or its checks arrived). */
  render(): void {
    const view = this.view();
    if (!view) return;
    if (this.ready) this.post(view);
    // No page yet (a new webview), or a hidden one: the next time it shows, VS Code loads the page's HTML.
    else if (!this.pageSet || !this.host.visible) this.setPage(view);
    // Otherwise the page is loading: its `ready` says whether it shows this card.
  }

  /**
   * VS Code dropped the hidden webview (a panel restored from a session that did not keep it) and reloads the
   * page's HTML when it shows again, so the HTML must show the current card.
   */
  dropped(): void {
    this.ready = false;
    this.render();
  }

  /** Gives the webview a new page showing `view` (VS Code loads it now, or when the webview shows next). */
  setPage(view: PageView | undefined): void {
    const json = view && JSON.stringify(view);
    if (this.pageSet && json === this.pageView) return;
    this.host.webview.html = this.source.pageHtml(this.host.surface, view);
    this.pageSet = true;
    this.pageView = json;
    this.ready = false;
  }

  /** What the page should show for the current paper (and the host's title, set on the way). */
  private view(): ShownView | undefined {
    if (!this.current) return undefined;
    const { view, ref } = this.source.viewOf(this.current);
    this.current = ref;
    this.host.showTitle(view.kind === 'card' ? view.card.title : view.title);
    return view;
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
    if (command.type === 'rendered') {
      return void this.source.painted({ title: command.title, surface: this.host.surface, pageStart: command.pageStart, paintedAt: command.paintedAt });
    }
    const ref = this.current;
    if (!ref) return;
    const actions = this.source.actions;
    const done = command.type === 'copySummary' ? actions.copySummary(ref) : command.type === 'appendToNotes' ? actions.appendToNotes(ref) : actions.revealInFile(ref);
    void done.then((text) => text && this.post({ kind: 'status', text }));
  }

  private post(message: ShownView | { kind: 'status'; text: string }): void {
    const notification: CardNotification =
      message.kind === 'card'
        ? { type: 'card/show', card: message.card, state: message.state }
        : message.kind === 'missing'
          ? { type: 'card/missing', title: message.title, reason: message.reason }
          : { type: 'card/status', text: message.text };
    void this.host.webview.postMessage(notification);
  }

  dispose(): void {
    this.listener.dispose();
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

export function stateToRef(state: CardState): PaperRef {
  return { uri: vscode.Uri.parse(state.uri), index: state.index, title: state.title };
}

export function shortTitle(title: string): string {
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
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
