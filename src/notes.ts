// Appends paper summaries to the user's notes file without ever losing a note:
// - when the notes file is open with unsaved edits, the summary is inserted into that buffer (the user's edits
//   and the summary both stay, and the user saves as usual);
// - otherwise the file's current bytes are read and written back with the summary after them;
// - appends run one at a time, so two clicks in quick succession add two summaries, in order.
import vscode = require('vscode');
import { noteSuffix } from './core/summary';

export class NotesWriter {
  private queue: Promise<unknown> = Promise.resolve();

  /** The notes file from the `paperClaims.notesFile` setting: absolute, or relative to the first workspace folder. */
  notesUri(): vscode.Uri | undefined {
    const setting = vscode.workspace.getConfiguration('paperClaims').get<string>('notesFile', 'notes/papers.md').trim() || 'notes/papers.md';
    if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, ...setting.split(/[\\/]/).filter(Boolean)) : undefined;
  }

  /** Appends `note`; resolves to where it went and whether it is still unsaved. Rejects with a reason a person can read. */
  append(note: string): Promise<{ uri: vscode.Uri; unsaved: boolean }> {
    const run = this.queue.then(() => this.appendNow(note));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendNow(note: string): Promise<{ uri: vscode.Uri; unsaved: boolean }> {
    const uri = this.notesUri();
    if (!uri) throw new Error('Open a folder first: the notes file lives in the workspace (setting paperClaims.notesFile).');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      const edit = new vscode.WorkspaceEdit();
      const end = open.lineAt(open.lineCount - 1).range.end;
      edit.insert(uri, end, noteSuffix(open.getText(), note));
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${vscode.workspace.asRelativePath(uri)} could not be edited.`);
      return { uri, unsaved: true };
    }
    const existing = await readIfExists(uri);
    if (existing === undefined) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    }
    const text = existing ?? '';
    const updated = text + noteSuffix(text, note);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(updated));
    } catch (error) {
      throw new Error(`${vscode.workspace.asRelativePath(uri)} could not be written: ${reason(error)}`);
    }
    return { uri, unsaved: false };
  }
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw new Error(`${vscode.workspace.asRelativePath(uri)} could not be read: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'NoPermissions') return 'permission denied (is it read-only?)';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
