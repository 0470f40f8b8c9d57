// Text from seed files is untrusted: before it reaches a terminal, control characters (escape sequences that
// could move the cursor, rewrite the title or hide text) and bidirectional overrides are made visible.

/**
 * C0 controls except tab and newline, DEL, C1 (which includes the 8-bit CSI), bidi embeddings/overrides/isolates
 * and marks (LRM, RLM, ALM), and invisible characters that hide text inside words and numbers (zero-width space,
 * word joiner, a BOM inside the text). ZWNJ and ZWJ are kept: scripts and emoji need them.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** What JSON.stringify leaves raw that a terminal may act on: DEL, C1 controls, bidi controls, line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Shows each unsafe character as a `\uXXXX` escape instead of letting the terminal act on it. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON.stringify with the characters above written as `\\uXXXX` escapes. They can only occur inside strings, where
 * the escape means the same character, so programs read the same data and a terminal shows inert text.
 */
export function safeJson(value: unknown): string {
  return escapeJsonForTerminal(JSON.stringify(value, null, 2));
}

/** The escaping of `safeJson`, for JSON text written a piece at a time. */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
