// Puts checks in the Problems panel at each claim's exact range (source `paper-claims`), and keeps them current:
// every new parse of a seed file (an edit, debounced by the index, or a change on disk) is checked again.
import vscode = require('vscode');
import { Check, Severity } from './core/check';
import { ClaimsService } from './claims';
import { SeedIndex } from './seedIndex';

export const DIAGNOSTIC_SOURCE = 'paper-claims';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Diagnostics carry their check so hovers and quick fixes can explain and repair without recomputing. */
export class ClaimDiagnostic extends vscode.Diagnostic {
  constructor(
    range: vscode.Range,
    readonly check: Check,
  ) {
    // A consistent claim is a hint: visible in the editor, not a "problem" in the panel.
    super(range, check.message, check.verdict === 'consistent' ? vscode.DiagnosticSeverity.Hint : SEVERITY[check.severity]);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = check.verdict;
  }
}

export function checkRange(check: Check): vscode.Range {
  const r = check.range;
  return new vscode.Range(r.line, r.column, r.endLine, r.endColumn);
}

export class ClaimDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** What was published, with checks attached; VS Code hands copies back to providers, so we keep our own. */
  private readonly published = new Map<string, ClaimDiagnostic[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly index: SeedIndex,
    private readonly claims: ClaimsService,
  ) {
    this.disposables.push(
      claims.onDidChange((uri) => this.publish(uri)),
      index.onDidChange(() => void this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperClaims.maxProblemsPerFile')) for (const f of index.files) this.publish(f.uri);
      }),
    );
  }

  /** Checks every indexed file not yet checked in its current form, and drops diagnostics of files that left. */
  private async refreshAll(): Promise<void> {
    const known = new Set(this.index.files.map((f) => f.uri.toString()));
    this.collection.forEach((uri) => {
      if (known.has(uri.toString())) return;
      this.collection.delete(uri);
      this.published.delete(uri.toString());
    });
    // Very large digests are checked on request (Verify Claims, with progress and cancel), not on every edit.
    const limit = vscode.workspace.getConfiguration('paperClaims').get<number>('autoVerifyMaxPapers', 5000);
    for (const file of this.index.files) {
      if (file.seed.papers.length <= limit && !this.claims.peek(file.uri)) await this.claims.verify(file.uri);
    }
  }

  private publish(uri: vscode.Uri): void {
    const result = this.claims.peek(uri);
    if (!result) return;
    const all = [...result.fileChecks, ...result.papers.flatMap((p) => p.checks)];
    // The worst first, so a cap never hides an error behind a list of hints.
    const order = (c: Check) => (c.severity === 'error' ? 0 : c.severity === 'warning' ? 1 : c.verdict === 'consistent' ? 3 : 2);
    const sorted = all.map((check, i) => ({ check, i })).sort((a, b) => order(a.check) - order(b.check) || a.i - b.i);
    const limit = Math.max(1, vscode.workspace.getConfiguration('paperClaims').get<number>('maxProblemsPerFile', 500));
    const claims = sorted.slice(0, limit).map(({ check }) => new ClaimDiagnostic(checkRange(check), check));
    this.published.set(uri.toString(), claims);
    const diagnostics: vscode.Diagnostic[] = [...claims];
    if (sorted.length > limit) {
      const hidden = sorted.length - limit;
      const more = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `${hidden} more checks are not shown (paperClaims.maxProblemsPerFile is ${limit}). For the full report run: paper-claims verify "${vscode.workspace.asRelativePath(uri)}"`,
        vscode.DiagnosticSeverity.Information,
      );
      more.source = DIAGNOSTIC_SOURCE;
      more.code = 'more';
      diagnostics.push(more);
    }
    for (const problem of this.index.get(uri)?.seed.problems ?? []) {
      const parse = new vscode.Diagnostic(new vscode.Range(problem.line, problem.column, problem.line, problem.endColumn), problem.message, vscode.DiagnosticSeverity.Warning);
      parse.source = DIAGNOSTIC_SOURCE;
      parse.code = 'parse';
      diagnostics.unshift(parse);
    }
    this.collection.set(uri, diagnostics);
  }

  /** The claim diagnostics at a position, for hovers. */
  at(uri: vscode.Uri, position: vscode.Position): ClaimDiagnostic[] {
    return (this.published.get(uri.toString()) ?? []).filter((d) => d.range.contains(position));
  }

  /** Our diagnostic behind a copy VS Code passed to a provider (same range, message and code). */
  find(uri: vscode.Uri, copy: vscode.Diagnostic): ClaimDiagnostic | undefined {
    return this.published.get(uri.toString())?.find((d) => d.range.isEqual(copy.range) && d.message === copy.message && String(d.code) === String(copy.code));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
