// What the office looks like at one moment: a pure mapping from a snapshot of the sim to the
// things to draw (zones, desks, the visitor queue, phones, piles of paper, the post, labels).
// No Phaser, no DOM: the scene only paints what this returns, so the layout is tested in Node.
import type { Level } from '../levels/schema';
import { Calendar, DAY, weekday } from '../engine/calendar';
import type { Snapshot } from '../services/housing-benefit/snapshot';
import { PICTURE_WORDS as W } from '../content/office';
import { weekdayName, timeOfDay, count as formatCount } from '../ui/format';
import { deskGrid, deskRows, chooseWorking } from './desks';
import { contactColours, ROLE_COLOURS } from './citizenColours';
import type { Point, Rect } from './geometry';
import { BUILDING, layoutZones, OFFICE_HEIGHT, OFFICE_WIDTH, PILE_IDS, type PileId, ROOMS, STREET, union, type ZoneId } from './officeLayout';
import { PILE_MAX_HEIGHT, pileHeight, pileStacks } from './piles';

/** Queue figures drawn at most; the rest are a "+N" label. */
export const QUEUE_CAP = 24;
/** Waiting calls drawn as ringing handsets at most; the rest are a "+N" label. */
export const CALLS_CAP = 12;
/** Desks drawn per role at most (a player may staff a role heavily). */
const DESKS_CAP = 24;

export interface ZoneView {
  id: ZoneId;
  label: string;
  rect: Rect;
  /** Floor colour. */
  floor: number;
}

export interface DeskView {
  /** `${roleId}:${index}`, stable while the role keeps its staff. */
  key: string;
  roleId: string;
  zone: ZoneId;
  x: number;
  y: number;
  /** Someone sits here (the office is open, or they are finishing a job after closing). */
  present: boolean;
  working: boolean;
  /** This desk answers the phone. */
  phone: boolean;
  colour: number;
}

export interface QueueView {
  /** Visitors waiting now. */
  count: number;
  /** Figures drawn: min(count, QUEUE_CAP). */
  shown: number;
  overflow: number;
  /** Slot positions, index 0 at the head of the queue; always QUEUE_CAP of them. */
  slots: Point[];
  /** Colour for a figure in each shown slot (index 0 at the head); the newest arrivals at the tail. */
  colours: number[];
  /** The roped-off floor where the queue stands. */
  lane: Rect;
  /** Where citizens come in (outside the door) and the way to the queue. */
  entrance: Point;
  enterVia: Point[];
  /** Where they go out, from the aisle by the desks to the street. */
  exitVia: Point[];
  /** Where a visitor stands at each front desk being seen, one per desk with someone present. */
  seats: Point[];
}

export interface CallsView {
  count: number;
  /** Ringing handsets for waiting calls, oldest first. */
  icons: { x: number; y: number; colour: number }[];
  overflow: number;
  rect: Rect;
}

export interface PileView {
  id: PileId;
  count: number;
  /** Centre of the pile's base. */
  x: number;
  y: number;
  /** Target height in pixels: pileHeight(count, PILE_MAX_HEIGHT), cut to the room the zone has. */
  height: number;
  /** The room the zone has above the pile's base. */
  room: number;
  /** Stacks side by side, 1 to 4, growing with the pile. */
  stacks: number;
}

export interface PostView {
  inPost: number;
  gathering: number;
  /** Envelopes drawn moving along the path (a capped, sublinear number). */
  envelopes: number;
  /** From the office's post tray, out through the wall, to the post box, to the citizens' homes. */
  path: Point[];
  tray: Point;
  box: Point;
  homes: Point[];
}

export type LabelStyle = 'zone' | 'note' | 'count' | 'clock' | 'sign';

export interface LabelView {
  key: string;
  text: string;
  x: number;
  y: number;
  style: LabelStyle;
  /** 0 = left-aligned at x, 0.5 = centred, 1 = right-aligned. */
  originX: number;
}

export interface OfficeView {
  width: number;
  height: number;
  open: boolean;
  clock: string;
  /** "Closed · opens Mon 09:00" when closed, else null. */
  closedNote: string | null;
  building: Rect;
  street: Rect;
  zones: ZoneView[];
  desks: DeskView[];
  queue: QueueView | null;
  calls: CallsView | null;
  piles: PileView[];
  post: PostView | null;
  labels: LabelView[];
}

export interface OfficeViewOptions {
  /** The player has studied demand: failure demand gets its own colour. */
  colourFailure: boolean;
}

/** Each room's floor colour. */
const FLOORS: Record<ZoneId, number> = {
  calls: 0xe3edf9,
  front: 0xf7efe0,
  scanning: 0xeee8f8,
  casework: 0xe4f2e6,
};

const ZONE_LABELS: Record<ZoneId, string> = W.zones;
const PILE_LABELS: Record<PileId, string> = W.piles;

const SWITCHBOARD_W = 150;
/** Room kept at the right of a back-office room whose one pile stands beside the desks. */
const PILE_BESIDE_W = 130;
/** Vertical distance between rows of desks (a desk and the person sitting behind it). */
const DESK_ROW = 50;
/** Where the piles of a room stand across it, left to right, when they stand below the desks. */
const PILE_SPREAD = [0.24, 0.57];

// ------------------------------------------------------------------ text helpers

/** "Day 13, Sat 10:40": day 0 is a Monday, as in the sim's calendar. */
export function clockText(time: number): string {
  const day = Math.floor(time / DAY);
  // Counted from 1, like the HUD and the debrief: day index 0 is "Day 1".
  return W.clock(formatCount(day + 1), weekdayName(weekday(day)), timeOfDay(time - day * DAY));
}

function closedText(level: Level, time: number): string {
  const next = new Calendar(level.hours).nextOpen(time);
  if (!Number.isFinite(next)) return W.closed;
  const day = Math.floor(next / DAY);
  return W.closedUntil(weekdayName(weekday(day)), timeOfDay(Math.round(next - day * DAY)));
}

// ------------------------------------------------------------------ the view

/** How many files lie in each pile: the sim's own stages (it never counts a file at "scanning" that nobody will scan). */
export function pileStages(_level: Level, snap: Snapshot): Record<PileId, number> {
  return Object.fromEntries(PILE_IDS.map((id) => [id, snap.stages[id]])) as Record<PileId, number>;
}

/**
 * Maps a snapshot to what to draw. Pass the previous view to keep continuity (which desks are
 * lit); without it, the first `busy` desks of each role are chosen by a fixed scramble.
 */
export function officeView(level: Level, snap: Snapshot, opts: OfficeViewOptions, previous?: OfficeView | null): OfficeView {
  const design = snap.design;
  const roleIds = Object.keys(level.roles);
  const staffOf = (id: string) => snap.roles.find((r) => r.id === id)?.staff ?? 0;
  // Who takes the calls and the visits, and where they sit, as the snapshot says.
  const phoneTaker = snap.roles.find((r) => r.takes.includes('phone'));
  const visitTaker = snap.roles.find((r) => r.takes.includes('visit'));
  const phonesAt = phoneTaker?.place ?? null;

  const hasCalls = level.demand.visitShare < 1 || (level.citizens.chaseScaleDays !== null && level.citizens.visitShare < 1) || snap.phonesWaiting > 0;
  const hasVisits = level.demand.visitShare > 0 || level.citizens.visitShare > 0 || snap.visitorsWaiting > 0;
  const hasPaper = level.demand.evidenceItems.max > 0;
  const staffedAt = (zone: ZoneId) => snap.roles.some((r) => r.staff > 0 && r.place === zone);
  const stages = pileStages(level, snap);

  const present: Record<ZoneId, boolean> = {
    calls: (hasCalls && phonesAt === 'calls') || staffedAt('calls'),
    front: hasVisits || staffedAt('front') || (hasCalls && phonesAt === 'front'),
    scanning: staffedAt('scanning') || stages.scanning > 0 || (hasPaper && level.assign.scan !== null && !design.caseOwner && staffOf(level.assign.scan) > 0),
    casework: hasPaper || staffedAt('casework') || stages.casework > 0 || stages['awaiting-evidence'] > 0,
  };
  // Calls waiting with nowhere to ring (no call centre, no front desk) still need a place.
  if (hasCalls && !present.calls && !present.front) present.calls = true;

  // Who sits where, role by role (roles with no staff have no desks).
  const byZone = new Map<ZoneId, { roleId: string; staff: number; busy: number; colour: number; label: string; phone: boolean }[]>();
  for (const r of snap.roles) {
    if (r.staff <= 0 || !present[r.place]) continue;
    const index = roleIds.indexOf(r.id);
    const colour = ROLE_COLOURS[Math.max(index, 0) % ROLE_COLOURS.length]!;
    const list = byZone.get(r.place) ?? [];
    list.push({ roleId: r.id, staff: r.staff, busy: r.busy, colour, label: level.roles[r.id]?.label ?? r.label, phone: r === phoneTaker });
    byZone.set(r.place, list);
  }
  // A back-office room with one pile keeps it beside the desks; with more, they stand below them.
  const pilesBeside = (zone: ZoneId) => ROOMS.some((room) => room.id === zone && room.side === 'back' && room.stages.length === 1);
  const phonesHereFront = hasCalls && phonesAt === 'front';
  const reserveRight = (zone: ZoneId) =>
    (zone === 'calls' && hasCalls && phonesAt === 'calls') || (zone === 'front' && phonesHereFront) ? SWITCHBOARD_W : pilesBeside(zone) ? PILE_BESIDE_W : 0;
  const deskWidth = (zone: ZoneId, zoneWidth: number) => zoneWidth - 32 - reserveRight(zone);
  const rowsIn = (zone: ZoneId, zoneWidth: number) =>
    (byZone.get(zone) ?? []).reduce((n, role) => n + deskRows(Math.min(role.staff, DESKS_CAP), deskWidth(zone, zoneWidth)), 0);
  const headerOf = (zone: ZoneId) => 46 + Math.max(1, byZone.get(zone)?.length ?? 0) * 17;

  const rects = layoutZones(present, staffedAt('casework') || present.scanning, rowsIn);
  const zones: ZoneView[] = [];
  for (const { id } of ROOMS) {
    const rect = rects[id];
    if (rect) zones.push({ id, label: ZONE_LABELS[id], rect, floor: FLOORS[id] });
  }

  const labels: LabelView[] = [];
  const label = (key: string, text: string, x: number, y: number, style: LabelStyle, originX = 0) => labels.push({ key, text, x, y, style, originX });
  for (const z of zones) label(`zone:${z.id}`, z.label, z.rect.x + 12, z.rect.y + 8, 'zone');

  // ---- desks, role by role, in their zones
  const prevWorking = new Map<string, Set<number>>();
  for (const d of previous?.desks ?? []) {
    if (!d.working) continue;
    let set = prevWorking.get(d.roleId);
    if (!set) prevWorking.set(d.roleId, (set = new Set()));
    set.add(Number(d.key.slice(d.key.lastIndexOf(':') + 1)));
  }
  const desks: DeskView[] = [];
  const deskArea = (zone: ZoneId, r: Rect): Rect => {
    let top = r.y + headerOf(zone) + 14;
    if (zone === 'front') {
      // A roomy front office (the one-room tutorial) brings desks and queue down toward the doors,
      // so visitors don't spend their visit crossing an empty floor.
      const needed = headerOf(zone) + 14 + rowsIn(zone, r.w) * DESK_ROW + 200;
      if (r.h > needed) top += Math.round((r.h - needed) * 0.7);
    }
    return { x: r.x + 16, y: top, w: deskWidth(zone, r.w), h: r.y + r.h - top - 10 };
  };
  const deskBottom = new Map<ZoneId, number>();
  for (const [zone, roles] of byZone) {
    const r = rects[zone]!;
    const area = deskArea(zone, r);
    let y = area.y;
    let line = 0;
    for (const role of roles) {
      const drawn = Math.min(role.staff, DESKS_CAP);
      const more = role.staff - drawn;
      const summary = W.roleBusy(role.label, role.busy, role.staff);
      label(`role:${role.roleId}`, summary, r.x + 12, r.y + 30 + line * 17, 'note');
      line++;
      const working = chooseWorking(drawn, Math.min(role.busy, drawn), prevWorking.get(role.roleId) ?? new Set(), roleIds.indexOf(role.roleId) + 7);
      const points = deskGrid({ x: area.x, y, w: area.w, h: area.h }, drawn, 74, 46, DESK_ROW);
      for (let i = 0; i < drawn; i++) {
        const p = points[i]!;
        desks.push({
          key: `${role.roleId}:${i}`,
          roleId: role.roleId,
          zone,
          x: p.x,
          y: p.y,
          present: snap.open || working[i]!,
          working: working[i]!,
          phone: role.phone && hasCalls,
          colour: role.colour,
        });
      }
      if (more > 0) label(`more:${role.roleId}`, W.more(more), area.x + area.w, y + 16, 'note', 1);
      y += deskRows(drawn, area.w) * DESK_ROW;
    }
    deskBottom.set(zone, y - DESK_ROW + 14);
  }

  // ---- the visitor queue
  let queue: QueueView | null = null;
  const front = rects.front;
  if (front) {
    const area = deskArea('front', front);
    const frontDesks = desks.filter((d) => d.zone === 'front');
    // Visitors are seen by the role that takes visits now; idle desks of a displaced role seat no one.
    const seats = frontDesks.filter((d) => d.present && d.roleId === visitTaker?.id).map((d) => ({ x: d.x, y: d.y + 30 }));
    const lastSeatY = frontDesks.length > 0 ? Math.max(...frontDesks.map((d) => d.y)) + 30 : front.y + 70;
    // Eight abreast where there is room; more abreast, and rows closer, when the room is short.
    const bottomLimit = front.y + front.h - 28;
    let qTop = lastSeatY + 50;
    const maxCols = Math.max(3, Math.floor((area.w - 40) / 24) + 1);
    const rowsFit = Math.max(1, Math.floor((bottomLimit - qTop) / 16) + 1);
    const rowsRoomy = Math.max(1, Math.floor((bottomLimit - qTop) / 26) + 1);
    const preferred = Math.max(8, Math.ceil(QUEUE_CAP / rowsRoomy));
    const cols = Math.min(maxCols, Math.max(Math.min(preferred, maxCols), Math.ceil(QUEUE_CAP / rowsFit)));
    const rowsNeeded = Math.ceil(QUEUE_CAP / cols);
    qTop = Math.min(qTop, bottomLimit - (rowsNeeded - 1) * 16);
    const rowGap = Math.max(16, Math.min(26, (bottomLimit - qTop) / Math.max(1, rowsNeeded - 1)));
    // The queue is centred under the desks, head first at the top left, snaking back and forth.
    const qLeft = Math.round(area.x + area.w / 2 - ((cols - 1) * 24) / 2);
    const qRight = qLeft + (cols - 1) * 24;
    const slots: Point[] = [];
    for (let i = 0; i <= QUEUE_CAP; i++) {
      const row = Math.floor(i / cols);
      const col = i % cols;
      const c = row % 2 === 0 ? col : cols - 1 - col;
      slots.push({ x: qLeft + c * 24, y: qTop + row * rowGap });
    }
    const overflowAt = slots.pop()!;
    const count = snap.visitorsWaiting;
    const shown = Math.min(count, QUEUE_CAP);
    const bottom = front.y + front.h;
    const entranceX = Math.max(front.x + 26, qLeft - 40);
    const exitX = Math.min(front.x + front.w - 26, Math.max(qRight + 40, area.x + area.w + 4));
    const lane: Rect = { x: qLeft - 15, y: qTop - 15, w: qRight - qLeft + 30, h: (rowsNeeded - 1) * rowGap + 30 };
    queue = {
      count,
      shown,
      overflow: count - shown,
      slots,
      colours: contactColours(snap, 'visit', shown, opts.colourFailure),
      lane,
      entrance: { x: entranceX, y: STREET.y + 34 },
      enterVia: [{ x: entranceX, y: bottom - 12 }],
      exitVia: [
        { x: exitX, y: bottom - 12 },
        { x: exitX, y: STREET.y + 30 },
        { x: exitX + 70, y: STREET.y + 46 },
      ],
      seats,
    };
    if (count > shown) label('queue:overflow', W.overflow(count - shown), overflowAt.x, overflowAt.y - 8, 'count', 0.5);
    if (hasVisits) {
      label('queue:count', W.queue(count), lane.x, lane.y - 17, 'note');
    }
  }

  // ---- calls waiting
  let calls: CallsView | null = null;
  const callsZone = phonesAt === 'front' && front ? front : rects.calls;
  if (hasCalls && callsZone) {
    const top = callsZone === front ? callsZone.y + 70 : callsZone.y + 40;
    const rect: Rect = {
      x: callsZone.x + callsZone.w - SWITCHBOARD_W + 4,
      y: top,
      w: SWITCHBOARD_W - 16,
      h: Math.min(120, callsZone.y + callsZone.h - top - 10),
    };
    const count = snap.phonesWaiting;
    const shown = Math.min(count, CALLS_CAP);
    const colours = contactColours(snap, 'phone', shown, opts.colourFailure);
    const icons = [];
    for (let i = 0; i < shown; i++) {
      icons.push({ x: rect.x + 24 + (i % 4) * 29, y: rect.y + 38 + Math.floor(i / 4) * 22, colour: colours[i]! });
    }
    calls = { count, icons, overflow: count - shown, rect };
    label('calls:title', W.calls(count), rect.x + rect.w / 2, rect.y + 7, 'note', 0.5);
  }

  // ---- piles of paper
  const piles: PileView[] = [];
  const addPile = (id: PileId, x: number, baseY: number, room: number) => {
    const count = stages[id];
    const r = Math.max(20, room);
    piles.push({ id, count, x, y: baseY, height: Math.min(r, pileHeight(count, PILE_MAX_HEIGHT)), room: r, stacks: pileStacks(count) });
    label(`pile:${id}`, formatCount(count), x, baseY + 5, 'count', 0.5);
    label(`pile:${id}:what`, PILE_LABELS[id], x, baseY + 21, 'note', 0.5);
  };
  // The post's out-tray stands in the last room of the back office.
  let tray: Point | null = null;
  for (const room of ROOMS) {
    const r = rects[room.id];
    if (!r || room.side !== 'back') continue;
    if (pilesBeside(room.id)) {
      // The pile sits at the right, clear of the room's title, so it can rise nearly to the top.
      const base = r.y + r.h - 40;
      for (const stage of room.stages) addPile(stage, r.x + r.w - 70, base, base - (r.y + 12));
      tray = { x: r.x + r.w - 46, y: r.y + r.h - 46 };
    } else {
      const top = (deskBottom.get(room.id) ?? r.y + 40) + 30;
      const base = r.y + r.h - 56;
      room.stages.forEach((stage, i) => addPile(stage, r.x + r.w * PILE_SPREAD[i % PILE_SPREAD.length]!, base, base - top));
      tray = { x: r.x + r.w - 52, y: r.y + r.h - 24 };
    }
  }
  const cw = rects.casework;
  if (cw && !staffedAt('casework') && snap.roles.some((r) => r.id === level.assign.casework && r.staff > 0)) {
    label('casework:owner', snap.design.caseOwner ? W.ownedAtFront : W.assessorsAtFront, cw.x + 12, cw.y + 30, 'note');
  }

  // ---- the post and the citizens at home
  let post: PostView | null = null;
  if (hasPaper || snap.stages['in-post'] > 0) {
    const inPost = snap.stages['in-post'];
    const gathering = snap.stages.gathering;
    const trayAt = tray ?? { x: BUILDING.x + BUILDING.w - 60, y: BUILDING.y + BUILDING.h - 30 };
    // The pillar box stands outside, below the out-tray; the homes are further along the street.
    const box = { x: trayAt.x, y: STREET.y + 46 };
    const homes = [0, 1, 2].map((i) => ({ x: box.x - 236 + i * 46, y: STREET.y + 30 }));
    const path = [
      trayAt,
      { x: trayAt.x, y: BUILDING.y + BUILDING.h + 4 },
      { x: box.x, y: box.y - 16 },
      { x: box.x - 40, y: STREET.y + 22 },
      { x: homes[2]!.x + 24, y: STREET.y + 20 },
      { x: homes[1]!.x, y: homes[1]!.y },
    ];
    post = {
      inPost,
      gathering,
      envelopes: inPost <= 0 ? 0 : Math.min(14, 1 + Math.floor(Math.sqrt(inPost))),
      path,
      tray: trayAt,
      box,
      homes,
    };
    label('zone:post', W.zones.post, box.x - 22, STREET.y + 8, 'zone', 1);
    label('post:count', W.inPost(inPost), box.x - 22, STREET.y + 28, 'note', 1);
    label('post:homes', W.atHome(gathering), homes[1]!.x, STREET.y + 58, 'note', 0.5);
  }

  // ---- clock and open sign
  const clock = clockText(snap.time);
  const closedNote = snap.open ? null : closedText(level, snap.time);
  label('clock', clock, 16, 10, 'clock');
  label('sign', closedNote ?? W.open, OFFICE_WIDTH - 16, 10, 'sign', 1);

  return {
    width: OFFICE_WIDTH,
    height: OFFICE_HEIGHT,
    open: snap.open,
    clock,
    closedNote,
    building: zones.length > 0 ? union(zones.map((z) => z.rect)) : BUILDING,
    street: STREET,
    zones,
    desks,
    queue,
    calls,
    piles,
    post,
    labels,
  };
}
