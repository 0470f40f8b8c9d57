// The Card view, under Papers in the side bar. Its webview is made when the side bar shows it, before any paper
// is clicked, so a card shown there paints at once (a new editor tab first waits for VS Code to set up a webview:
// half a second or more). The Papers view sends cards here while the view is visible and no card tab is open.
import vscode = require('vscode');
import { CardPage, CardSource, PAGE_WEBVIEW_OPTIONS, hostOf, schemas, shortTitle, stateToRef } from './cardPage';
import { PaperRef } from './papersTree';

export const CARD_VIEW_ID = 'paperClaims.cardView';
const HAS_PAPER_CONTEXT = 'paperClaims.cardViewHasPaper';

export class CardView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private page: CardPage | undefined;
  /** The paper to show, kept while the view has no webview (not yet resolved, or disposed). */
  private paper: PaperRef | undefined;
  private readonly registration: vscode.Disposable;

  constructor(private readonly source: CardSource) {
    // Kept while hidden (another view container shown, or the view collapsed), like the card tab: a new webview
    // takes VS Code half a second to set up.
    this.registration = vscode.window.registerWebviewViewProvider(CARD_VIEW_ID, this, { webviewOptions: { retainContextWhenHidden: true } });
  }

  /** The view is on screen (its container shown and the view expanded). */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  /** The view's paper (kept while the view is hidden or its webview is gone). */
  get currentPaper(): PaperRef | undefined {
    return this.page?.paper ?? this.paper;
  }

  resolveWebviewView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext): void {
    view.webview.options = PAGE_WEBVIEW_OPTIONS;
    this.view = view;
    const page = (this.page = new CardPage(hostOf('sidebar', view, (title) => (view.description = shortTitle(title))), this.source));
    // The card the view showed before the window was reloaded, as its page saved it (validated like any message).
    const saved = schemas().CardStateSchema.safeParse(context.state);
    if (this.paper) page.show(this.paper);
    else if (saved.success) void this.restore(page, stateToRef(saved.data));
    else page.setPage({ kind: 'hint', text: 'Choose a paper in the Papers view to read its card here.' });
    view.onDidDispose(() => {
      page.dispose();
      if (this.page !== page) return;
      this.paper = page.paper;
      this.view = undefined;
      this.page = undefined;
    });
  }

  private async restore(page: CardPage, ref: PaperRef): Promise<void> {
    page.setPage(undefined); // "Loading card…" until the papers are known
    await this.source.index.ready();
    if (this.page !== page || this.paper) return; // a paper was chosen meanwhile
    // Not `show`: the view is not brought forward (the user may have turned to another view meanwhile).
    this.remember(ref);
    page.show(ref);
  }

  /** Keeps `ref` as the view's paper; the first one enables the view's "Open Card in Editor". */
  private remember(ref: PaperRef): void {
    if (this.paper === undefined) void vscode.commands.executeCommand('setContext', HAS_PAPER_CONTEXT, true);
    this.paper = ref;
  }

  /** Shows a paper in the view (at once when its webview is there, else when the view is next resolved). */
  show(ref: PaperRef): void {
    this.remember(ref);
    if (!this.page) return;
    this.page.show(ref);
    this.view?.show(true);
  }

  /** Shows the current paper again, if the view has one. */
  refresh(): void {
    this.page?.render();
  }

  dispose(): void {
    this.page?.dispose();
    this.registration.dispose();
  }
}
