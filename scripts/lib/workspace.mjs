// Throwaway folders for test runs: a copy of the sample seeds (tests may write into the workspace, e.g. notes/)
// plus state for code-server, under one temp directory that is removed afterwards unless a run failed.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

/**
 * Creates `<tmp>/paper-claims-<label>-XXXX/` holding `workspace/seeds/` (a copy of the repo's seeds/) and
 * `state/` (for code-server). The workspace *contains* seeds/ so the extension's default seed glob
 * (`**\/seeds/**\/*.txt`) and its `workspaceContains` activation event both match, as in a user's project.
 */
export function createTempWorkspace(label) {
  const dir = mkdtempSync(join(tmpdir(), `paper-claims-${label}-`));
  const workspace = join(dir, 'workspace');
  const stateDir = join(dir, 'state');
  mkdirSync(stateDir, { recursive: true });
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  return {
    dir,
    workspace,
    stateDir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `cleanup` once when the process is interrupted (Ctrl+C, SIGTERM, or the parent dying), so code-server and
 * Chromium never outlive a run. Returns a function that unregisters the handlers.
 */
export function onInterrupt(cleanup) {
  let done = false;
  const handler = async (signal) => {
    if (done) return;
    done = true;
    console.error(`\n[${signal}] cleaning up…`);
    try {
      await cleanup();
    } finally {
      process.exit(130);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, handler);
  return () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, handler);
  };
}
