// What the card page's two scripts share: the inline boot script (boot.ts), which runs as the page is parsed, and
// card.js (main.ts), which boot.ts loads once the page's first card has been painted.
import type { CardCommand, CardState } from './protocol';

export interface VsCodeApi {
  postMessage(message: CardCommand): void;
  setState(state: CardState): void;
  getState(): unknown;
}

/** What boot.ts leaves for card.js: `acquireVsCodeApi` may be called once per page, so boot.ts calls it. */
export interface PageBoot {
  vscode: VsCodeApi;
  /** The card the extension rendered into the page is on screen (false: none, or an out-of-date one was removed). */
  displayed: boolean;
}
export const PAGE_BOOT = 'paperClaimsPage';

/** Runs `callback` once the next frame has been painted (after the frame's rendering, not just before it). */
export function afterPaint(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

/**
 * The `rendered` report for a card just painted, with when the page could start and when it painted. VS Code
 * loads a placeholder document into a new webview's frame and writes the page into it once that has arrived, so
 * the page's start is the placeholder's arrival (the navigation's end; the document's start if there is none).
 */
export function renderedReport(title: string): CardCommand {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const pageStart = performance.timeOrigin + (navigation?.responseEnd ?? 0);
  return { type: 'rendered', title, pageStart, paintedAt: performance.timeOrigin + performance.now() };
}
