// A quick fix for a wrong stated value: replace it with the closest value the numbers support. Offered only for
// `inconsistent` and `near-miss` checks, where the checker found such a value.
import vscode = require('vscode');
import { ClaimDiagnostics, DIAGNOSTIC_SOURCE } from './diagnostics';

const FIXABLE = new Set(['inconsistent', 'near-miss']);

export class ClaimQuickFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: ClaimDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const check = this.diagnostics.find(document.uri, diagnostic)?.check;
      if (!check) continue;
      if (!FIXABLE.has(check.verdict) || !check.fix) continue;
      const r = check.fix.range;
      const range = new vscode.Range(r.line, r.column, r.endLine, r.endColumn);
      const action = new vscode.CodeAction(`Replace "${document.getText(range)}" with "${check.fix.replacement}" (what the numbers give)`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, range, check.fix.replacement);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

export function registerQuickFixes(diagnostics: ClaimDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: '*', pattern: '**/*.txt' }, new ClaimQuickFixes(diagnostics), {
    providedCodeActionKinds: ClaimQuickFixes.providedCodeActionKinds,
  });
}
