// Small pure string helpers that replace end-anchored regular expressions (`x+$`-style patterns), which backtrack
// quadratically when a long run of the repeated character is followed by something else (see the ReDoS audit in
// test/unit/redos.test.ts). Each scans from the end of the string once, so it is linear.

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
