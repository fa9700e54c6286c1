// What the repairs picture shows, from a snapshot: the line's desks, the depot's vans, the homes
// and the vans out at them. Pure (no Phaser), so it is tested in Node; the scene only paints it.
import { PLACES, type PlaceId } from '../../services/housing-repairs/catalogue';
import type { RepairsSnapshot } from '../../services/housing-repairs/index';
import type { VisitSeen } from '../../services/housing-repairs/model';
import { TRADES } from '../../services/housing-repairs/schema';

export const DEPOT_WIDTH = 960;
export const DEPOT_HEIGHT = 540;

/** A van's trip, in sim minutes around its visit: out, at the home, back. */
export const DRIVE_MINUTES = 40;
export const AT_HOME_MINUTES = 50;

/** Each trade's colour (vans and labels), light enough to carry dark text. */
export const TRADE_COLOURS = [0x6fa8dc, 0xf1c232, 0x93c47d, 0xc27ba0] as const;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DeskSeen {
  x: number;
  y: number;
  busy: boolean;
}

export interface VanSeen {
  x: number;
  y: number;
  trade: number;
  /** At the home: how the visit went (null: on the road). */
  outcome: VisitSeen['outcome'] | null;
}

export interface DepotView {
  open: boolean;
  /** Each place of the catalogue: the line on the public side, the depot behind, the homes outside. */
  zones: Record<PlaceId, Rect>;
  desks: DeskSeen[];
  /** Callers holding (drawn as waiting handsets, up to a row of them). */
  holding: number;
  /** Vans parked in the depot, by trade: tradespeople not out on a visit. */
  parked: { trade: number; x: number; y: number }[];
  homes: { x: number; y: number; visited: VisitSeen['outcome'] | null }[];
  vans: VanSeen[];
  /** Each trade's row in the depot: where its label goes, its staff and visits booked. */
  tradeRows: { trade: number; y: number; staff: number; booked: number }[];
}

const LINE: Rect = { x: 16, y: 56, w: 250, h: 468 };
const DEPOT: Rect = { x: 282, y: 56, w: 300, h: 468 };
const HOMES: Rect = { x: 598, y: 56, w: 346, h: 468 };
/** Where each side of the service stands in the picture, left to right. */
const SIDE_RECTS: Record<(typeof PLACES)[number]['side'], Rect> = { public: LINE, back: DEPOT, outside: HOMES };
const ZONES = Object.fromEntries(PLACES.map((p) => [p.id, SIDE_RECTS[p.side]])) as Record<PlaceId, Rect>;
const HOME_COLS = 5;
const HOME_ROWS = 6;
const MAX_DESKS = 12;
const MAX_PARKED = 8;

export function homeAt(index: number): { x: number; y: number } {
  const i = index % (HOME_COLS * HOME_ROWS);
  const col = i % HOME_COLS;
  const row = Math.floor(i / HOME_COLS);
  return { x: HOMES.x + 38 + col * 66, y: HOMES.y + 70 + row * 68 };
}

const depotDoor = { x: DEPOT.x + DEPOT.w - 14, y: DEPOT.y + DEPOT.h / 2 };

/** Where a visit's van is at sim time `now` (null: not out), given its trip around the visit. */
export function vanAt(visit: VisitSeen, now: number, still: boolean): VanSeen | null {
  const leaves = visit.at - DRIVE_MINUTES;
  const home = homeAt(visit.faultId);
  const back = visit.at + AT_HOME_MINUTES;
  if (now < visit.at && (still || now < leaves)) return null;
  if (now >= back + DRIVE_MINUTES || (still && now >= back)) return null;
  if (now >= visit.at && now < back) return { ...home, trade: visit.trade, outcome: visit.outcome };
  const f = now < visit.at ? (now - leaves) / DRIVE_MINUTES : 1 - (now - back) / DRIVE_MINUTES;
  return { x: depotDoor.x + (home.x - depotDoor.x) * f, y: depotDoor.y + (home.y - depotDoor.y) * f, trade: visit.trade, outcome: null };
}

export function depotView(snap: RepairsSnapshot, still = false): DepotView {
  const desks: DeskSeen[] = [];
  const shown = Math.min(MAX_DESKS, snap.line.staff);
  for (let i = 0; i < shown; i++) {
    desks.push({ x: LINE.x + 44 + (i % 3) * 78, y: LINE.y + 70 + Math.floor(i / 3) * 70, busy: i < snap.line.busy });
  }
  const vans: VanSeen[] = [];
  const out = TRADES.map(() => 0);
  const visitedHomes = new Map<number, VisitSeen['outcome']>();
  for (const v of snap.recentVisits) {
    const van = vanAt(v, snap.time, still);
    if (!van) continue;
    vans.push(van);
    out[v.trade]!++;
    if (van.outcome) visitedHomes.set(v.faultId % (HOME_COLS * HOME_ROWS), van.outcome);
  }
  const parked: DepotView['parked'] = [];
  const tradeRows: DepotView['tradeRows'] = [];
  snap.trades.forEach((t, i) => {
    const y = DEPOT.y + 60 + i * 104;
    tradeRows.push({ trade: i, y, staff: t.staff, booked: t.booked });
    const inDepot = Math.min(MAX_PARKED, Math.max(0, t.staff - out[i]!));
    for (let k = 0; k < inDepot; k++) parked.push({ trade: i, x: DEPOT.x + 30 + (k % 4) * 62, y: y + 34 + Math.floor(k / 4) * 26 });
  });
  const homes = Array.from({ length: HOME_COLS * HOME_ROWS }, (_, i) => ({ ...homeAt(i), visited: visitedHomes.get(i) ?? null }));
  return { open: snap.line.open, zones: ZONES, desks, holding: snap.line.holding, parked, homes, vans, tradeRows };
}
