// Finds every seed file in the workspace and keeps its parse current: files matching the `paperClaims.seedGlob`
// setting, plus any `.txt` whose first line reads `N papers found`. Files are read through `workspace.fs` so
// virtual workspaces work; open documents are read from their (possibly unsaved) buffer.
import vscode = require('vscode');
import { hasSeedHeader, parseSeedPaced } from './core/parser';
import { Paper, SeedFile } from './core/model';

export interface SeedEntry {
  uri: vscode.Uri;
  /** The path shown to people: relative to its workspace folder. */
  label: string;
  seed: SeedFile;
  /** Listed because it matches the glob (kept even when its header goes), not only for its header. */
  matchedByGlob: boolean;
  /**
   * Set while an edit has broken cards that parsed before: `seed.papers` are then the last good papers (so the
   * tree does not empty under the user's hands) and `seed.problems` are the current parse's problems.
   */
  heldBack?: { parsedPapers: number };
}

const CANDIDATES = '**/*.txt';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
/** Content detection reads only files up to this size; bigger ones must match the glob. */
const SNIFF_LIMIT = 64 * 1024 * 1024;
const DEBOUNCE_MS = 250;
const RESCAN = 'rescan';

export class SeedIndex implements vscode.Disposable {
  private readonly entries = new Map<string, SeedEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Counts the reads of each file: a parse gives the extension host a turn every few milliseconds, so a newer edit
   * can start another read of the same file meanwhile, and then only the newest read may land.
   */
  private readonly reads = new Map<string, number>();
  private readsInFlight = 0;
  private scanning: Promise<void> | undefined;
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CANDIDATES, true, false, true);
    // A folder created or deleted with files in it is reported as the folder alone, which the `*.txt` pattern
    // does not match; so creations and deletions are watched everywhere.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidDelete((uri) => this.remove(uri)),
      // A new file may match the glob, which only findFiles can tell: rescan (debounced; creations are rare).
      folders.onDidCreate((uri) => void this.onCreated(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // No content change: only the dirty state moved (a save, a revert, the file deleted under a loaded document).
        if (e.contentChanges.length === 0) return;
        if (this.entries.has(e.document.uri.toString()) || startsWithHeader(e.document)) this.schedule(e.document.uri);
      }),
      // Digests opened from outside the workspace (the built-in sample, a download, an untitled paste) are listed
      // while they are open.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (startsWithHeader(document)) this.schedule(document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!vscode.workspace.getWorkspaceFolder(document.uri)) this.remove(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperClaims.seedGlob')) void this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /** Seed files, in a stable order (by label). */
  get files(): SeedEntry[] {
    return [...this.entries.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  get(uri: vscode.Uri): SeedEntry | undefined {
    return this.entries.get(uri.toString());
  }

  findPaper(uri: vscode.Uri, index: number, title?: string): Paper | undefined {
    const papers = this.get(uri)?.seed.papers ?? [];
    const atIndex = papers[index];
    if (title === undefined || atIndex?.title.text === title) return atIndex;
    // After an edit the index may point elsewhere: prefer the paper that still has the title.
    return papers.find((p) => p.title.text === title) ?? atIndex;
  }

  /** Whether a change is waiting for its debounce or a file is being read: the index may change soon. */
  get busy(): boolean {
    return this.pending.size > 0 || this.readsInFlight > 0;
  }

  /** Resolves once the first scan has finished. */
  ready(): Promise<void> {
    return this.scanning ?? this.rescan();
  }

  rescan(): Promise<void> {
    this.scanning = this.scan();
    return this.scanning;
  }

  private async scan(): Promise<void> {
    this.readsInFlight++;
    try {
      await this.scanFiles();
    } finally {
      this.readsInFlight--;
    }
  }

  private async scanFiles(): Promise<void> {
    const glob = vscode.workspace.getConfiguration('paperClaims').get<string>('seedGlob', '**/seeds/**/*.txt');
    const [byGlob, candidates] = await Promise.all([
      vscode.workspace.findFiles(glob, EXCLUDE),
      vscode.workspace.findFiles(CANDIDATES, EXCLUDE, 5000),
    ]);
    const matched = new Set(byGlob.map((u) => u.toString()));
    const found = new Map<string, SeedEntry>();
    // Open digests from outside the workspace. A workspace file is listed from the disk: its document can stay
    // loaded after its tab is closed and the file deleted, and must not bring it back.
    const open = vscode.workspace.textDocuments.filter((d) => !vscode.workspace.getWorkspaceFolder(d.uri) && startsWithHeader(d)).map((d) => d.uri);
    const all = new Map([...candidates, ...byGlob, ...open].map((u) => [u.toString(), u]));
    /** Files an edit has read again while the scan was reading them: their newer entry stays. */
    const superseded = new Set<string>();
    await Promise.all(
      [...all.values()].map(async (uri) => {
        const key = uri.toString();
        const read = this.startRead(key);
        const entry = await this.load(uri, matched.has(key), read.stale);
        if (read.stale()) superseded.add(key);
        else if (entry) found.set(key, entry);
      }),
    );
    for (const key of superseded) {
      const newer = this.entries.get(key);
      if (newer) found.set(key, newer);
    }
    this.entries.clear();
    for (const [key, entry] of found) this.entries.set(key, entry);
    this.changed.fire();
  }

  /** Starts a read of a file; `stale()` turns true once a newer read of the same file has started. */
  private startRead(key: string): { stale: () => boolean } {
    const read = (this.reads.get(key) ?? 0) + 1;
    this.reads.set(key, read);
    return { stale: () => this.reads.get(key) !== read };
  }

  /** Reads and parses a seed file, pausing so the extension host stays responsive; undefined if not a seed file. */
  private async load(uri: vscode.Uri, matchedByGlob: boolean, cancelled: () => boolean): Promise<SeedEntry | undefined> {
    this.readsInFlight++;
    try {
      const text = await readText(uri, matchedByGlob ? Infinity : SNIFF_LIMIT);
      if (text === undefined || cancelled()) return undefined;
      if (!matchedByGlob && !hasSeedHeader(text)) return undefined;
      // Lazy papers: a paper is read from the text when the tree shows it or the checker checks it, so a big file
      // costs its text and a small object per paper until then.
      const seed = await parseSeedPaced(text, { pause: nextTurn, cancelled, lazy: true });
      return seed && { uri, label: vscode.workspace.asRelativePath(uri), seed, matchedByGlob };
    } finally {
      this.readsInFlight--;
    }
  }

  private async onCreated(uri: vscode.Uri): Promise<void> {
    if (uri.path.endsWith('.txt')) return this.schedule(RESCAN);
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) this.schedule(RESCAN);
    } catch {
      /* gone again */
    }
  }

  private schedule(uri: vscode.Uri | typeof RESCAN): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void (uri === RESCAN ? this.rescan() : this.refresh(uri));
      }, DEBOUNCE_MS),
    );
  }

  /** Reads and parses one file again now; what an edit or a change on disk does once it has settled. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const read = this.startRead(key);
    const entry = await this.load(uri, this.entries.get(key)?.matchedByGlob ?? false, read.stale);
    if (read.stale()) return; // a newer read of this file will land instead
    const previous = this.entries.get(key);
    if (entry) this.entries.set(key, previous ? holdLastGood(previous, entry) : entry);
    else if (!this.entries.delete(key)) return;
    this.changed.fire();
  }

  /** Forgets a deleted file, or every file under a deleted folder (the watcher reports only the folder). */
  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    const folder = key.endsWith('/') ? key : `${key}/`;
    const gone = (k: string) => k === key || k.startsWith(folder);
    // A read of a deleted file still under way (or waiting for its debounce) must not add it back when it ends.
    for (const k of [...this.reads.keys()].filter(gone)) this.startRead(k);
    for (const [k, timer] of [...this.pending].filter(([k]) => gone(k))) {
      clearTimeout(timer);
      this.pending.delete(k);
    }
    let removed = false;
    for (const k of [...this.entries.keys()]) {
      if (gone(k)) removed = this.entries.delete(k) || removed;
    }
    if (removed) this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Keeps the last good papers when an edit makes cards unparseable (a half-typed score, say): the tree keeps its
 * papers and the problems show where they are. Once the file parses as well as before, the new parse wins.
 */
export function holdLastGood(previous: SeedEntry, next: SeedEntry): SeedEntry {
  const lastGood = previous.seed.papers;
  const broke = next.seed.problems.length > 0 && next.seed.papers.length < lastGood.length;
  if (!broke) return next;
  return {
    ...next,
    seed: { ...next.seed, papers: lastGood },
    heldBack: { parsedPapers: next.seed.papers.length },
  };
}

/** Lets the extension host run other work (another extension's request, a keystroke's events) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A cheap test on an open document: does its first non-blank line read `N papers found`? */
function startsWithHeader(document: vscode.TextDocument): boolean {
  for (let line = 0; line < Math.min(document.lineCount, 20); line++) {
    const text = document.lineAt(line).text;
    if (text.trim()) return hasSeedHeader(text);
  }
  return false;
}

/** The text of a file: the open document's buffer when there is one, else the file on disk. */
async function readText(uri: vscode.Uri, limit: number): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > limit) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // deleted or unreadable since it was listed
  }
}
