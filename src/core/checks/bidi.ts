// Bidirectional controls outside numbers: an embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) in a
// title, summary, key finding or Numbers line makes the text display in another order than it is read and checked
// (`\u202e40% → 60% (+50%)\u202c` shows as `(%05+) %06 → %04`). The checker reads the characters in the order
// written (see `withoutInvisibles`), so it cannot vouch for what the reader sees: each such field gets one warning,
// at its first control. Controls inside a number are named by every check that reads the number (`invisibleNote`
// in the checker), and LRM, RLM and ALM (U+200E, U+200F, U+061C) are left alone: each acts only as an invisible
// letter of one direction would, and they belong in right-to-left text.
import { Check } from '../check';
import type { FieldInfo, FieldKey } from '../checker';
import { FIELD_LABEL, whereWritten, writtenRange } from '../checker';
import { sourceOffset } from '../text';

/** The embeddings, overrides and isolates, and their terminators, by code point, with their Unicode names. */
const BIDI_CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
]);
/** A quick scan for any of them (a native search: most fields have none). */
const BIDI_CONTROL_RE = /[\u202a-\u202e\u2066-\u2069]/g;

/** The fields checked: every field a reader reads on the card, the summary too (its text can be reversed on screen
 * as well as the claims'). */
const FIELDS_CHECKED: ReadonlySet<FieldKey> = new Set<FieldKey>(['title', 'summary', 'keyFinding', 'numbers']);

/** At most this many controls are listed in one check's inputs: a hostile card may hold thousands. */
const MAX_LISTED = 10;

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and name of a bidi control. Why: the character is invisible, so
 * the message must name it to be of any use. */
function bidiControlName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${BIDI_CONTROL_NAMES.get(code) ?? 'BIDI CONTROL'}`;
}

/**
 * The offsets (in `info.field.text`, ascending) of the bidi controls that stand outside every quantity the field
 * was read as. Why outside only: inside a number the check that reads it says so already. One pass over the
 * controls and the quantities together (both are in text order), so linear however many there are.
 */
function bidiControlsOutsideNumbers(info: FieldInfo): number[] {
  // Every bidi control is removed from the text as read (see `withoutInvisibles`): none was removed, none is there.
  if (info.visible.removed === undefined) return [];
  const original = info.field.text;
  const out: number[] = [];
  const qs = info.reading.quantities;
  let k = 0; // the first quantity that does not end before the control
  BIDI_CONTROL_RE.lastIndex = 0;
  // `test` finds the next control without building a match (lastIndex ends just after it).
  while (BIDI_CONTROL_RE.test(original)) {
    const at = BIDI_CONTROL_RE.lastIndex - 1;
    while (k < qs.length && sourceOffset(info.visible, qs[k].end, true) <= at) k++;
    const inside = k < qs.length && sourceOffset(info.visible, qs[k].start) <= at;
    if (!inside) out.push(at);
  }
  return out;
}

/** One warning per title, summary, key finding or Numbers line that holds a bidi control outside its numbers (see above),
 * at the first one, naming each kind of control it holds. */
export function findBidiControls(fields: readonly FieldInfo[]): Check[] {
  const checks: Check[] = [];
  for (const info of fields) {
    if (!FIELDS_CHECKED.has(info.key)) continue;
    const found = bidiControlsOutsideNumbers(info);
    if (found.length === 0) continue;
    const text = info.field.text;
    const names: string[] = [];
    for (const at of found) {
      const name = bidiControlName(text.charCodeAt(at));
      if (!names.includes(name)) names.push(name);
    }
    const label = FIELD_LABEL[info.key];
    const what = found.length === 1 ? 'a bidirectional control character' : `${found.length} bidirectional control characters`;
    const first = found[0];
    const range = writtenRange(info.field, first, first + 1);
    const inputs = found.slice(0, MAX_LISTED).map((at) => `${bidiControlName(text.charCodeAt(at))} at ${whereWritten(writtenRange(info.field, at, at + 1))}`);
    if (found.length > MAX_LISTED) inputs.push(`and ${found.length - MAX_LISTED} more`);
    checks.push({
      kind: 'bidi-control',
      // The method's verdicts have no "displays differently": nothing here is computed wrong or damaged, but what
      // the reader sees cannot be vouched for (`unverifiable`), and it needs a look: severity `warning`, as for
      // the header's declared count (checkDeclaredCount).
      verdict: 'unverifiable',
      severity: 'warning',
      range,
      message: `The ${label} contains ${what} (${names.join(', ')}), so it may display differently from how it is read and checked`,
      // The code point, not the character: shown raw, the control itself would reorder the text after it.
      stated: bidiControlName(text.charCodeAt(first)).slice(0, 6),
      computed: names.map((n) => n.slice(0, n.indexOf(' '))).join(', '),
      explanation: {
        formula: 'bidirectional controls change the order text is displayed in, not the order it is read in',
        inputs,
        result: 'read and checked in the order written; it may display in another order',
      },
    });
  }
  return checks;
}
