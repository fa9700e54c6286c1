// The office building, split into its rooms: the catalogue's public places down one side, its
// back office down the other, each as tall as its desks ask. Pure: no Phaser, no DOM.
import { type DeskPlace, PLACES } from '../services/housing-benefit/catalogue';
import type { Rect } from './geometry';

export const OFFICE_WIDTH = 960;
export const OFFICE_HEIGHT = 540;

type Place = (typeof PLACES)[number];
type Room = Extract<Place, { side: 'public' | 'back' }>;
/** A room of the office: a place of the catalogue where staff have desks. */
export type ZoneId = DeskPlace;
/** A pile of files: a stage of the back office's places. */
export type PileId = Extract<Place, { side: 'back' }>['stages'][number];

/** The rooms, public side first, in the catalogue's order. */
export const ROOMS: readonly Room[] = PLACES.filter((p): p is Room => p.side !== 'outside');
/** The piles, room by room. */
export const PILE_IDS: readonly PileId[] = PLACES.flatMap((p) => (p.side === 'back' ? p.stages : []));

const TOP_BAR = 40;
export const BUILDING: Rect = { x: 8, y: TOP_BAR + 4, w: OFFICE_WIDTH - 16, h: 396 };
export const STREET: Rect = {
  x: 0,
  y: BUILDING.y + BUILDING.h + 6,
  w: OFFICE_WIDTH,
  h: OFFICE_HEIGHT - (BUILDING.y + BUILDING.h + 6),
};
const GAP = 8;

/** Each room's share of its column's height for one row of desks, and what every extra row asks for more. */
const HEIGHT: Record<ZoneId, { base: number; perRow: number }> = {
  calls: { base: 0.8, perRow: 0.27 },
  front: { base: 1.3, perRow: 0.5 },
  scanning: { base: 0.62, perRow: 0.27 },
  casework: { base: 1.38, perRow: 0.2 },
};

/** Splits the building into up to two columns: the public side and the back office. */
export function layoutZones(
  present: Readonly<Record<ZoneId, boolean>>,
  backOfficeStaffed: boolean,
  rowsIn: (zone: ZoneId, width: number) => number,
): Partial<Record<ZoneId, Rect>> {
  const left = ROOMS.filter((r) => r.side === 'public' && present[r.id]).map((r) => r.id);
  const right = ROOMS.filter((r) => r.side === 'back' && present[r.id]).map((r) => r.id);
  const out: Partial<Record<ZoneId, Rect>> = {};
  const b = BUILDING;
  let leftW = b.w;
  let leftX = b.x;
  if (left.length > 0 && right.length === 0) {
    // A one-room office (the front-desk tutorial): a room, not a hangar.
    leftW = Math.min(b.w, 600);
    leftX = Math.round(b.x + (b.w - leftW) / 2);
  } else if (left.length > 0 && right.length > 0) {
    // A back office nobody sits in (experts own the cases at the front) gets less room.
    const rightShare = backOfficeStaffed ? 0.5 : 0.36;
    leftW = Math.round((b.w - GAP) * (1 - rightShare));
  } else if (left.length === 0) {
    leftW = 0;
  }
  const column = (ids: readonly ZoneId[], x: number, w: number) => {
    const weights = ids.map((id) => HEIGHT[id].base + HEIGHT[id].perRow * Math.max(0, rowsIn(id, w) - 1));
    const total = weights.reduce((s, v) => s + v, 0);
    let y = b.y;
    const avail = b.h - GAP * (ids.length - 1);
    ids.forEach((id, i) => {
      const h = Math.round((avail * weights[i]!) / total);
      out[id] = { x, y, w, h };
      y += h + GAP;
    });
    // Absorb rounding in the last zone so the column ends exactly at the building's floor.
    const last = out[ids[ids.length - 1]!];
    if (last) last.h = b.y + b.h - last.y;
  };
  if (left.length > 0) column(left, leftX, leftW);
  if (right.length > 0) {
    const x = left.length > 0 ? b.x + leftW + GAP : b.x;
    column(right, x, b.x + b.w - x);
  }
  return out;
}

export function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}
