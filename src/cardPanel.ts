// The card webview. One panel is reused, like VS Code's Markdown preview: selecting another paper shows it in the
// same tab instead of piling up tabs. Cards come back after a window reload through a serializer.
import * as vscode from 'vscode';
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

/** What the card's buttons do; the commands module provides it, so the panel does not duplicate them. */
export interface CardActions {
  /** Each resolves to a sentence for the card's status line (read out by screen readers), or undefined. */
  copySummary(ref: PaperRef): Promise<string | undefined>;
  appendToNotes(ref: PaperRef): Promise<string | undefined>;
  revealInFile(ref: PaperRef): Promise<string | undefined>;
}

export class CardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: PaperRef | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<string>();
  /** Fires with a card's title once the webview has painted it (tests and the benchmark wait on it). */
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
          this.adopt(panel);
          await this.index.ready();
          if (parsed.success) this.show(stateToRef(parsed.data));
          else this.post({ type: 'card/missing', title: 'Paper card', reason: 'This card could not be restored. Open it again from the Papers view.' });
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
      this.adopt(
        vscode.window.createWebviewPanel(CARD_VIEW_TYPE, 'Paper', { viewColumn: vscode.ViewColumn.Active, preserveFocus }, webviewOptions(this.extensionUri)),
      );
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    this.render();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'card.svg');
    panel.webview.html = cardHtml(panel.webview, this.extensionUri);
    const listeners = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        this.panel = undefined;
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
      this.render();
      return;
    }
    if (command.type === 'rendered') return void this.rendered.fire(command.title);
    const ref = this.current;
    if (!ref) return;
    const done = command.type === 'copySummary' ? this.actions.copySummary(ref) : command.type === 'appendToNotes' ? this.actions.appendToNotes(ref) : this.actions.revealInFile(ref);
    void done.then((text) => text && this.post({ type: 'card/status', text }));
  }

  private render(): void {
    const ref = this.current;
    if (!this.panel || !ref) return;
    const paper = this.index.findPaper(ref.uri, ref.index, ref.title);
    this.panel.title = shortTitle(paper?.title.text ?? ref.title);
    if (!this.ready) return; // the webview asks with `ready` once its script runs
    if (!paper) {
      this.post({ type: 'card/missing', title: ref.title, reason: 'This paper is no longer in its seed file.' });
      return;
    }
    this.current = { uri: ref.uri, index: paper.index, title: paper.title.text };
    const checks = this.claims.checksOf(paper);
    if (!checks) void this.claims.verify(ref.uri); // the card shows now and gains its marks when checked
    this.post({
      type: 'card/show',
      card: toCard(paper, this.index.get(ref.uri)?.label ?? ref.uri.path, checks),
      state: { uri: ref.uri.toString(), index: paper.index, title: paper.title.text },
    });
  }

  private post(message: CardNotification): void {
    void this.panel?.webview.postMessage(message);
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

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    // Only the extension's own built webview code and its media; nothing from the workspace.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

function cardHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const scriptNonce = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'card.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'card.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Paper card</title>
</head>
<body>
<main id="card" aria-live="polite"><p class="status">Loading card…</p></main>
<script nonce="${scriptNonce}" src="${script}"></script>
</body>
</html>`;
}
