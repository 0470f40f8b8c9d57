// "Paper Claims: Verify Claims": every seed file, the current file, or one paper (from the tree's context menu),
// with a cancellable progress notification. Results land in the Problems panel through ClaimDiagnostics.
import vscode = require('vscode');
import { ClaimsService, countFlagged } from './claims';
import { PaperRef, PapersNode, paperRef } from './papersTree';
import { SeedIndex } from './seedIndex';

export interface VerifySummary {
  files: number;
  papers: number;
  flagged: number;
  cancelled: boolean;
}

export function registerVerifyCommands(index: SeedIndex, claims: ClaimsService): vscode.Disposable[] {
  const verifyFiles = (uris: vscode.Uri[], title: string) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token): Promise<VerifySummary> => {
        const total = uris.reduce((n, u) => n + (index.get(u)?.seed.papers.length ?? 0), 0);
        const summary: VerifySummary = { files: 0, papers: 0, flagged: 0, cancelled: false };
        let reported = 0;
        for (const uri of uris) {
          const result = await claims.verify(uri, token, (done) => {
            const increment = total ? ((summary.papers + done - reported) / total) * 100 : 0;
            reported = summary.papers + done;
            progress.report({ message: `${reported} of ${total} papers`, increment });
          });
          if (token.isCancellationRequested || !result) {
            summary.cancelled = token.isCancellationRequested;
            break;
          }
          summary.files++;
          summary.papers += result.papers.length;
          summary.flagged += result.flagged;
        }
        const text = summary.cancelled
          ? `Verification cancelled after ${summary.papers} papers.`
          : `Verified ${summary.papers} ${summary.papers === 1 ? 'paper' : 'papers'} in ${summary.files} ${summary.files === 1 ? 'file' : 'files'}: ${summary.flagged ? `${summary.flagged} ${summary.flagged === 1 ? 'claim needs' : 'claims need'} a look (see Problems).` : 'every claim adds up.'}`;
        void vscode.window.showInformationMessage(text, ...(summary.flagged && !summary.cancelled ? ['Show Problems'] : [])).then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
        return summary;
      },
    );

  return [
    vscode.commands.registerCommand('paperClaims.verifyAll', async () => {
      await index.ready();
      return verifyFiles(index.files.map((f) => f.uri), 'Paper Claims: verifying all seed files');
    }),
    vscode.commands.registerCommand('paperClaims.verifyFile', async (uri?: vscode.Uri) => {
      await index.ready();
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target || !index.get(target)) {
        void vscode.window.showInformationMessage('Open a seed file (a digest of paper cards) to verify it.');
        return undefined;
      }
      return verifyFiles([target], `Paper Claims: verifying ${vscode.workspace.asRelativePath(target)}`);
    }),
    vscode.commands.registerCommand('paperClaims.verifyPaper', async (arg?: PapersNode | PaperRef) => {
      const ref = arg && 'kind' in arg ? paperRef(arg) : arg;
      if (!ref) return undefined;
      const result = await claims.verify(ref.uri);
      const checks = result?.papers.find((p) => p.paper.index === ref.index)?.checks ?? [];
      const flagged = countFlagged(checks);
      void vscode.window.showInformationMessage(
        `"${ref.title.length > 60 ? `${ref.title.slice(0, 59)}…` : ref.title}": ${checks.length} ${checks.length === 1 ? 'check' : 'checks'}, ${flagged ? `${flagged} flagged (see Problems or the card)` : 'nothing flagged'}.`,
      );
      return { checks: checks.length, flagged };
    }),
  ];
}
