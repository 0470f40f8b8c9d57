// The Papers view: seed files (when there are several), then their papers. Files with many papers are grouped
// in pages so the tree opens at once on very large digests; children are computed only when expanded.
import vscode = require('vscode');
import { Check } from './core/check';
import { Paper } from './core/model';
import { ClaimsService, countFlagged, worstSeverity } from './claims';
import { SeedEntry, SeedIndex } from './seedIndex';

export type SortOrder = 'fileOrder' | 'citations' | 'title';
export const SORT_ORDERS: readonly SortOrder[] = ['fileOrder', 'citations', 'title'];

/** Papers per group when a file holds more than that many. */
const PAGE_SIZE = 200;

export type PapersNode =
  | { kind: 'file'; entry: SeedEntry }
  | { kind: 'page'; entry: SeedEntry; start: number; end: number }
  | { kind: 'paper'; entry: SeedEntry; paper: Paper }
  | { kind: 'problem'; entry: SeedEntry; line: number; message: string };

/** The argument commands receive for a paper, from the tree or from a card. */
export interface PaperRef {
  uri: vscode.Uri;
  index: number;
  title: string;
}

export function paperRef(node: PapersNode): PaperRef | undefined {
  return node.kind === 'paper' ? { uri: node.entry.uri, index: node.paper.index, title: node.paper.title.text } : undefined;
}

export class PapersTreeProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private flaggedOnly = false;

  constructor(
    private readonly index: SeedIndex,
    private readonly claims: ClaimsService,
    private order: SortOrder,
  ) {
    this.subscriptions = [index.onDidChange(() => this.changed.fire(undefined)), claims.onDidChange(() => this.changed.fire(undefined))];
  }

  get showsFlaggedOnly(): boolean {
    return this.flaggedOnly;
  }

  /** Shows only papers with a warning or an error (once checked), or every paper. */
  setFlaggedOnly(flaggedOnly: boolean): void {
    this.flaggedOnly = flaggedOnly;
    this.changed.fire(undefined);
  }

  get sortOrder(): SortOrder {
    return this.order;
  }

  setSortOrder(order: SortOrder): void {
    this.order = order;
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: PapersNode): PapersNode[] {
    if (!node) {
      const files = this.index.files;
      if (files.length === 1) return this.fileChildren(files[0]);
      return files.map((entry) => ({ kind: 'file', entry }));
    }
    if (node.kind === 'file') return this.fileChildren(node.entry);
    if (node.kind === 'page') return this.sorted(node.entry).slice(node.start, node.end).map((paper) => ({ kind: 'paper', entry: node.entry, paper }));
    return [];
  }

  getParent(node: PapersNode): PapersNode | undefined {
    if (node.kind === 'file') return undefined;
    const several = this.index.files.length > 1;
    const fileNode: PapersNode | undefined = several ? { kind: 'file', entry: node.entry } : undefined;
    const papers = this.sorted(node.entry);
    if (node.kind !== 'paper' || papers.length <= PAGE_SIZE) return fileNode;
    const start = Math.floor(papers.indexOf(node.paper) / PAGE_SIZE) * PAGE_SIZE;
    return { kind: 'page', entry: node.entry, start, end: Math.min(start + PAGE_SIZE, papers.length) };
  }

  getTreeItem(node: PapersNode): vscode.TreeItem {
    switch (node.kind) {
      case 'file': {
        const { papers, problems } = node.entry.seed;
        const item = new vscode.TreeItem(node.entry.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `file:${node.entry.uri}`;
        item.resourceUri = node.entry.uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.description = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}${problems.length ? `, ${problems.length} parse ${problems.length === 1 ? 'problem' : 'problems'}` : ''}`;
        item.contextValue = 'seedFile';
        return item;
      }
      case 'page': {
        const item = new vscode.TreeItem(`Papers ${node.start + 1}–${node.end}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `page:${node.entry.uri}:${this.order}:${node.start}`;
        item.iconPath = new vscode.ThemeIcon('folder-library');
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${node.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.command = { command: 'vscode.open', title: 'Show Problem', arguments: [node.entry.uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }] };
        return item;
      }
      case 'paper':
        return paperItem(node.entry, node.paper, this.claims.checksOf(node.paper));
    }
  }

  private fileChildren(entry: SeedEntry): PapersNode[] {
    const problems: PapersNode[] = entry.seed.problems.map((p) => ({ kind: 'problem', entry, line: p.line, message: p.message }));
    const count = this.sorted(entry).length;
    if (count <= PAGE_SIZE) return [...problems, ...this.sorted(entry).map((paper): PapersNode => ({ kind: 'paper', entry, paper }))];
    const pages: PapersNode[] = [];
    for (let start = 0; start < count; start += PAGE_SIZE) pages.push({ kind: 'page', entry, start, end: Math.min(start + PAGE_SIZE, count) });
    return [...problems, ...pages];
  }

  private readonly sortCache = new WeakMap<Paper[], Map<SortOrder, Paper[]>>();

  private sorted(entry: SeedEntry): Paper[] {
    const all = this.sortedAll(entry);
    return this.flaggedOnly ? all.filter((p) => countFlagged(this.claims.checksOf(p) ?? []) > 0) : all;
  }

  private sortedAll(entry: SeedEntry): Paper[] {
    const papers = entry.seed.papers;
    let byOrder = this.sortCache.get(papers);
    if (!byOrder) this.sortCache.set(papers, (byOrder = new Map()));
    let result = byOrder.get(this.order);
    if (!result) {
      result = sortPapers(papers, this.order);
      byOrder.set(this.order, result);
    }
    return result;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export function sortPapers(papers: Paper[], order: SortOrder): Paper[] {
  switch (order) {
    case 'fileOrder':
      return papers;
    case 'citations':
      return [...papers].sort((a, b) => b.citations.value - a.citations.value || a.index - b.index);
    case 'title':
      return [...papers].sort((a, b) => a.title.text.localeCompare(b.title.text) || a.index - b.index);
  }
}

function paperItem(entry: SeedEntry, paper: Paper, checks: Check[] | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(paper.title.text, vscode.TreeItemCollapsibleState.None);
  const citations = `${paper.citations.value} ${paper.citations.value === 1 ? 'citation' : 'citations'}`;
  const verdict = verdictLook(checks);
  item.id = `paper:${entry.uri}:${paper.index}`;
  item.description = verdict.summary ? `${citations} · ${verdict.summary}` : citations;
  // A plain-string tooltip is shown as text: a card's markup cannot become links or HTML there.
  item.tooltip = paper.summary ? `${paper.title.text}\n\n${paper.summary.text}` : paper.title.text;
  item.iconPath = verdict.icon;
  item.contextValue = 'paper';
  item.accessibilityInformation = { label: `${paper.title.text}, ${citations}${verdict.spoken ? `, ${verdict.spoken}` : ''}`, role: 'treeitem' };
  const ref: PaperRef = { uri: entry.uri, index: paper.index, title: paper.title.text };
  item.command = { command: 'paperClaims.openCard', title: 'Open Card', arguments: [ref] };
  return item;
}

/** A paper's worst verdict as an icon in a theme colour, words for the description and for screen readers. */
function verdictLook(checks: Check[] | undefined): { icon: vscode.ThemeIcon; summary?: string; spoken?: string } {
  const worst = checks && worstSeverity(checks);
  if (!checks || !worst) return { icon: new vscode.ThemeIcon('file-text') };
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.filter((c) => c.severity === 'warning').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const spoken = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  if (worst === 'error') return { icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')), summary: spoken, spoken };
  if (worst === 'warning') return { icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')), summary: spoken, spoken };
  return { icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')), spoken: 'claims check out' };
}
