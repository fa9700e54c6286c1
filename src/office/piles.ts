// How high a pile of files is drawn: one scale for every pile, so the picture never exaggerates.

/** Pile height stops growing at this many files (it still shows the number). */
const PILE_FULL = 2000;
/**
 * Pixels of a full pile. One scale for every pile in every layout, so 35 files never look like
 * 1,200 because they happen to sit in a roomier zone.
 */
export const PILE_MAX_HEIGHT = 96;

/**
 * Height of a pile of `count` files: grows like a logarithm, so a handful of files is visible
 * and 2000 still fit; never decreasing in the count, never above `maxHeight`.
 */
export function pileHeight(count: number, maxHeight: number): number {
  if (!(count > 0) || !(maxHeight > 0)) return 0;
  const g = Math.log1p(Math.min(count, PILE_FULL) / 5) / Math.log1p(PILE_FULL / 5);
  return maxHeight * Math.min(1, g);
}

/** Stacks side by side, 1 to 4, growing with the pile. */
export function pileStacks(count: number): number {
  if (count <= 0) return 1;
  return 1 + Math.min(3, Math.floor(Math.log10(count)));
}
