// Where a card opens. A card goes where cards are already being read: the card tab when one is open, else the Card
// view when it is on screen in the side bar, else a new card tab. "Open Card in Editor" always uses the tab.
import vscode = require('vscode');
import { CardActions, CardPaint, CardSource } from './cardPage';
import { CardPanel } from './cardPanel';
import { CardView } from './cardView';
import { ClaimsService } from './claims';
import { PaperRef } from './papersTree';
import { SeedIndex } from './seedIndex';

export class Cards implements vscode.Disposable {
  readonly panel: CardPanel;
  readonly view: CardView;
  /** Where the last card was shown: what commands without a paper act on. */
  private last: CardPanel | CardView | undefined;
  private readonly rendered = new vscode.EventEmitter<CardPaint>();
  /** Fires once a webview has painted a card (tests and the benchmark wait on it). */
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[];

  constructor(extensionUri: vscode.Uri, index: SeedIndex, claims: ClaimsService, actions: CardActions) {
    const source = new CardSource(extensionUri, index, claims, actions, (paint) => this.rendered.fire(paint));
    this.panel = new CardPanel(source);
    this.view = new CardView(source);
    const refresh = () => {
      this.panel.refresh();
      this.view.refresh();
    };
    const showsFile = (uri: vscode.Uri) => [this.panel.currentPaper, this.view.currentPaper].some((ref) => ref?.uri.toString() === uri.toString());
    this.disposables = [
      this.rendered,
      this.panel,
      this.view,
      index.onDidChange(refresh),
      claims.onDidChange((uri) => showsFile(uri) && refresh()),
    ];
  }

  /** The paper of the card shown last, while it is on screen or in an open tab: what commands without a paper use. */
  get currentPaper(): PaperRef | undefined {
    const inPanel = this.panel.isOpen ? this.panel.currentPaper : undefined;
    return this.last === this.view ? (this.onScreenInView ?? inPanel) : (inPanel ?? this.onScreenInView);
  }

  /** What "Open Card in Editor" without a paper opens: the Card view's paper (its title-bar button), else the last. */
  get paperToOpenInEditor(): PaperRef | undefined {
    return this.onScreenInView ?? this.currentPaper;
  }

  /** The Card view's paper while the view is on screen. */
  private get onScreenInView(): PaperRef | undefined {
    return this.view.visible ? this.view.currentPaper : undefined;
  }

  /** Shows a paper where cards are being read (see the top of this file). */
  show(ref: PaperRef, preserveFocus = false): void {
    if (!this.panel.isOpen && this.view.visible) {
      this.last = this.view;
      this.view.show(ref);
    } else this.showInEditor(ref, preserveFocus);
  }

  showInEditor(ref: PaperRef, preserveFocus = false): void {
    this.last = this.panel;
    this.panel.show(ref, preserveFocus);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
