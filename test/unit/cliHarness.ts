// Shared by the CLI tests.
import { runCli } from '../../src/cli/cli';

/** Runs the CLI in-process and captures what it prints (version 1.2.3, so tests can check --version). */
export function runCliCaptured(args: string[], env: NodeJS.ProcessEnv = {}, isTty = false): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty, env }, '1.2.3');
  return { code, stdout, stderr };
}
