// The card tab. One panel is reused, like VS Code's Markdown preview: showing another paper shows it in the same
// tab instead of piling up tabs. Cards come back after a window reload through a serializer.
import vscode = require('vscode');
import { CardPage, CardSource, PAGE_WEBVIEW_OPTIONS, hostOf, schemas, shortTitle, stateToRef } from './cardPage';
import { PaperRef } from './papersTree';

export const CARD_VIEW_TYPE = 'paperClaims.card';

export class CardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private page: CardPage | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly source: CardSource) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(CARD_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const parsed = schemas().CardStateSchema.safeParse(state);
          panel.webview.options = webviewOptions();
          const page = this.adopt(panel);
          page.setPage(undefined); // "Loading card…" until the papers are known
          await source.index.ready();
          // Closed meanwhile, or given a paper the user asked for meanwhile: that one stays.
          if (this.panel !== panel || page.paper) return;
          if (parsed.success) page.show(stateToRef(parsed.data));
          else page.setPage({ kind: 'missing', title: 'Paper card', reason: 'This card could not be restored. Open it again from the Papers view.' });
        },
      }),
    );
  }

  /** The tab is open (shown or behind another tab). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get currentPaper(): PaperRef | undefined {
    return this.page?.paper;
  }

  /** Shows a paper, creating the panel on first use and revealing it otherwise. */
  show(ref: PaperRef, preserveFocus = false): void {
    if (!this.panel || !this.page) {
      // Nothing before this call: VS Code starts making the webview while the page is rendered below.
      const panel = vscode.window.createWebviewPanel(CARD_VIEW_TYPE, 'Paper', { viewColumn: vscode.ViewColumn.Active, preserveFocus }, webviewOptions());
      const page = this.adopt(panel);
      page.choose(ref);
      // The page on the next turn, so the panel's creation goes out to VS Code first (loading the renderer and
      // rendering takes some milliseconds; VS Code needs longer than that to set up a webview).
      setImmediate(() => this.page === page && !page.hasPage && page.render());
      return;
    }
    this.panel.reveal(undefined, preserveFocus);
    this.page.show(ref);
  }

  /** Shows the current paper again, if the tab is open. */
  refresh(): void {
    this.page?.render();
  }

  private adopt(panel: vscode.WebviewPanel): CardPage {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.source.extensionUri, 'media', 'card.svg');
    const page = (this.page = new CardPage(hostOf('editor', panel, (title) => (panel.title = shortTitle(title))), this.source));
    const listeners = [
      panel.onDidChangeViewState(() => {
        // A panel restored from a session that did not keep its webview loses it while hidden.
        if (!panel.visible && this.page === page && !panel.options.retainContextWhenHidden) page.dropped();
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.page = undefined;
        }
        page.dispose();
        for (const l of listeners) l.dispose();
      }),
    ];
    return page;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    ...PAGE_WEBVIEW_OPTIONS,
    // Kept while hidden behind another tab (the seed file, typically): VS Code otherwise drops the webview and makes
    // a new one when the panel comes back, which took 1.7 s in code-server before the card could paint (about 60 ms
    // kept). The cost is one page's memory while it is hidden, for the one card panel there is.
    retainContextWhenHidden: true,
  };
}
