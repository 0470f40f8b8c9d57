// Text from seed files is untrusted: before it reaches a terminal, control characters (escape sequences that
// could move the cursor, rewrite the title or hide text) and bidirectional overrides are made visible.

/** C0 controls except tab and newline, DEL, C1 (which includes the 8-bit CSI), and bidi embeddings/overrides/isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Shows each unsafe character as a `\uXXXX` escape instead of letting the terminal act on it. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function style(color: boolean): Style {
  return color
    ? { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), cyan: ansi(36, 39) }
    : { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
}
