// The result of checking one claim. Shared by the checker, the CLI reports, the editor's diagnostics, hovers and
// quick fixes, and the card webview. Verdicts and severities follow docs/claims.md ("the method").
// Plain constants and types only: the zod schema lives in checkSchema.ts, so code that needs no validation (the
// extension at activation) does not pay for building it.
import type * as z from 'zod/mini';
import type { CheckSchema } from './checkSchema';

export const VERDICTS = ['consistent', 'rounding', 'approximate', 'bound', 'near-miss', 'inconsistent', 'damaged', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

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

export type Check = z.infer<typeof CheckSchema>;
