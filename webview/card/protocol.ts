// Every message between the card panel and its webview, defined once and validated on both sides.
// Naming follows GitLens: a notification goes from the extension to the webview, a command from the webview to
// the extension. Neither side trusts the other's payload: both parse with these schemas and drop what fails.
import * as z from 'zod/mini';
import { CheckSchema } from '../../src/core/checkSchema';
import { MARKED_FIELDS } from '../../src/core/marks';

export const MarkSchema = z.object({
  field: z.enum(MARKED_FIELDS),
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
  check: z.number().check(z.int(), z.nonnegative()),
});

export const CardScoreSchema = z.object({ label: z.string(), raw: z.string() });

/** A card as the webview needs it: plain strings, rendered as text (or as Markdown with HTML off). */
export const CardSchema = z.object({
  title: z.string(),
  scores: z.array(CardScoreSchema),
  citations: z.number(),
  summary: z.optional(z.string()),
  keyFinding: z.optional(z.string()),
  numbers: z.optional(z.string()),
  /** Workspace-relative path and 1-based line of the title. */
  source: z.string(),
  line: z.number(),
  /** Checks of this paper's claims, when the checker has run. */
  checks: z.optional(z.array(CheckSchema)),
  /** Where each check's claim sits in the card's text fields. */
  marks: z.optional(z.array(MarkSchema)),
});
export type Card = z.infer<typeof CardSchema>;
export type Mark = z.infer<typeof MarkSchema>;

/** What the webview keeps across reloads (`vscode.setState`), read back by the panel serializer. */
export const CardStateSchema = z.object({ uri: z.string(), index: z.number(), title: z.string() });
export type CardState = z.infer<typeof CardStateSchema>;

/** Extension → webview. */
export const CardNotificationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card/show'), card: CardSchema, state: CardStateSchema }),
  z.object({ type: z.literal('card/missing'), title: z.string(), reason: z.string() }),
  z.object({ type: z.literal('card/status'), text: z.string() }),
]);
export type CardNotification = z.infer<typeof CardNotificationSchema>;

/** Webview → extension. */
export const CardCommandSchema = z.discriminatedUnion('type', [
  /**
   * card.js runs and takes messages. `displayed`: the card the extension rendered into the page is on screen (so it
   * need not be sent again).
   */
  z.object({ type: z.literal('ready'), displayed: z.boolean() }),
  /**
   * The card for `title` is in the DOM and a frame has been painted since. `pageStart` (when VS Code could start
   * putting the page into the webview) and `paintedAt` are the webview's clock, milliseconds since 1970 (for the
   * benchmark; see page.ts).
   */
  z.object({ type: z.literal('rendered'), title: z.string(), pageStart: z.number(), paintedAt: z.number() }),
  z.object({ type: z.literal('copySummary') }),
  z.object({ type: z.literal('appendToNotes') }),
  z.object({ type: z.literal('revealInFile') }),
]);
export type CardCommand = z.infer<typeof CardCommandSchema>;

