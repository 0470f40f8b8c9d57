// Damaged text: characters lost or garbled on export. Reported as `damaged` (warning) with what was probably lost;
// the checker never computes on a guess as if it were fact (claims inside a damaged span are not recomputed, and
// a reading that depends on a guess says so in its message).
import { Check } from '../check';
import type { FieldInfo } from '../checker';
import { makeCheck, statedText, whereWritten } from '../checker';
import { firstStartingAt, Fused, isSpaceCode, Quantity, Range } from '../quantity';
import { isWordCode, trimEndChar } from '../text';

export interface Damage {
  checks: Check[];
  /** Quantities that must not be computed on. */
  suppressed: Set<Quantity>;
  /** Quantities read through a guess, with the note to add to their check's message. */
  guessed: Map<Quantity, string>;
}

const MOJIBAKE_RE = /\uFFFD|[ÂÃâÎ][\u0080-\u00BF\u2018-\u203A\u20AC\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC]{1,2}/g;
const MOJIBAKE_GUESS: Record<string, string> = {
  'â†’': '→',
  'âˆ’': '−',
  'â€“': '–',
  'â€”': '—',
  'Â±': '±',
  'Î”': 'Δ',
  'âˆ†': '∆',
  'Ã—': '×',
  'â‰ˆ': '≈',
  'â‰¤': '≤',
  'â‰¥': '≥',
  'Â·': '·',
  'â€™': '’',
};
/** At most this many reports of one kind of damage per field: a hostile card must not flood the Problems panel. */
const MAX_PER_KIND = 10;
const BRACKET_RE = /[()[\]]/g;
/** Digits a number needs before it is read as a range with its dash lost (`164` beside `1–64`). */
const MIN_LOST_DASH_DIGITS = 3;
/**
 * A `?` where a character was lost between two values: right between two numbers (`12?4`), or with a space on
 * each side after a number or its unit and before the next number, with at most a label between (`27.1 GB ? 2.1 GB`,
 * `LoRA 800K ? LoRA-XS 60K`; the label is not `vs`, `and`, `or`…). A question mark that ends a question has no space
 * before it, and one that stands for a value nobody reported is not followed by a number (`vs ? (not reported)`,
 * `vs ? for GPT-4`, `GPT-4 ? vs 82.1`).
 */
const QUESTION_RE = /\d%?\s?\?\s?[~<>≈]?\d|\d(?: ?[^\s\d?;|]{1,8})? \?(?= (?:(?!(?:vs|versus|and|or|to|of)\b)\p{L}[\p{L}\d-]{0,15} )?[~<>≈]?\d)/gu;

/**
 * Words after which a dotted number is a version or a numbered part, not two numbers run together
 * (`transformers 4.36.2`, `Sec. 4.2.1`): lower-cased, without a trailing dot. Libraries and tools are the ones
 * papers cite with a version; a benchmark or metric name (`GLUE avg 87.8288.69`) must not be here.
 */
const VERSION_WORDS: ReadonlySet<string> = new Set([
  'v', 'ver', 'version', 'release', 'rel', 'sec', 'section', '§', 'ch', 'chapter', 'app', 'appendix', 'table', 'tab',
  'fig', 'figure', 'eq', 'equation', 'thm', 'theorem', 'lemma', 'alg', 'algorithm',
  'transformers', 'torch', 'pytorch', 'tensorflow', 'jax', 'flax', 'keras', 'peft', 'trl', 'tgi', 'vllm', 'sglang',
  'deepspeed', 'megatron', 'megatron-lm', 'accelerate', 'bitsandbytes', 'flash-attn', 'flashattention',
  'xformers', 'triton', 'tensorrt', 'tensorrt-llm', 'onnx', 'onnxruntime', 'llama.cpp', 'ollama', 'cuda', 'cudnn',
  'nccl', 'python', 'numpy', 'scipy', 'pandas', 'scikit-learn', 'sklearn', 'datasets', 'tokenizers',
  'sentencepiece', 'lightning', 'fairseq', 'nemo', 'faiss', 'ray', 'mlx', 'gcc', 'ubuntu', 'docker',
]);
/** Written between a package and its version with nothing around them (`torch==2.1.0`, `peft@0.7.1`). */
const VERSION_PINS = ['==', '~=', '>=', '@'];

/** Whether a character may be part of a library or section word (`llama.cpp`, `flash-attn`, `Sec.`, `§`). */
function isNameChar(c: string): boolean {
  return isWordCode(c.charCodeAt(0)) || c === '.' || c === '-' || c === '§';
}

/** Whether the dotted number at `start` follows a version pin or a word from VERSION_WORDS (over a space, a `(` or
 * both: `PEFT 0.7.1`, `bitsandbytes (0.41.1)`). */
function followsVersionWord(text: string, start: number): boolean {
  for (const pin of VERSION_PINS) {
    const at = start - pin.length;
    if (at > 0 && text.startsWith(pin, at) && isWordCode(text.charCodeAt(at - 1))) return true;
  }
  let end = start;
  if (end > 0 && text[end - 1] === '(') end--;
  if (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let begin = end;
  while (begin > 0 && end - begin < 32 && isNameChar(text[begin - 1])) begin--;
  return VERSION_WORDS.has(trimEndChar(text.slice(begin, end), '.').toLowerCase());
}

/** A date written dd.mm.yyyy (`15.03.2024`), given its three dot-separated groups. */
function isDate(groups: string[]): boolean {
  const day = Number(groups[0]);
  const month = Number(groups[1]);
  return groups[0].length <= 2 && groups[2].length === 4 && day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/**
 * Whether a fused number is two numbers run together rather than a version, section or date. Between its two dots
 * lie at least one decimal of the first number and one integer digit of the second, and it has exactly two dots:
 * `87.8288.69` is a pair; `2.1.0`, `1.2.3.4`, `15.03.2024` and `transformers 4.36.2` are not.
 */
function isFusedPair(text: string, f: Fused): boolean {
  // `71.28%3.06`: the unit shows where the first number ends.
  if (f.raw.includes('%')) return true;
  const groups = f.raw.split('.');
  if (groups.length !== 3 || groups[1].length < 2) return false;
  return !isDate(groups) && !followsVersionWord(text, f.start);
}

/** Roman numerals an enumeration counts with, in order (`i)`, `ii)`, `iii)`…). */
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const MARKER_NUMBER_RE = /^[0-9]{1,2}$/;
const MARKER_LETTER_RE = /^[a-z]$/;

/** An enumeration marker's place in each way of counting it may belong to (`i` is both the 9th letter and 1). */
interface Marker {
  close: number;
  number?: number;
  letter?: number;
  roman?: number;
}

/** Whether the character at `i` may come just before an enumeration marker: the field's start, a space or punctuation
 * (but not a decimal point: the `)` of `0.65)` ends a number). */
function beginsMarker(text: string, i: number): boolean {
  if (i < 0 || isSpaceCode(text.charCodeAt(i))) return true;
  const c = text[i];
  if (c === '.') return !(text[i - 1] >= '0' && text[i - 1] <= '9');
  return c === ',' || c === ';' || c === ':' || c === '!' || c === '?';
}

/** The enumeration marker (`2)`, `b)`, `iv)`) whose `)` is at `close`, or undefined when the `)` ends something else. */
function markerAt(text: string, close: number): Marker | undefined {
  let begin = close;
  while (begin > 0 && close - begin < 5 && isWordCode(text.charCodeAt(begin - 1))) begin--;
  if (begin === close || !beginsMarker(text, begin - 1)) return undefined;
  const label = text.slice(begin, close).toLowerCase();
  const marker: Marker = { close };
  if (MARKER_NUMBER_RE.test(label)) marker.number = Number(label);
  if (MARKER_LETTER_RE.test(label)) marker.letter = label.charCodeAt(0) - 96;
  const roman = ROMAN.indexOf(label);
  if (roman >= 0) marker.roman = roman + 1;
  return (marker.number ?? marker.letter ?? marker.roman) === undefined ? undefined : marker;
}

/** Whether `b` is the marker that comes right after `a` in some way of counting (`1) 2)`, `a) b)`, `i) ii)`). */
function follows(a: Marker, b: Marker): boolean {
  const next = (x?: number, y?: number): boolean => x !== undefined && y === x + 1;
  return next(a.number, b.number) || next(a.letter, b.letter) || next(a.roman, b.roman);
}

/**
 * The `)` of enumeration markers (`1) block-wise…, 2) dynamic…`, `a) 8 experts … b) top-2`): markers that follow
 * each other in sequence, two or more. They close no bracket, so they are not stray.
 */
function enumerationCloses(text: string): Set<number> {
  const closes = new Set<number>();
  let previous: Marker | undefined;
  for (let at = text.indexOf(')'); at >= 0; at = text.indexOf(')', at + 1)) {
    const marker = markerAt(text, at);
    if (!marker) continue;
    if (previous && follows(previous, marker)) closes.add(previous.close).add(marker.close);
    previous = marker;
  }
  return closes;
}

/** Index of the clause holding `offset` (binary search: clauses are sorted and cover the text). */
function clauseIndex(info: FieldInfo, offset: number): number {
  let lo = 0;
  let hi = info.clauses.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (info.clauses[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findDamage(fields: FieldInfo[]): Damage {
  const checks: Check[] = [];
  const suppressed = new Set<Quantity>();
  const guessed = new Map<Quantity, string>();
  // Created when first needed (most cards are undamaged).
  let damagedClauses: Set<string> | undefined;

  for (const info of fields) {
    const text = info.text;
    // Numbers run together.
    let fusedCount = 0;
    for (const f of info.reading.fused) {
      if (fusedCount >= MAX_PER_KIND) break;
      if (!isFusedPair(text, f)) continue;
      fusedCount++;
      const guess = f.guess ? `probably ${f.guess[0]} and ${f.guess[1]} with an arrow or "vs" lost between them` : 'a separator was lost';
      checks.push(
        makeCheck(info, f.start, f.end, {
          kind: 'fused-numbers',
          verdict: 'damaged',
          message: `${f.raw}: two numbers run together — ${guess}; not computed on`,
          stated: f.raw,
          computed: f.guess ? `${f.guess[0]} → ${f.guess[1]}?` : 'unreadable',
          explanation: { formula: 'none: the text is damaged', inputs: [`as written: ${f.raw}`], result: 'not computed', closest: f.guess ? `${f.guess[0]} → ${f.guess[1]}` : undefined },
        }),
      );
      (damagedClauses ??= new Set()).add(`${info.key}:${clauseIndex(info, f.start)}`);
    }
    // Brackets that do not pair up. A half-open interval pairs a square bracket with a round one (`[1e-5, 1e-3)`,
    // `(0, 1]`); the `)` of an enumeration marker (`1) … 2) …`) closes nothing.
    const stack: number[] = [];
    const squares: number[] = [];
    const strayClose: number[] = [];
    const markers = text.includes(')') ? enumerationCloses(text) : undefined;
    // `test` finds the next bracket without building a match (lastIndex ends just after it).
    BRACKET_RE.lastIndex = 0;
    while (BRACKET_RE.test(text)) {
      const i = BRACKET_RE.lastIndex - 1;
      const c = text[i];
      if (c === '(') stack.push(i);
      else if (c === '[') squares.push(i);
      else if (c === ']') {
        if (squares.length) squares.pop();
        else if (stack.length) stack.pop();
      } else if (markers === undefined || !markers.has(i)) {
        if (stack.length) stack.pop();
        else if (squares.length) squares.pop();
        else strayClose.push(i);
      }
    }
    let gluedExplained: Set<Quantity> | undefined;
    for (let si = 0; si < strayClose.length && si < MAX_PER_KIND; si++) {
      const pos = strayClose[si];
      // The nearest signed number before the bracket, in the same clause: a lost "(∆".
      const clause = info.clauses[clauseIndex(info, pos)] ?? { start: 0, end: text.length };
      let signed: Quantity | undefined;
      let before: Quantity | undefined;
      const qs = info.reading.quantities;
      for (let k = firstStartingAt(qs, clause.start); k < qs.length && qs[k].end <= pos; k++) {
        const qu = qs[k];
        if ((qu.sign !== '' || qu.delta) && !qu.name) {
          signed = qu;
          before = k > 0 && !qs[k - 1].name ? qs[k - 1] : undefined;
        }
      }
      let message: string;
      if (signed) {
        const written = text.slice(Math.max(clause.start, before ? before.numStart : signed.numStart), pos + 1).trim();
        message = `stray ")": an opening "(∆ " was probably lost before ${signed.raw} ("${written}"); ${signed.raw} is read as the stated change`;
        (gluedExplained ??= new Set()).add(signed);
        guessed.set(signed, `read as a stated change although its opening "(∆" was lost`);
      } else message = 'stray ")": its opening "(" was probably lost';
      const check = makeCheck(info, pos, pos + 1, {
        kind: 'lost-bracket',
        verdict: 'damaged',
        message,
        stated: ')',
        computed: signed ? `(∆ ${signed.raw})` : '( … )',
        explanation: { formula: 'brackets must pair up', inputs: [], result: 'an opening bracket is missing' },
      });
      // Where the bracket is in the file, as the editor shows it (not an offset into the field).
      check.explanation.inputs.push(`stray ")" at ${whereWritten(check.range)}`);
      checks.push(check);
    }
    for (let si = 0; si < stack.length && si < MAX_PER_KIND; si++) {
      const pos = stack[si];
      const check = makeCheck(info, pos, pos + 1, {
        kind: 'lost-bracket',
        verdict: 'damaged',
        message: 'unclosed "(": its closing ")" was probably lost',
        stated: '(',
        computed: '( … )',
        explanation: { formula: 'brackets must pair up', inputs: [], result: 'a closing bracket is missing' },
      });
      check.explanation.inputs.push(`unclosed "(" at ${whereWritten(check.range)}`);
      checks.push(check);
    }
    // A sign glued to the previous number with no bracket left to show it: "0.918+0.069".
    let gluedCount = 0;
    for (let k = 0; k < info.reading.quantities.length && gluedCount < MAX_PER_KIND; k++) {
      const qu = info.reading.quantities[k];
      if (!qu.glued || qu.name || qu.range !== undefined || (gluedExplained !== undefined && gluedExplained.has(qu))) continue;
      const prev = k > 0 ? info.reading.quantities[k - 1] : undefined;
      if (!prev || prev.name) continue;
      checks.push(
        makeCheck(info, prev.numStart, qu.end, {
          kind: 'lost-bracket',
          verdict: 'damaged',
          message: `${statedText(info, prev.numStart, qu.end)}: a sign glued to the previous number — probably " (∆ " was lost before ${qu.raw}; ${qu.raw} is read as the stated change`,
          stated: statedText(info, prev.numStart, qu.end),
          computed: `${prev.raw} (∆ ${qu.raw})`,
          explanation: { formula: 'a change is written apart from the value it follows', inputs: [], result: 'separator lost' },
        }),
      );
      guessed.set(qu, 'read as a stated change although the text around it is damaged');
      gluedCount++;
    }
    // Garbled encoding.
    MOJIBAKE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let garbled = 0;
    while (garbled++ < MAX_PER_KIND && (m = MOJIBAKE_RE.exec(text)) !== null) {
      const g = m[0];
      const guess = MOJIBAKE_GUESS[g] ?? MOJIBAKE_GUESS[g.slice(0, 2)];
      checks.push(
        makeCheck(info, m.index, m.index + g.length, {
          kind: 'garbled-text',
          verdict: 'damaged',
          message: `"${g}": garbled characters (text decoded with the wrong encoding)${guess ? ` — probably "${guess}"` : ''}`,
          stated: g,
          computed: guess ?? '?',
          explanation: { formula: 'UTF-8 read as Windows-1252', inputs: [], result: guess ? `probably ${guess}` : 'unreadable' },
        }),
      );
      (damagedClauses ??= new Set()).add(`${info.key}:${clauseIndex(info, m.index)}`);
    }
    // Every match holds a `?`: most fields have none, and looking for one character is far cheaper than the pattern.
    if (text.includes('?')) {
      QUESTION_RE.lastIndex = 0;
      let questions = 0;
      while (questions++ < MAX_PER_KIND && (m = QUESTION_RE.exec(text)) !== null) {
        const at = m.index + m[0].indexOf('?');
        checks.push(
          makeCheck(info, at, at + 1, {
            kind: 'garbled-text',
            verdict: 'damaged',
            message: '"?" between two numbers: probably an arrow or dash lost in encoding',
            stated: '?',
            computed: '→',
            explanation: { formula: 'two values need a connector', inputs: [], result: 'probably → or –' },
          }),
        );
        // The `?` ends a clause, so the values after it are in the next one.
        damagedClauses ??= new Set();
        damagedClauses.add(`${info.key}:${clauseIndex(info, at)}`).add(`${info.key}:${clauseIndex(info, at + 1)}`);
      }
    }
  }

  // A range with its dash lost: "ranks 164" where another field says "1–64".
  const ranges: Range[] = [];
  for (const f of fields) {
    const rs = f.reading.ranges;
    for (let k = 0; k < rs.length && k < 20; k++) ranges.push(rs[k]);
  }
  for (const info of fields) {
    let lost = 0;
    for (const qu of info.reading.quantities) {
      if (lost >= MAX_PER_KIND) break;
      if (qu.name || qu.reference || qu.range !== undefined || qu.sign !== '' || qu.decimals !== 0 || qu.raw.includes(',')) continue;
      // `24 layers` beside `2–4 bit`, `35%` beside `3–5%`: a two-digit number matches some range by chance.
      if (qu.raw.length < MIN_LOST_DASH_DIGITS) continue;
      for (const r of ranges) {
        if (r.low.decimals !== 0 || r.high.decimals !== 0 || r.low.sign !== '') continue;
        const joined = r.low.raw.replace(/^[+\-\u2212]/, '') + r.high.raw.replace(/^[+\-\u2212]/, '');
        if (joined !== qu.raw) continue;
        if (qu.unit !== '' && r.unit !== '' && qu.unit !== r.unit) continue;
        const rangeText = `${r.low.raw}–${r.high.raw.replace(/^[+\-\u2212]/, '')}`;
        checks.push(
          makeCheck(info, qu.numStart, qu.numEnd, {
            kind: 'lost-dash',
            verdict: 'damaged',
            message: `${qu.raw}: probably the range ${rangeText} with its dash lost (the card says ${rangeText} elsewhere); not computed on`,
            stated: qu.raw,
            computed: rangeText,
            explanation: { formula: 'a number that reads as a range elsewhere on the card', inputs: [`as written: ${qu.raw}`, `elsewhere: ${rangeText}`], result: `probably ${rangeText}`, closest: rangeText },
          }),
        );
        suppressed.add(qu);
        lost++;
        break;
      }
    }
  }

  // Claims in a damaged clause are not computed on.
  if (damagedClauses !== undefined) for (const info of fields) {
    for (const claim of info.claims) if (damagedClauses.has(`${info.key}:${claim.clause}`)) suppressed.add(claim.q);
    for (const v of info.values) if (damagedClauses.has(`${info.key}:${clauseIndex(info, v.start)}`)) suppressed.add(v);
  }
  return { checks, suppressed, guessed };
}
