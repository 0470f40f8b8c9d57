// Hovering a checked claim in a seed file shows its arithmetic: formula, inputs as read, the recomputed value and,
// for a failure, the closest consistent value. Card text is added with `appendText`, so it can never become markup.
import vscode = require('vscode');
import { Check } from './core/check';
import { ClaimDiagnostics, checkRange } from './diagnostics';

const MARK: Record<Check['severity'], string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };

export function explainCheck(check: Check): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${check.verdict === 'consistent' ? '$(pass)' : MARK[check.severity]} **Paper Claims: ${check.verdict}** · `);
  md.appendText(check.kind);
  md.appendMarkdown('\n\n');
  md.appendText(check.message);
  md.appendMarkdown('\n\n');
  md.appendCodeblock(
    [
      `formula:  ${check.explanation.formula}`,
      ...check.explanation.inputs.map((input) => `input:    ${input}`),
      `result:   ${check.explanation.result}`,
      `stated:   ${check.stated}`,
      ...(check.explanation.closest ? [`closest consistent: ${check.explanation.closest}`] : []),
    ].join('\n'),
    'text',
  );
  return md;
}

export function registerHover(diagnostics: ClaimDiagnostics): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: '*', pattern: '**/*.txt' },
    {
      provideHover(document, position) {
        const found = diagnostics.at(document.uri, position);
        if (!found.length) return undefined;
        return new vscode.Hover(
          found.map((d) => explainCheck(d.check)),
          found.map((d) => checkRange(d.check)).reduce((a, b) => a.union(b)),
        );
      },
    },
  );
}
