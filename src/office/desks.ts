// Desks in rows, and which of them are lit: pure helpers for the office picture.
import type { Point, Rect } from './geometry';

/** A cheap deterministic hash to [0, 1), for choices that should look random but not flicker. */
export function hash01(a: number, b = 0): number {
  let h = Math.imul((a | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b | 0, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Desk centres in rows across a region, centred, at most `maxSpacing` apart. */
export function deskGrid(region: Rect, n: number, maxSpacing = 74, minSpacing = 46, rowGap = 54): Point[] {
  if (n <= 0) return [];
  const perRow = Math.max(1, Math.min(n, Math.floor(region.w / minSpacing)));
  const spacing = Math.min(maxSpacing, region.w / perRow);
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, n - row * perRow);
    const col = i - row * perRow;
    const x0 = region.x + region.w / 2 - ((inRow - 1) * spacing) / 2;
    out.push({ x: x0 + col * spacing, y: region.y + row * rowGap });
  }
  return out;
}

/** Rows that `n` desks take across `width`. */
export function deskRows(n: number, width: number, minSpacing = 46): number {
  if (n <= 0) return 0;
  return Math.ceil(n / Math.max(1, Math.floor(width / minSpacing)));
}

/**
 * Which desks of a role are working: exactly `busy` of them, keeping those that were working in
 * the previous view, so lights don't jump from desk to desk as the count changes.
 */
export function chooseWorking(staff: number, busy: number, previous: ReadonlySet<number>, salt: number): boolean[] {
  const want = Math.max(0, Math.min(staff, busy));
  const working = new Array<boolean>(staff).fill(false);
  const kept = [...previous].filter((i) => i < staff);
  // Drop the surplus in a scrambled but deterministic order.
  kept.sort((a, b) => hash01(a, salt) - hash01(b, salt));
  for (const i of kept.slice(0, want)) working[i] = true;
  let missing = want - Math.min(kept.length, want);
  if (missing > 0) {
    const free = [];
    for (let i = 0; i < staff; i++) if (!working[i]) free.push(i);
    free.sort((a, b) => hash01(a, salt + 1) - hash01(b, salt + 1));
    for (const i of free) {
      if (missing-- <= 0) break;
      working[i] = true;
    }
  }
  return working;
}
