// The result of checking one claim. Shared by the checker, the CLI reports, the editor's diagnostics, hovers and
// quick fixes, and the card webview. Verdicts and severities follow docs/claims.md ("the method").
import * as z from 'zod/mini';
import { SourceRangeSchema } from './model';

export const VERDICTS = ['consistent', 'rounding', 'approximate', 'bound', 'near-miss', 'inconsistent', 'damaged', 'unverifiable'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** The severity the method assigns to each verdict. */
export const SEVERITY_OF: Record<Verdict, Severity> = {
  consistent: 'info',
  rounding: 'info',
  approximate: 'info',
  bound: 'info',
  'near-miss': 'warning',
  inconsistent: 'error',
  damaged: 'warning',
  unverifiable: 'info',
};

/** Orders verdicts from best to worst, for "the worst verdict of a paper". */
export const VERDICT_RANK: Record<Verdict, number> = {
  consistent: 0,
  unverifiable: 1,
  approximate: 2,
  rounding: 3,
  bound: 4,
  damaged: 5,
  'near-miss': 6,
  inconsistent: 7,
};

export const CheckSchema = z.object({
  /** What relation was checked, e.g. `difference`, `percent-change`, `ratio`, `range`, `declared-count`. */
  kind: z.string(),
  verdict: VerdictSchema,
  severity: SeveritySchema,
  /** The stated claim's text span (zero-based, like every range in the core). */
  range: SourceRangeSchema,
  /** One line a person can read in the Problems panel. */
  message: z.string(),
  /** The claim as written, e.g. `93%`. */
  stated: z.string(),
  /** What the numbers give, e.g. `92.05%…92.45%`. */
  computed: z.string(),
  /** The arithmetic, shown in hovers and the card. */
  explanation: z.object({
    formula: z.string(),
    /** Each input as read, with its rounding interval, e.g. `before = 27.1 GB (27.05…27.15)`. */
    inputs: z.array(z.string()),
    result: z.string(),
    /** For a failure: the closest value that would be consistent, as it would be written. */
    closest: z.optional(z.string()),
  }),
  /** For `inconsistent` and `near-miss`: replace `range` with `replacement` to make the claim consistent. */
  fix: z.optional(z.object({ range: SourceRangeSchema, replacement: z.string() })),
  /** Values to draw in the card's chart: label and value, in one unit. */
  chart: z.optional(z.array(z.object({ label: z.string(), value: z.number() }))),
});
export type Check = z.infer<typeof CheckSchema>;
