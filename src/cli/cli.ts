// `paper-claims`: the same parsing (and checking) as the extension, for terminals, scripts and CI.
// Exit status: 0 success, 1 when `verify` finds a check of severity error, 2 for bad usage or unreadable input.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { SeedFile } from '../core/model';
import { parseSeed, textChunks } from '../core/parser';
import { JsonWriter, SarifWriter } from '../core/report';
import { verifyPieces } from '../core/verifyStream';
import { listJson, listText } from './list';
import { escapeJsonForTerminal, sanitize } from './terminal';
import { TextWriter } from './verifyText';

export const USAGE = `Usage: paper-claims <command> FILE... [options]

Commands:
  list FILE...      List the papers of each seed file: title, citations, line.
  verify FILE...    Recompute the claims of each paper and report what does not add up.

Options:
  --format FORMAT   list: text (default) or json.
                    verify: text (default), json or sarif.
  --no-color        Never colour text output (also when NO_COLOR is set, or stdout is not a terminal).
  -h, --help        Show this help.
  -v, --version     Show the version.

Exit status:
  0  done (verify: no check of severity error)
  1  verify found at least one check of severity error
  2  bad usage, or a file that cannot be read as a UTF-8 text seed file
     (missing, a directory or device, binary, not UTF-8, over 256 MB)
  3  internal error (a bug in paper-claims: please report it)

Examples:
  paper-claims list seeds/*.txt
  paper-claims verify seeds/000_934c6e1fbed8f8cd.txt --format json
`;

export class UsageError extends Error {}

export interface CliOptions {
  command: 'list' | 'verify';
  files: string[];
  format: 'text' | 'json' | 'sarif';
  color: boolean;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

export function parseArguments(args: string[], io: Pick<CliIo, 'isTty' | 'env'>): CliOptions | 'help' | 'version' {
  if (args.length === 0) throw new UsageError('missing command (try --help)');
  let format: string | undefined;
  let color = io.isTty && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--no-color') color = false;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
      if (format === undefined) throw new UsageError('--format needs a value: text, json or sarif');
    } else if (arg === '--') positional.push(...args.slice(i + 1)), (i = args.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (try --help)`);
    else positional.push(arg);
  }
  const [command, ...files] = positional;
  if (command !== 'list' && command !== 'verify') throw new UsageError(`unknown command ${JSON.stringify(command ?? '')}: use list or verify (try --help)`);
  if (files.length === 0) throw new UsageError(`${command} needs at least one FILE`);
  const allowed = command === 'list' ? ['text', 'json'] : ['text', 'json', 'sarif'];
  const chosen = format ?? 'text';
  if (!allowed.includes(chosen)) throw new UsageError(`--format ${chosen} is not one of ${allowed.join(', ')} for ${command}`);
  return { command, files, format: chosen as CliOptions['format'], color };
}

export class InputError extends Error {}

/**
 * The largest seed file read. A 100,000-card digest is about 50 MB; beyond this the text would not fit in one
 * JavaScript string for long (V8 stops at 512 M characters), so the file is refused before it is read.
 */
export const MAX_SEED_BYTES = 256 * 1024 * 1024;

/** Reads a seed file's bytes, refusing what is not UTF-8 text with a reason a person can act on. */
export function readSeedBytes(path: string): Uint8Array {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a seed file`);
    // A FIFO, a socket or a device such as /dev/zero would block or be read forever.
    if (!stat.isFile()) throw new InputError(`${path}: is not a regular file (a device, pipe or socket), not a seed file`);
    if (stat.size > MAX_SEED_BYTES) throw new InputError(`${path}: is ${(stat.size / 1024 / 1024).toFixed(0)} MB; seed files over ${MAX_SEED_BYTES / 1024 / 1024} MB are not read (split it into smaller files)`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new InputError(`${path}: cannot read (${why})`);
  }
  if (bytes.includes(0)) throw new InputError(`${path}: looks like a binary file (it contains NUL bytes), not a seed file`);
  // Checked without decoding: the text of a big file is decoded a piece at a time (see textChunks).
  if (!isUtf8(bytes)) throw new InputError(`${path}: is not valid UTF-8 text`);
  return bytes;
}

/** Reads a seed file as text (for `list`, which keeps every paper anyway). */
export function readSeedFile(path: string): string {
  return new TextDecoder('utf-8').decode(readSeedBytes(path));
}

export interface LoadedFile {
  path: string;
  seed: SeedFile;
}

export function runCli(args: string[], io: CliIo, version = '0.0.0'): number {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(args, io);
  } catch (error) {
    io.stderr(`paper-claims: ${(error as Error).message}\n`);
    return 2;
  }
  if (options === 'help') return io.stdout(USAGE), 0;
  if (options === 'version') return io.stdout(`${version}\n`), 0;
  return options.command === 'list' ? listCommand(options, io) : verifyCommand(options, io, version);
}

const inputFailure = (io: CliIo, error: unknown): number => {
  io.stderr(`paper-claims: ${sanitize(error instanceof InputError ? error.message : String((error as Error)?.message ?? error))}\n`);
  return 2;
};

const internalError = (io: CliIo, error: unknown, after = ''): number => {
  io.stderr(`paper-claims: internal error: ${sanitize(String((error as Error)?.message ?? error).split('\n')[0])}${after} (please report it)\n`);
  return 3;
};

/** Blank: no header, no card, nothing the parser could complain about. Still a result (0 papers), said once. */
function warnIfEmpty(io: CliIo, path: string, outline: { declaredCount: unknown; paperCount: number; problems: unknown[] }): void {
  if (!outline.declaredCount && outline.paperCount === 0 && outline.problems.length === 0) io.stderr(`paper-claims: warning: ${sanitize(path)}: is empty (no paper cards)\n`);
}

function listCommand(options: CliOptions, io: CliIo): number {
  // Read everything before printing anything, so a bad file never leaves a partial list behind.
  const files: LoadedFile[] = [];
  for (const path of options.files) {
    try {
      files.push({ path, seed: parseSeed(readSeedFile(path)) });
    } catch (error) {
      return inputFailure(io, error);
    }
  }
  for (const { path, seed } of files) warnIfEmpty(io, path, { ...seed, paperCount: seed.papers.length });
  let text: string;
  try {
    text = options.format === 'json' ? listJson(files) : listText(files, { color: options.color });
  } catch (error) {
    return internalError(io, error);
  }
  io.stdout(text);
  return 0;
}

/**
 * Checks each file a piece at a time and writes the report as it goes (a report on a big digest can be several
 * times the file's size, so it is never held whole). Every file is read and validated first, so unreadable input
 * is refused before anything is printed; after that only a bug can stop the report halfway, and then the exit
 * status (3) and the message on stderr say the output is incomplete.
 */
function verifyCommand(options: CliOptions, io: CliIo, version: string): number {
  const validated: Array<Uint8Array | undefined> = [];
  for (const path of options.files) {
    try {
      const bytes = readSeedBytes(path);
      // Keep the first file's bytes for the report; the others are read again in turn, so only one is in memory.
      validated.push(validated.length === 0 ? bytes : undefined);
    } catch (error) {
      return inputFailure(io, error);
    }
  }
  const output = new BufferedWrite(io.stdout);
  const write = (text: string) => output.write(text);
  const writer =
    options.format === 'json'
      ? new JsonWriter(write, escapeJsonForTerminal)
      : options.format === 'sarif'
        ? new SarifWriter(write, { toolVersion: version, escape: escapeJsonForTerminal })
        : new TextWriter(write, { color: options.color });
  let path = '';
  try {
    for (let i = 0; i < options.files.length; i++) {
      path = options.files[i];
      let bytes = validated[i];
      validated[i] = undefined;
      try {
        bytes ??= readSeedBytes(path);
      } catch (error) {
        // Changed or removed since it was validated: what was written so far is not a complete report.
        output.flush();
        inputFailure(io, error);
        io.stderr('paper-claims: the report above is incomplete\n');
        return 2;
      }
      writer.beginFile(path);
      const { outline, fileChecks } = verifyPieces(textChunks(bytes), (paper, checks) => writer.paper(paper, checks));
      writer.endFile(fileChecks, outline.declaredCount);
      warnIfEmpty(io, path, outline);
    }
    writer.end();
  } catch (error) {
    output.flush();
    return internalError(io, error, `; while checking ${sanitize(path)}, the report above is incomplete`);
  }
  output.flush();
  return writer.summary.errors > 0 ? 1 : 0;
}

/** Collects small writes into blocks of about 64 KB before handing them to stdout. */
class BufferedWrite {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: (text: string) => void) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
