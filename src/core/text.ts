// Small pure string helpers that replace end-anchored regular expressions (`x+$`-style patterns), which backtrack
// quadratically when a long run of the repeated character is followed by something else (see the ReDoS audit in
// test/unit/redos.test.ts). Each scans from the end of the string once, so it is linear. Also the text of a field
// as a reader sees it (invisible characters removed, escaped arrows and no-break spaces read as what they stand
// for), with the way back to offsets in the original, and the HTML tags and bound entities (`&gt;`) that markup
// leaves in a card.

/** `s` without the run of `ch` (one UTF-16 code unit) at its end: `s.replace(/ch+$/, '')`. */
export function trimEndChar(s: string, ch: string): string {
  const code = ch.charCodeAt(0);
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === code) i--;
  return i === s.length ? s : s.slice(0, i);
}

/** The index where the longest suffix of `s` made only of characters in `set` begins (`s.length` if none). */
export function suffixStart(s: string, set: string): number {
  let i = s.length;
  while (i > 0 && set.includes(s[i - 1])) i--;
  return i;
}

/** The index where the longest suffix of `s` containing no character of `set` begins: the match of /[^set]*$/. */
export function suffixStartNotIn(s: string, set: string): number {
  let i = s.length;
  while (i > 0 && !set.includes(s[i - 1])) i--;
  return i;
}

/** Inserts a comma before every group of three digits that ends the run: `digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')` for a string of ASCII digits. */
export function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** Whether a UTF-16 code unit is a \w character (ASCII letter, digit or `_`), the test behind \b in a non-`u` regex. */
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** How far back from a `>` the `<` of its tag may be: long enough for a tag with a few attributes. */
const MAX_TAG = 256;

const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where the HTML-like tag that the `>` at `gt` closes begins (`<b>`, `</span>`, `<br/>`, `<td align="right">`), or
 * -1: scanned back by hand, `<`, an optional `/`, a letter, then anything but `<` and `>` (except inside quotes), at
 * most MAX_TAG characters. Cards exported from HTML keep such tags, and `<b>40%` is not "more than 40%".
 */
export function tagStartBefore(text: string, gt: number): number {
  let quote = 0;
  for (let i = gt - 1; i >= 0 && gt - i <= MAX_TAG; i--) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c; // " or '
    else if (c === 62) return -1; // another > first: in `>>40` the second one is a bound after a tag
    else if (c === 60) {
      // < then an optional / then the tag's name
      const name = text.charCodeAt(i + 1) === 47 ? i + 2 : i + 1;
      return name < gt && isAsciiLetterCode(text.charCodeAt(name)) ? i : -1;
    }
  }
  return -1;
}

/** Whether the `>` at `gt` closes an HTML-like tag (see `tagStartBefore`). */
export function closesTag(text: string, gt: number): boolean {
  return tagStartBefore(text, gt) >= 0;
}

/** `s` with each HTML-like tag (`<b>`, `</span>`: see `tagStartBefore`) replaced by a space, for reading labels. */
export function withoutTags(s: string): string {
  if (!s.includes('>')) return s;
  let out = '';
  let copied = 0;
  for (let gt = s.indexOf('>'); gt !== -1; gt = s.indexOf('>', gt + 1)) {
    const lt = tagStartBefore(s, gt);
    if (lt < copied) continue; // not a tag (-1), or one overlapping a tag already removed
    out += `${s.slice(copied, lt)} `;
    copied = gt + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** The bound symbols that HTML entities stand for, keyed by the entity in lower case. */
const BOUND_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&gt;', '>'],
  ['&#62;', '>'],
  ['&#x3e;', '>'],
  ['&lt;', '<'],
  ['&#60;', '<'],
  ['&#x3c;', '<'],
  ['&ge;', '≥'],
  ['&#8805;', '≥'],
  ['&#x2265;', '≥'],
  ['&le;', '≤'],
  ['&#8804;', '≤'],
  ['&#x2264;', '≤'],
]);
/** The length of the longest of them (`&#x2265;`). */
const BOUND_ENTITY_MAX = 8;

/**
 * The symbol (`>`, `<`, `≥` or `≤`) that the HTML entity `s` stands for, in any case (`&gt;`, `&GT;`, `&#62;`,
 * `&#x3E;`, `&ge;`, `&#8805;`…), or undefined. Why: digests scraped from web pages keep `&gt;325 GB` where the page
 * showed >325 GB. Only the whole of `s` is looked up in a fixed table: this decodes nothing but these bounds.
 */
export function boundEntity(s: string): string | undefined {
  return s.length <= BOUND_ENTITY_MAX && s.charCodeAt(0) === 38 ? BOUND_ENTITIES.get(s.toLowerCase()) : undefined;
}

/**
 * Where the `;` that ends an entity beginning at `amp` in `text` is, looked for only as far as an entity of at most
 * `maxLength` characters reaches (so the scan stays short however long the text), or -1.
 */
function entitySemicolon(text: string, amp: number, maxLength: number): number {
  let semi = amp + 1;
  while (semi < text.length && semi - amp < maxLength - 1 && text.charCodeAt(semi) !== 59) semi++;
  return text.charCodeAt(semi) === 59 ? semi : -1;
}

/** The bound entity that begins at `i` in `text` (see `boundEntity`) and its length, or undefined. */
function boundEntityAt(text: string, i: number): { symbol: string; length: number } | undefined {
  if (text.charCodeAt(i) !== 38) return undefined; // &
  const semi = entitySemicolon(text, i, BOUND_ENTITY_MAX);
  if (semi === -1) return undefined;
  const symbol = boundEntity(text.slice(i, semi + 1));
  return symbol === undefined ? undefined : { symbol, length: semi + 1 - i };
}

/**
 * Whether the `&gt;` (any entity for `>`) at `amp` closes an escaped HTML-like tag (`&lt;b&gt;`, `&lt;/td&gt;`):
 * scanned back by hand to the nearest `&lt;` entity, which must be followed by an optional `/` and a letter, with no
 * other `&gt;` between, at most MAX_TAG characters back. Why: a page that escaped its markup once too often shows
 * `<b>40%` as text, and that is not "more than 40%", any more than `<b>40%` is (see `closesTag`).
 */
export function closesEscapedTag(text: string, amp: number): boolean {
  for (let i = amp - 1; i >= 0 && amp - i <= MAX_TAG; i--) {
    if (text.charCodeAt(i) !== 38) continue;
    const entity = boundEntityAt(text, i);
    if (entity?.symbol === '>') return false; // another escaped tag, or a bound, is closed first
    if (entity?.symbol === '<') {
      const name = text.charCodeAt(i + entity.length) === 47 ? i + entity.length + 1 : i + entity.length;
      return name < amp && isAsciiLetterCode(text.charCodeAt(name));
    }
  }
  return false;
}

/**
 * What the HTML entities for arrows and the no-break space are read as, keyed by the entity as written (numeric
 * ones in lower case). The arrows written with an entity for `>` (`-&gt;`, `=&gt;`) are keyed with the `-` or `=`
 * before it, which stays as written: only the entity is replaced. `&GT;` is valid HTML as `&gt;` is; other named
 * entities are matched exactly (HTML names are case-sensitive: `&rArr;` is ⇒, not →).
 */
const READ_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['-&gt;', '->'],
  ['-&GT;', '->'],
  ['-&#62;', '->'],
  ['-&#x3e;', '->'],
  ['=&gt;', '=>'],
  ['=&GT;', '=>'],
  ['=&#62;', '=>'],
  ['=&#x3e;', '=>'],
  ['&rarr;', '→'],
  ['&#8594;', '→'],
  ['&#x2192;', '→'],
  ['&nbsp;', ' '],
  ['&#160;', ' '],
  ['&#xa0;', ' '],
]);
/** The length of the longest of them (`&#x2192;`), and of the longest entity without its `-` or `=`. */
const READ_ENTITY_MAX = 8;

/**
 * What the text `s` is read as when it is one of the escaped arrows or no-break spaces of `READ_ENTITIES` (`-&gt;`
 * → `->`, `=&gt;` → `=>`, `&rarr;`/`&#8594;`/`&#x2192;` → `→`, `&nbsp;` → a space), or undefined. Why: digests
 * scraped from web pages write `13.6 GB -&gt; 1.7 GB`, which a reader of the page saw as `13.6 GB -> 1.7 GB`. Only
 * the whole of `s` is looked up in a fixed table: this decodes nothing else.
 */
export function readEntity(s: string): string | undefined {
  if (s.length > READ_ENTITY_MAX) return undefined;
  return READ_ENTITIES.get(s.includes('&#') ? s.toLowerCase() : s);
}

/**
 * The read entity (see `readEntity`) whose `&` is at `amp` in `text`: its end and the one character it stands
 * for, or undefined. An entity for `>` counts only after a `-` or `=` (the arrow it ends), which stays as written.
 */
function readEntityAt(text: string, amp: number): { end: number; char: string } | undefined {
  const semi = entitySemicolon(text, amp, READ_ENTITY_MAX);
  if (semi === -1) return undefined;
  const entity = text.slice(amp, semi + 1);
  const before = amp > 0 ? text[amp - 1] : '';
  const arrow = before === '-' || before === '=' ? readEntity(before + entity) : undefined;
  if (arrow !== undefined) return { end: semi + 1, char: arrow.slice(1) };
  const read = readEntity(entity);
  return read === undefined ? undefined : { end: semi + 1, char: read };
}

/** The first read entity (see `readEntityAt`) whose `&` is at or after `from` in `text`, with where it starts. */
function nextReadEntity(text: string, from: number): { at: number; end: number; char: string } | undefined {
  for (let amp = text.indexOf('&', from); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    const entity = readEntityAt(text, amp);
    if (entity !== undefined) return { at: amp, end: entity.end, char: entity.char };
  }
  return undefined;
}

/**
 * `v` (text as a reader sees it) with each escaped arrow or no-break space read as what it stands for (see
 * `readEntity`: `-&gt;` as `->`, `&rarr;` as `→`, `&nbsp;` as a space), and the way back to offsets in the original
 * text kept: the one character read from an entity stands for all of it (`sourceEnd`). Why: the checker then pairs
 * `13.6 GB -&gt; 1.7 GB` exactly as `13.6 GB -> 1.7 GB`, and the `;` of the entity does not end a clause. Linear:
 * each `&` is looked at once, over at most READ_ENTITY_MAX characters.
 */
export function withEntitiesRead(v: VisibleText): VisibleText {
  const s = v.text;
  let entity = nextReadEntity(s, 0);
  if (entity === undefined) return v; // nearly all text
  // Where each unit of `s` starts and ends in the original text.
  const startOf = (k: number): number => (v.source === undefined ? k : v.source[k]);
  const endOf = (k: number): number => (v.sourceEnd === undefined ? startOf(k) + 1 : v.sourceEnd[k]);
  const source = new Int32Array(s.length);
  const sourceEnd = new Int32Array(s.length);
  let kept = 0;
  let out = '';
  let copied = 0; // s[copied…] is not yet in `out`
  /** Copies s[copied…to) as it is, each unit standing for what it stood for. */
  const copyTo = (to: number): void => {
    out += s.slice(copied, to);
    for (; copied < to; copied++, kept++) {
      source[kept] = startOf(copied);
      sourceEnd[kept] = endOf(copied);
    }
  };
  for (; entity !== undefined; entity = nextReadEntity(s, copied)) {
    copyTo(entity.at);
    out += entity.char;
    source[kept] = startOf(entity.at);
    sourceEnd[kept++] = endOf(entity.end - 1);
    copied = entity.end;
  }
  copyTo(s.length);
  const read: VisibleText = { text: out, source: source.subarray(0, kept), sourceEnd: sourceEnd.subarray(0, kept) };
  if (v.removed !== undefined) read.removed = v.removed;
  return read;
}

/**
 * The span [start, end) of the text as read (`v.text`), with each entity read as one character (see
 * `withEntitiesRead`) put back as written: `->` is `-&gt;` again. Why: a check's `stated` is the text as written
 * (invisible characters stay out of it, as they always have).
 */
export function writtenSlice(v: VisibleText, original: string, start: number, end: number): string {
  const source = v.source;
  const sourceEnd = v.sourceEnd;
  if (source === undefined || sourceEnd === undefined) return v.text.slice(start, end);
  const to = Math.min(end, source.length);
  let out = '';
  let copied = start;
  for (let k = start; k < to; k++) {
    if (sourceEnd[k] - source[k] <= 1) continue;
    out += v.text.slice(copied, k) + original.slice(source[k], sourceEnd[k]);
    copied = k + 1;
  }
  return out + v.text.slice(copied, end);
}

/** Zero-width space, word joiner, zero-width no-break space (a BOM inside the text) and soft hyphen (a hyphen
 * shown only where a line breaks): they carry no meaning inside a number or a word. */
const isAlwaysInvisible = (c: number): boolean => c === 0x200b || c === 0x2060 || c === 0xfeff || c === 0x00ad;
/** Â…ï: what the first byte of a two- or three-byte UTF-8 character reads as in Windows-1252. A soft hyphen (byte
 * AD) right after one is the rest of such a character (`Ã\u00ad` is í), which the damaged-text check must see. */
const isMojibakeLead = (c: number): boolean => c >= 0xc2 && c <= 0xef;
/** Zero-width non-joiner and joiner: invisible too, but scripts and emoji need them between their characters. */
const isJoinerCode = (c: number): boolean => c === 0x200c || c === 0x200d;
/** Bidi controls: LRM, RLM, ALM, the embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). They
 * show nothing and only steer the direction of display, so they carry no meaning inside a number or a word; a card
 * that puts one inside a number (`4\u202e0%`) must not have it read as two numbers. */
const isBidiControl = (c: number): boolean =>
  c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
/** Every character `withoutInvisibles` may remove. */
const isInvisibleCode = (c: number): boolean => isAlwaysInvisible(c) || isJoinerCode(c) || isBidiControl(c);
/** A quick test for any of them, so that text without them (nearly all) is returned as it is. */
const INVISIBLE_RE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Text with its invisible characters removed (and entities read: see `withEntitiesRead`), and the way back to
 * offsets in the original text. */
export interface VisibleText {
  text: string;
  /** Offset in the original text of each UTF-16 unit of `text`; undefined when nothing was removed or read. */
  source?: Int32Array;
  /** Offset in the original text just after what each unit of `text` stands for: `source[k] + 1`, but after the
   * whole entity for a unit read from one (see `withEntitiesRead`); undefined when no entity was read. */
  sourceEnd?: Int32Array;
  /** Offsets in the original text of the characters removed, ascending. */
  removed?: Int32Array;
}

/**
 * `s` as a reader sees it: without the zero-width characters, soft hyphens and bidi controls that hide inside words
 * and numbers (`4\u200b0%` shows as 40%, `1,2\u00ad50` as 1,250, `6\u200f0%` as 60%). ZWNJ and ZWJ are kept
 * between two non-ASCII characters (Persian words, emoji sequences need them) and removed elsewhere (next to a
 * digit, a sign or a unit they only break the reading). A soft hyphen is kept after a character that begins
 * mojibake (see `isMojibakeLead`). The order of the characters is kept: an override (U+202E) that reverses how the
 * rest is displayed is removed, not applied; the checker names it when it is inside a number (see `invisiblesWithin`).
 */
export function withoutInvisibles(s: string): VisibleText {
  if (!INVISIBLE_RE.test(s)) return { text: s };
  const source = new Int32Array(s.length);
  const removed: number[] = [];
  let kept = 0;
  let out = '';
  let copied = 0; // s[copied…] is not yet in `out`
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isInvisibleCode(c)) {
      source[kept++] = i++;
      continue;
    }
    // A run of invisible characters, judged by the visible characters on either side of it.
    let j = i;
    while (j < s.length && isInvisibleCode(s.charCodeAt(j))) j++;
    const betweenNonAscii = i > 0 && j < s.length && s.charCodeAt(i - 1) >= 128 && s.charCodeAt(j) >= 128;
    const afterMojibakeLead = i > 0 && isMojibakeLead(s.charCodeAt(i - 1));
    out += s.slice(copied, i);
    for (let k = i; k < j; k++) {
      const ck = s.charCodeAt(k);
      if ((betweenNonAscii && isJoinerCode(ck)) || (k === i && afterMojibakeLead && ck === 0x00ad)) {
        out += s[k];
        source[kept++] = k;
      } else removed.push(k);
    }
    copied = j;
    i = j;
  }
  if (removed.length === 0) return { text: s };
  out += s.slice(copied);
  return { text: out, source: source.subarray(0, kept), removed: Int32Array.from(removed) };
}

/** The offset in the original text of offset `i` of the visible text; `end`: `i` is an exclusive end. */
export function sourceOffset(v: VisibleText, i: number, end = false): number {
  const source = v.source;
  if (source === undefined) return i;
  if (source.length === 0) return 0;
  if (i <= 0) return source[0];
  // An end, or a start past the last visible character, falls just after the character before it (after all of
  // the entity it was read from).
  if (end || i >= source.length) {
    const k = Math.min(i, source.length) - 1;
    return v.sourceEnd === undefined ? source[k] + 1 : v.sourceEnd[k];
  }
  return source[i];
}

/** The invisible characters removed inside the visible span [start, end), as `U+200B`, each once, in order. */
export function invisiblesWithin(v: VisibleText, original: string, start: number, end: number): string[] {
  const removed = v.removed;
  if (removed === undefined || end <= start) return [];
  const from = sourceOffset(v, start);
  const to = sourceOffset(v, end, true);
  // The first removed offset at or after `from` (binary search; `removed` is ascending).
  let lo = 0;
  let hi = removed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (removed[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const names: string[] = [];
  for (let k = lo; k < removed.length && removed[k] < to; k++) {
    const name = `U+${original.charCodeAt(removed[k]).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
