/**
 * Rates come as text, floored to two places ("83.33%"), so they never read as reaching a threshold they miss (RP-3).
 * The number is only for drawing a chart; the text is what the page shows.
 */
export function percentValue(rate: string | number | null | undefined): number | null {
  if (rate === null || rate === undefined) return null;
  if (typeof rate === 'number') return Number.isFinite(rate) ? rate : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(rate);
  return match ? Number(match[1]) : null;
}
