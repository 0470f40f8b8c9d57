// Rounding rules for checking reported numbers, after scrutiny/GRIM and statcheck (see docs/claims.md).
//
// A reported number stands for the interval it was rounded from. Its precision is read from the *string*
// ("36.0" has one decimal; "1e17" is precise to 10^17), so values are kept as text until they are read here.
// Arithmetic is exact: every value is a mathjs Fraction (imported through `create()` with only the fraction
// factory), so a boundary such as 92.45 is never blurred by binary floating point.
//
// Every function here is small and pure; each rounding rule has one function.
import { create, fractionDependencies, Fraction } from 'mathjs';

const math = create({ fractionDependencies });

export type Q = Fraction;

/** The Fraction class of this mathjs instance: building through it skips the typed-function dispatch. */
const FractionClass = (math as unknown as { Fraction: new (n: bigint, d: bigint) => Q }).Fraction;

/** An exact rational. */
export function q(n: bigint | number, d: bigint | number = 1): Q {
  if (typeof n === 'number' && !Number.isInteger(n)) return math.fraction!(n);
  const bd = BigInt(d);
  // The library's constructor parses its arguments first; a positive denominator needs none of that.
  return bd > 0n ? reduced(BigInt(n), bd) : new FractionClass(BigInt(n), bd);
}

/**
 * Fraction arithmetic without the argument parsing of the library's methods (which builds several bigints per call):
 * the same reduced result, built the way the library builds it (sign ±1, numerator ≥ 0, denominator > 0, reduced,
 * fields set in the same order). Division by zero is left to the library, which throws its own error.
 */
const FRACTION_PROTO = (FractionClass as unknown as { prototype: object }).prototype;

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** The greatest common divisor of a ≥ 0 and b ≥ 0. Why two ways: nearly every value on a card fits a double exactly,
 * and Euclid's remainders on doubles are exact there and much cheaper than on bigints. */
function gcdBig(a: bigint, b: bigint): bigint {
  if (a === 0n) return b;
  if (b === 0n) return a;
  if (a <= SAFE_BIG && b <= SAFE_BIG) return BigInt(gcdSafe(Number(a), Number(b)));
  for (;;) {
    a %= b;
    if (a === 0n) return b;
    b %= a;
    if (b === 0n) return a;
  }
}

/** gcd(a, b) for safe integers a, b > 0. */
function gcdSafe(a: number, b: number): number {
  for (;;) {
    a %= b;
    if (a === 0) return b;
    b %= a;
    if (b === 0) return a;
  }
}

/** n/d reduced, for d > 0. */
function reduced(n: bigint, d: bigint): Q {
  const f = Object.create(FRACTION_PROTO) as { s: bigint; n: bigint; d: bigint };
  f.s = n < 0n ? -1n : 1n;
  if (n < 0n) n = -n;
  const g = gcdBig(n, d);
  f.n = g === 1n ? n : n / g;
  f.d = g === 1n ? d : d / g;
  return f as unknown as Q;
}

/** a + b. */
export function addQ(a: Q, b: Q): Q {
  return reduced(a.s * a.n * b.d + b.s * a.d * b.n, a.d * b.d);
}

/** a − b. */
export function subQ(a: Q, b: Q): Q {
  return reduced(a.s * a.n * b.d - b.s * a.d * b.n, a.d * b.d);
}

/** a · b. */
export function mulQ(a: Q, b: Q): Q {
  return reduced(a.s * b.s * a.n * b.n, a.d * b.d);
}

/** a / b (the library's division, and its error, when b is zero). */
export function divQ(a: Q, b: Q): Q {
  if (b.n === 0n) return a.div(b);
  return reduced(a.s * b.s * a.n * b.d, a.d * b.n);
}

export const ZERO = q(0);
export const ONE = q(1);
export const HUNDRED = q(100);

export const HALF = q(1, 2);

/** Powers of ten and half steps are asked for constantly: the common ones are built once (fractions are immutable). */
const POW10_CACHE = 40;
const pow10Cache: Q[] = [];
const halfStepCache: Q[] = [];
for (let e = -POW10_CACHE; e <= POW10_CACHE; e++) {
  const p = e >= 0 ? q(10n ** BigInt(e)) : q(1n, 10n ** BigInt(-e));
  pow10Cache.push(p);
  halfStepCache.push(p.div(2));
}

/** 10^e as an exact rational (e may be negative). */
export function pow10(e: number): Q {
  if (e >= -POW10_CACHE && e <= POW10_CACHE && Number.isInteger(e)) return pow10Cache[e + POW10_CACHE];
  return e >= 0 ? q(10n ** BigInt(e)) : q(1n, 10n ** BigInt(-e));
}

/** Half a step in the last reported digit for `decimals` decimals: 0.5·10^-decimals. */
export function halfStep(decimals: number): Q {
  if (decimals >= -POW10_CACHE && decimals <= POW10_CACHE && Number.isInteger(decimals)) return halfStepCache[POW10_CACHE - decimals];
  return pow10(-decimals).div(2);
}

/**
 * Decimals of a number as written: digits after the point, minus the exponent. Trailing zeros count:
 * `decimalsOf("36.0") === 1`, `decimalsOf("1,312") === 0`, `decimalsOf("2.5e19") === -18`.
 */
export function decimalsOf(raw: string): number {
  const s = normaliseNumber(raw);
  const e = s.search(/[eE]/);
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return decimals - exponent;
}

const BIG_POW10: bigint[] = [];
for (let e = 0; e <= 40; e++) BIG_POW10.push(10n ** BigInt(e));

/** 10^e as a bigint (e ≥ 0), from a table for the common exponents. */
function bigPow10(e: number): bigint {
  return e <= 40 ? BIG_POW10[e] : 10n ** BigInt(e);
}

/** Removes thousands separators and maps the Unicode minus to ASCII: `−1,312.5` → `-1312.5`. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/,/g, '').replace(/\u2212/g, '-').replace(/^\+/, '');
}

/** The exact value of a number as written (`"27.1"` → 271/10, `"1e17"`, `"−0.65"`); undefined if unreadable. */
export function exact(raw: string): Q | undefined {
  // Most numbers have nothing to normalise (no comma, no Unicode minus, no leading plus).
  const s = raw.charCodeAt(0) === 43 || raw.includes(',') || raw.includes('\u2212') ? normaliseNumber(raw) : raw;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?$/.exec(s);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const digits = BigInt(m[2] + frac);
  const exponent = (m[4] ? Number(m[4]) : 0) - frac.length;
  let value = exponent >= 0 ? q(digits * bigPow10(exponent)) : q(digits, bigPow10(-exponent));
  if (m[1] === '-') value = value.neg();
  return value;
}

/** An interval of real numbers; `null` ends are unbounded (−∞ below, +∞ above). */
export interface Interval {
  lo: Q | null;
  hi: Q | null;
  loIncl: boolean;
  hiIncl: boolean;
}

export function point(v: Q): Interval {
  return { lo: v, hi: v, loIncl: true, hiIncl: true };
}

export function closed(lo: Q | null, hi: Q | null): Interval {
  return { lo, hi, loIncl: lo !== null, hiIncl: hi !== null };
}

/**
 * Rule: round half up (away from zero), the rule most software and most writers use.
 * `roundHalfUp(92.45, 1) = 92.5`, `roundHalfUp(-0.65, 1) = -0.7`.
 */
export function roundHalfUp(v: Q, decimals: number): Q {
  const scale = pow10(decimals);
  const scaled = v.abs().mul(scale);
  const r = scaled.add(HALF).floor();
  const out = r.div(scale);
  return v.s < 0n ? out.neg() : out;
}

/**
 * Rule: round half to even (banker's rounding, IEEE default in some tools): ties go to the even digit.
 * `roundHalfEven(33.45, 1) = 33.4`, `roundHalfEven(33.55, 1) = 33.6`.
 */
export function roundHalfEven(v: Q, decimals: number): Q {
  const scale = pow10(decimals);
  const scaled = v.abs().mul(scale);
  const fl = scaled.floor();
  const rest = scaled.sub(fl);
  let r = fl;
  const c = rest.compare(HALF);
  if (c > 0 || (c === 0 && fl.n % 2n === 1n)) r = fl.add(ONE);
  const out = r.div(scale);
  return v.s < 0n ? out.neg() : out;
}

/**
 * Floating-point fast path for rounding |v| to `decimals` decimals: the integer |v|·10^decimals rounds to, when the
 * float estimate lies clearly away from a rounding boundary (a tie at .5), so that half-up and half-even agree and
 * the float error cannot matter; undefined when the exact rule must decide. The estimate divides the fraction's
 * numerator by its denominator (error ≤ 3 ulp) and scales by an exact power of ten (≤ 1 ulp more); the margin
 * demanded is many times that.
 */
const FAST_LIMIT = 2 ** 50;
const POW10_FLOAT: number[] = [];
const POW10_BIG: bigint[] = [];
for (let e = 0; e <= 22; e++) {
  POW10_FLOAT.push(10 ** e);
  POW10_BIG.push(10n ** BigInt(e));
}
const FAST_LIMIT_BIG = 2n ** 50n;

function roundedScaledFast(v: Q, decimals: number): number | undefined {
  if (decimals < 0 || decimals > 22 || !Number.isInteger(decimals)) return undefined;
  const x = (Number(v.n) / Number(v.d)) * POW10_FLOAT[decimals];
  if (!(x < FAST_LIMIT)) return undefined;
  const fl = Math.floor(x);
  const rest = x - fl;
  const margin = x * 1e-12 + 1e-9;
  if (Math.abs(rest - 0.5) <= margin) return undefined;
  // Near a whole number the estimate may fall on either side of it (floor off by one, rest near 1): either way the
  // nearest integer is the right one, since only a tie at .5 is a boundary.
  return rest > 0.5 ? fl + 1 : fl;
}

/** Rule: a value is acceptable for a stated value if either half-up or half-even rounding gives it. */
export function roundsTo(v: Q, stated: Q, decimals: number): boolean {
  const k = roundedScaledFast(v, decimals);
  if (k !== undefined) {
    // |stated|·10^decimals as an exact integer (it is one when stated was read with these decimals).
    const p = POW10_BIG[decimals];
    if (p % stated.d === 0n) {
      const t = stated.n * (p / stated.d);
      if (t < FAST_LIMIT_BIG) {
        const tn = Number(t);
        if (k === 0) return tn === 0;
        return tn === k && (v.s < 0n) === (stated.s < 0n);
      }
    }
  }
  return roundHalfUp(v, decimals).equals(stated) || roundHalfEven(v, decimals).equals(stated);
}

/**
 * Rule (scrutiny's `unround`): the interval a stated value was rounded from, with inclusive flags that accept
 * half-up or half-even rounding. `unround("27.1")` → [27.05, 27.15] with 27.05 included (half-up) and 27.15
 * excluded (27.15 → 27.2 either way).
 */
export function unround(raw: string): Interval | undefined {
  const v = exact(raw);
  if (!v) return undefined;
  const d = decimalsOf(raw);
  return unroundValue(v, d);
}

export function unroundValue(v: Q, decimals: number): Interval {
  const h = halfStep(decimals);
  const lo = subQ(v, h);
  const hi = addQ(v, h);
  // Half-up (away from zero): the tie nearer zero rounds away to v, the other tie rounds away from v.
  // Fractions are kept reduced: v is zero exactly when its numerator is.
  const positive = v.s > 0n && v.n !== 0n;
  const negative = v.s < 0n && v.n !== 0n;
  const upLo = positive;
  const upHi = negative;
  // Half-even: both ties round to v when v's last digit is even. When |v|·10^decimals is a whole number (always, for
  // a value read with these decimals) it is computed on the integers directly.
  let lastDigit: bigint;
  if (decimals >= 0 && decimals <= 40 && Number.isInteger(decimals) && BIG_POW10[decimals] % v.d === 0n) lastDigit = (v.n * (BIG_POW10[decimals] / v.d)) % 10n;
  else lastDigit = v.abs().mul(pow10(decimals)).floor().n % 10n;
  const even = lastDigit % 2n === 0n;
  return { lo, hi, loIncl: upLo || even, hiIncl: upHi || even };
}

/** Does the interval contain v (respecting inclusive flags)? */
export function contains(i: Interval, v: Q): boolean {
  if (i.lo !== null) {
    const c = v.compare(i.lo);
    if (c < 0 || (c === 0 && !i.loIncl)) return false;
  }
  if (i.hi !== null) {
    const c = v.compare(i.hi);
    if (c > 0 || (c === 0 && !i.hiIncl)) return false;
  }
  return true;
}

/** Do two intervals share a point? */
export function overlaps(a: Interval, b: Interval): boolean {
  // a.lo <= b.hi and b.lo <= a.hi, with open ends excluded.
  const before = (x: Interval, y: Interval): boolean => {
    // true when x lies entirely below y
    if (x.hi === null || y.lo === null) return false;
    const c = x.hi.compare(y.lo);
    return c < 0 || (c === 0 && !(x.hiIncl && y.loIncl));
  };
  return !before(a, b) && !before(b, a);
}

/**
 * Rule (scrutiny's near miss): the values, at `decimals` precision, that some point of `computed` rounds to form a
 * run from `round(lo)` to `round(hi)`; `steps` is how many last-digit steps the stated value lies outside that run
 * (0 inside), and `closest` the nearest value of the run.
 */
export function stepsAway(computed: Interval, stated: Q, decimals: number): { steps: number; closest: Q } {
  const step = pow10(-decimals);
  const lo = computed.lo === null ? null : minQ(roundHalfUp(computed.lo, decimals), roundHalfEven(computed.lo, decimals));
  const hi = computed.hi === null ? null : maxQ(roundHalfUp(computed.hi, decimals), roundHalfEven(computed.hi, decimals));
  if (lo !== null && stated.compare(lo) < 0) return { steps: Number(lo.sub(stated).div(step).valueOf()), closest: lo };
  if (hi !== null && stated.compare(hi) > 0) return { steps: Number(stated.sub(hi).div(step).valueOf()), closest: hi };
  return { steps: 0, closest: stated };
}

/**
 * Rule: an end of `i` written at `decimals` decimals, rounded into the interval (down from `hi`, up from `lo`), with
 * more decimals when none at that precision lies inside (at most 8 more). Why: a value offered as reachable must be
 * one the interval holds; rounded to the nearest, 7.693× at no decimals became 8×, which the numbers cannot give.
 */
export function endInside(i: Interval, end: 'lo' | 'hi', decimals: number): { value: Q; decimals: number } {
  const v = end === 'lo' ? i.lo! : i.hi!;
  for (let d = decimals; d <= decimals + 8; d++) {
    const scale = pow10(d);
    const scaled = v.mul(scale);
    const c = (end === 'lo' ? scaled.ceil() : scaled.floor()).div(scale);
    if (contains(i, c)) return { value: c, decimals: d };
  }
  return { value: v, decimals: decimals + 8 };
}

/** Rule: a value rounded to the precision of a stated string (`roundLike(92.25, "93")` = 92). */
export function roundLike(v: Q, raw: string): Q {
  return roundHalfUp(v, decimalsOf(raw));
}

export function minQ(a: Q, b: Q): Q {
  return a.compare(b) <= 0 ? a : b;
}
export function maxQ(a: Q, b: Q): Q {
  return a.compare(b) >= 0 ? a : b;
}

/** Writes v with exactly `decimals` decimals (negative decimals round to tens, hundreds…), half up. */
export function formatQ(v: Q, decimals: number, minus = '-'): string {
  const k = roundedScaledFast(v, decimals);
  if (k !== undefined) {
    let digits = String(k);
    if (decimals > 0) {
      digits = digits.padStart(decimals + 1, '0');
      digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
    }
    return (v.s < 0n && k !== 0 ? minus : '') + digits;
  }
  const r = roundHalfUp(v, decimals);
  const d = Math.max(0, decimals);
  const scaled = r.abs().mul(pow10(d)).round(0); // an integer after rounding
  let digits = scaled.n.toString();
  if (d > 0) {
    digits = digits.padStart(d + 1, '0');
    digits = `${digits.slice(0, digits.length - d)}.${digits.slice(digits.length - d)}`;
  }
  const negative = r.s < 0n && !r.equals(ZERO);
  return (negative ? minus : '') + digits;
}

/** Decimals that show `v` with about `significant` significant digits (at least `min`, at most 8). */
export function decimalsForSignificant(v: Q, significant: number, min = 0): number {
  const x = Math.abs(Number(v.valueOf()));
  if (!Number.isFinite(x) || x === 0) return Math.max(min, 0);
  const magnitude = Math.floor(Math.log10(x));
  return Math.min(8, Math.max(min, significant - 1 - magnitude));
}

/**
 * Rule: decimals to show a computed value and its interval with: `significant` significant digits of the largest
 * magnitude among the value and the interval's ends, and at least `min` (the stated value's decimals). Why the
 * largest: a value near zero inside a wider interval (−0.83 in −1.66…0) asked for four significant digits of
 * itself, and the ends were printed with too many decimals (−1.6598…0.0000%); the ends are what the reader compares.
 */
export function intervalDecimals(i: Interval, value: Q | null, significant: number, min = 0): number {
  // Magnitudes compared on numerators and denominators (|a| > |b| when a.n·b.d > b.n·a.d): no fraction is built.
  // `ref` may be negative: decimalsForSignificant reads its magnitude.
  let ref: Q | null = null;
  for (const v of [value, i.lo, i.hi]) if (v !== null && (ref === null || v.n * ref.d > ref.n * v.d)) ref = v;
  return decimalsForSignificant(ref ?? ONE, significant, min);
}

/**
 * Writes a computed interval like `formatInterval`, an end that is exactly zero as `0`. Why: a change that may be
 * none at all (`12.0 → 11.9` gives −1.660…0%) ends at zero exactly, and `0.000` would read as a rounded value.
 */
export function formatComputedInterval(i: Interval, decimals: number, suffix = ''): string {
  return intervalText(i, suffix, (v) => formatComputed(v, decimals));
}

/** Writes a computed value like `formatQ`, and zero exactly as `0` (see `formatComputedInterval`). */
export function formatComputed(v: Q, decimals: number, minus = '\u2212'): string {
  return v.n === 0n ? '0' : formatQ(v, decimals, minus);
}

/** Writes an interval as `lo…hi` (or `> lo`, `< hi`, or one value when both ends agree at this precision). */
export function formatInterval(i: Interval, decimals: number, suffix = '', minus = '\u2212'): string {
  return intervalText(i, suffix, (v) => formatQ(v, decimals, minus));
}

/** An interval's text, each end written by `end`. */
function intervalText(i: Interval, suffix: string, end: (v: Q) => string): string {
  if (i.lo === null && i.hi === null) return 'any value';
  if (i.hi === null) return `${i.loIncl ? '≥' : '>'} ${end(i.lo!)}${suffix}`;
  if (i.lo === null) return `${i.hiIncl ? '≤' : '<'} ${end(i.hi)}${suffix}`;
  const a = end(i.lo);
  const b = end(i.hi);
  return a === b ? `${a}${suffix}` : `${a}…${b}${suffix}`;
}

/** Converts to a float for display and charts. */
export function toNumber(v: Q): number {
  return Number(v.valueOf());
}

/** Lower/upper bounds of products and quotients of intervals of positive numbers (null = unbounded). */
export function divPositive(a: Interval, b: Interval): Interval {
  // a / b is increasing in a and decreasing in b.
  const lo = a.lo === null || b.hi === null ? (b.hi === null ? ZERO : null) : divQ(a.lo, b.hi);
  const hi = a.hi === null || b.lo === null || b.lo.n === 0n ? null : divQ(a.hi, b.lo);
  return { lo, hi, loIncl: a.loIncl && b.hiIncl, hiIncl: a.hiIncl && b.loIncl };
}

/** a − b over intervals. */
export function subInterval(a: Interval, b: Interval): Interval {
  const lo = a.lo === null || b.hi === null ? null : subQ(a.lo, b.hi);
  const hi = a.hi === null || b.lo === null ? null : subQ(a.hi, b.lo);
  return { lo, hi, loIncl: a.loIncl && b.hiIncl, hiIncl: a.hiIncl && b.loIncl };
}

/** k · i + c for a constant k (k may be negative: the ends swap). */
export function affine(i: Interval, k: Q, c: Q = ZERO): Interval {
  // 1 · i + 0 (a claim in the values' own unit): the same values, without building equal fractions again.
  if (k.s > 0n && k.n === k.d && c.n === 0n) return { lo: i.lo, hi: i.hi, loIncl: i.loIncl, hiIncl: i.hiIncl };
  const f = (x: Q | null): Q | null => (x === null ? null : addQ(mulQ(x, k), c));
  if (k.s >= 0n) return { lo: f(i.lo), hi: f(i.hi), loIncl: i.loIncl, hiIncl: i.hiIncl };
  return { lo: f(i.hi), hi: f(i.lo), loIncl: i.hiIncl, hiIncl: i.loIncl };
}

/** Width-scaled distance in `step`s from interval `i` to v (0 when inside). */
export function distanceInSteps(i: Interval, v: Q, step: Q): number {
  if (i.lo !== null && v.compare(i.lo) < 0) return toNumber(i.lo.sub(v).div(step));
  if (i.hi !== null && v.compare(i.hi) > 0) return toNumber(v.sub(i.hi).div(step));
  return 0;
}
