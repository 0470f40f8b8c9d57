// Entry point of the `paper-claims` command (bundled to dist/cli.js).
import { runCli } from './cli';

declare const PAPER_CLAIMS_VERSION: string | undefined;

const version = typeof PAPER_CLAIMS_VERSION === 'string' ? PAPER_CLAIMS_VERSION : '0.0.0';
process.exitCode = runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  },
  version,
);
