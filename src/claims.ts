// Checking results, computed once per parsed file and shared by the Problems panel, hovers, quick fixes, the
// tree's verdict icons and the card. Results are keyed by the parse they came from, so an edit (a new parse)
// never shows stale checks.
import vscode = require('vscode');
import { Check, Severity } from './core/check';
import type * as Checker from './core/checker';
import { Paper, SeedFile } from './core/model';
import { SeedIndex } from './seedIndex';

export interface FileChecks {
  fileChecks: Check[];
  papers: Array<{ paper: Paper; checks: Check[] }>;
  /** Checks of warning or error severity in the whole file. */
  flagged: number;
}

let checker: typeof Checker | undefined;
/**
 * The checker (with mathjs) is a bundle of its own, dist/checker.js, loaded on first use: loading it takes about
 * 100 ms, which activation should not pay. scripts/build.mjs builds it next to dist/extension.js.
 */
function loadChecker(): typeof Checker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (checker ??= require('./checker.js') as typeof Checker);
}

/** Cards checked per slice before yielding, so large files never block the extension host for long. */
const CARDS_PER_SLICE = 500;

export class ClaimsService implements vscode.Disposable {
  private readonly results = new WeakMap<SeedFile, FileChecks>();
  private readonly byPaper = new WeakMap<Paper, Check[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a file's checks are (re)computed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly index: SeedIndex) {}

  /** The checks of a file if they were computed for its current parse. */
  peek(uri: vscode.Uri): FileChecks | undefined {
    const entry = this.index.get(uri);
    return entry && this.results.get(entry.seed);
  }

  checksOf(paper: Paper): Check[] | undefined {
    return this.byPaper.get(paper);
  }

  /** Checks a file's current parse (or returns the cached result). Resolves undefined when cancelled. */
  async verify(uri: vscode.Uri, token?: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<FileChecks | undefined> {
    const entry = this.index.get(uri);
    if (!entry) return undefined;
    const seed = entry.seed;
    const cached = this.results.get(seed);
    if (cached) return cached;
    const { checkFileClaims, checkPaper } = loadChecker();
    const papers: FileChecks['papers'] = [];
    for (let start = 0; start < seed.papers.length; start += CARDS_PER_SLICE) {
      if (token?.isCancellationRequested) return undefined;
      const end = Math.min(start + CARDS_PER_SLICE, seed.papers.length);
      // A paper object already checked (the last good papers kept while a card is broken) keeps its checks.
      for (let i = start; i < end; i++) papers.push({ paper: seed.papers[i], checks: this.byPaper.get(seed.papers[i]) ?? checkPaper(seed.papers[i]) });
      progress?.(end, seed.papers.length);
      if (end < seed.papers.length) await new Promise((resolve) => setImmediate(resolve));
    }
    const fileChecks = checkFileClaims(seed);
    if (this.index.get(uri)?.seed !== seed) return undefined; // edited meanwhile: a newer parse will be checked
    const result: FileChecks = { fileChecks, papers, flagged: countFlagged(fileChecks) + papers.reduce((n, p) => n + countFlagged(p.checks), 0) };
    this.results.set(seed, result);
    for (const { paper, checks } of papers) this.byPaper.set(paper, checks);
    this.changed.fire(uri);
    return result;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function countFlagged(checks: Check[]): number {
  return checks.reduce((n, c) => n + (c.severity === 'info' ? 0 : 1), 0);
}

export function worstSeverity(checks: Check[]): Severity | undefined {
  if (checks.some((c) => c.severity === 'error')) return 'error';
  if (checks.some((c) => c.severity === 'warning')) return 'warning';
  return checks.length ? 'info' : undefined;
}
