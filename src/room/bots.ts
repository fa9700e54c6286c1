// Bot teams for a trainer's rehearsal: four scripted ways of running the housing-benefit office,
// each a team a trainer meets in a workshop, so that a trainer alone can fill a live session and
// try it end to end. A bot is a pure function of the run as it stands (the sim's snapshot, its open
// offer, its staff, its level, its contacts and needs): the same sim on the same day gives the same
// actions, and its log replays to the same report. No clock, no unseeded randomness, no DOM.
//
// What each does, and why (the sources and docs/model.md):
// - gamer: plays to the dashboard. It takes every gaming move it is offered, on the morning after
//   it is put, pulls at once the gaming levers no offer will bring (in the four-star office: easy
//   claims first), and hires for whichever target is red.
// - honest-manager: stays in deliverology and will not game: it declines every offer, turns off
//   the gaming rules it inherits (closing incomplete claims, the clock from a complete claim, the
//   form hand-out, the call centre paid per call), and adds staff where a queue grows, within the
//   weekly budget.
// - studies-first: studies demand for its first four weeks (the manager's time, no sim action), then
//   adopts the redesigned flow with the staffing the game offers (its people moved, not removed),
//   and stands firm when the inspectors mark it down.
// - blind-redesigner: copies the redesign's tools as "best practice from elsewhere" without having
//   studied: on day 0 it turns on the four ways of working (experts at the front, one owner per
//   case, pull evidence, decide at first contact) but keeps what it did not see: the targets and
//   the back office worked to its in-tray, the rules in force, the staffing of the split office.
import { meanOfInput } from '../engine/schemaParts';
import type { DesignKey, Level } from '../levels/schema';
import { type ActionInput, DAY, type Design, type Sim, type Snapshot } from '../services/housing-benefit';
import { fitsBudget } from '../services/housing-benefit/staffing';

export const BOT_STRATEGIES = ['gamer', 'honest-manager', 'studies-first', 'blind-redesigner'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];

/** Days a studies-first team spends listening to demand before it redesigns (the study's window is four weeks). */
export const STUDY_DAYS = 28;
/** Most staff a bot puts in one role (the game's own limit for a player). */
const MAX_STAFF = 40;
/** A bot reviews its staffing on the first day of each week. */
const REVIEW_EVERY_DAYS = 7;
/** The back office's queue has grown when more claims are open than four weeks ago, by more than this share. */
const GROWTH_SHARE = 0.02;
const GROWTH_WINDOW_DAYS = 28;

/** Each gaming lever as a manager playing to the dashboard sets it (the sources' four-star office, and easy claims first). */
const GAMED: Partial<Design> = {
  nilQualifyDays: 28,
  clockStart: 'complete',
  cherryPick: true,
  formHandOut: true,
  outsourcedCallCentre: true,
};

/** Each gaming lever as an honest office has it (the honest design of docs/model.md's gaming table). */
const HONEST: Partial<Design> = {
  nilQualifyDays: null,
  clockStart: 'received',
  cherryPick: false,
  formHandOut: false,
  outsourcedCallCentre: false,
};

/** The redesign's ways of working, as copied from elsewhere. */
const TOOLS: Partial<Design> = {
  expertsAtFront: true,
  caseOwner: true,
  pullEvidence: true,
  decideAtFirstContact: true,
};

/** A bot's decisions: called once at the start of each sim day (sim.now is a whole day), returns the actions to take now. */
export function botDecisions(strategy: BotStrategy, sim: Sim, day: number): ActionInput[] {
  switch (strategy) {
    case 'gamer':
      return gamer(sim, day);
    case 'honest-manager':
      return honestManager(sim, day);
    case 'studies-first':
      return studiesFirst(sim, day);
    case 'blind-redesigner':
      return blindRedesigner(sim, day);
  }
}

function gamer(sim: Sim, day: number): ActionInput[] {
  const out = answerOffer(sim, true);
  if (sim.regime !== 'deliverology') return out;
  const snap = sim.snapshot();
  if (day === 0) {
    // The moves the level's people will offer are taken when offered; the rest at once.
    const offered = new Set(sim.level.offers.flatMap((o) => Object.keys(o.design)));
    const levers = playerLevers(sim.level, sim.regime);
    out.push(...designChanges(snap.design, GAMED, (key) => levers.has(key) && !offered.has(key)));
  }
  if (day > 0 && day % REVIEW_EVERY_DAYS === 0 && snap.targets) {
    // Hire for the red targets: whoever the figure is about.
    const { assign } = sim.level;
    const red: string[] = [];
    const t = snap.targets;
    if (t.callsAnsweredIn20s === 'missed' && snap.outsourcedRole !== assign.phone && !snap.design.expertsAtFront) red.push(assign.phone);
    if (t.visitorsSeenIn15m === 'missed' && !snap.design.expertsAtFront) red.push(assign.visit);
    if (t.processingDays === 'missed') red.push(assign.casework);
    out.push(...hire(sim, snap, red));
  }
  return out;
}

function honestManager(sim: Sim, day: number): ActionInput[] {
  const out = answerOffer(sim, false);
  if (sim.regime !== 'deliverology') return out;
  const snap = sim.snapshot();
  if (day === 0) {
    const levers = playerLevers(sim.level, sim.regime);
    out.push(...designChanges(snap.design, HONEST, (key) => levers.has(key)));
  }
  if (day > 0 && day % REVIEW_EVERY_DAYS === 0) out.push(...hire(sim, snap, growingQueues(sim, snap)));
  return out;
}

function studiesFirst(sim: Sim, day: number): ActionInput[] {
  // Nobody who is studying demand games it.
  const out = answerOffer(sim, false);
  // Studying costs the manager's time, not an action: the team waits, listening, until it redesigns.
  if (day >= STUDY_DAYS && sim.regime === 'deliverology') out.push({ kind: 'regime', regime: 'systems' });
  return out;
}

function blindRedesigner(sim: Sim, day: number): ActionInput[] {
  const out = answerOffer(sim, false);
  if (day === 0 && sim.regime === 'deliverology') {
    // The game offers the redesign's levers beside the rules wherever there are inspectors to please.
    const levers = playerLevers(sim.level, sim.regime);
    const offered = (key: DesignKey) => levers.has(key) || sim.level.inspection !== null;
    out.push(...designChanges(sim.snapshot().design, TOOLS, offered));
  }
  return out;
}

/** The answer to the offer waiting, if one is. */
function answerOffer(sim: Sim, accept: boolean): ActionInput[] {
  const offer = sim.openOffer();
  return offer ? [{ kind: 'offer', offer: offer.id, accept }] : [];
}

/** The rules the game lets a manager change in this regime (the office's Rules panel). */
function playerLevers(level: Level, regime: Sim['regime']): Set<string> {
  return new Set(level.regimes[regime].levers);
}

/** Design actions that bring `design` to `wanted` (only the keys `take` allows), in a fixed order. */
function designChanges(design: Design, wanted: Partial<Design>, take: (key: DesignKey) => boolean = () => true): ActionInput[] {
  const out: ActionInput[] = [];
  for (const key of Object.keys(wanted) as DesignKey[]) {
    const value = wanted[key];
    if (value === undefined || design[key] === value || !take(key)) continue;
    out.push({ kind: 'design', key, value } as ActionInput);
  }
  return out;
}

/**
 * One more in each role named (once each, in order), while the council's own staff fit the weekly
 * budget. Once a day at most: asked again the same day, a bot has hired already.
 */
function hire(sim: Sim, snap: Snapshot, roles: readonly string[]): ActionInput[] {
  for (let i = sim.actions.length - 1; i >= 0 && sim.actions[i]!.at === sim.now; i--) if (sim.actions[i]!.kind === 'staff') return [];
  const books = { ...snap.books };
  const out: ActionInput[] = [];
  for (const role of new Set(roles)) {
    const count = (books[role] ?? 0) + 1;
    if (count > MAX_STAFF) continue;
    const next = { ...books, [role]: count };
    if (!fitsBudget(sim.level, next, snap.outsourcedRole, snap.budgetPerWeek)) continue;
    books[role] = count;
    out.push({ kind: 'staff', role, count });
  }
  return out;
}

/**
 * The roles whose queues are growing, as a manager walking the office would see them: callers or
 * visitors kept waiting (the answer-time figures, honest while the council answers its own phones
 * and sees its own visitors), files piling up at scanning beyond a day's scanning, and more claims
 * open in the back office than four weeks ago.
 */
function growingQueues(sim: Sim, snap: Snapshot): string[] {
  const { assign } = sim.level;
  const roles: string[] = [];
  const t = snap.targets;
  const experts = snap.design.expertsAtFront;
  if (t?.callsAnsweredIn20s === 'missed' && snap.outsourcedRole !== assign.phone && !experts) roles.push(assign.phone);
  if (t?.visitorsSeenIn15m === 'missed' && !snap.design.formHandOut && !experts) roles.push(assign.visit);
  if (assign.scan) {
    const scanners = snap.books[assign.scan] ?? 0;
    if (scanners > 0 && snap.stages.scanning > scanners * scansPerDay(sim.level)) roles.push(assign.scan);
  }
  const open = openClaims(sim);
  if (open.before > 0 && open.now > open.before * (1 + GROWTH_SHARE)) roles.push(assign.casework);
  return roles;
}

/** What one scanning clerk scans in an open day (the default office: 8 hours at 6 minutes an item, 80). */
function scansPerDay(level: Level): number {
  const minutes = level.hours === 'always' ? 1440 : level.hours.close - level.hours.open;
  return minutes / meanOfInput(level.work.scan);
}

/** Citizens waiting for help now and four weeks ago. */
function openClaims(sim: Sim): { now: number; before: number } {
  const then = sim.now - GROWTH_WINDOW_DAYS * DAY;
  let now = 0;
  let before = 0;
  for (const n of sim.needs()) {
    if (n.outcome === 'open') now++;
    if (n.arrivedAt <= then && (n.outcome === 'open' || n.closedAt > then)) before++;
  }
  return { now, before };
}
