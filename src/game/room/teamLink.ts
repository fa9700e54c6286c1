// A team's line to the trainer's room: its seat (a token kept in this browser), the trainer's
// commands heard as Server-Sent Events, and its updates kept in an outbox here first and sent in
// order, so the team plays on through a dropped network (up to the gate) and catches up after.
import { ROOM_WORDS as W } from '../../content/room';
import type { Action, RoomEventKind } from '../../services/housing-benefit';
import type { PredictionQuestion, RoomEvent, Seat, SessionConfig, TeamUpdate } from '../../room/protocol';
import { type Answer, callService } from '../../room/http';
import { foldEvent, type RoomState } from '../../room/roomState';
import { sessionModel } from '../../room/verify';
import type { Controller } from '../controller';
import { isLevelId } from '../levels';
import type { GameStore, RoomView } from '../store';
import { loadOutbox, saveOutbox, saveSeat, type StoredSeat } from './seatStorage';

/** What the link needs from the page: the network, storage and a clock (a test passes its own). */
export interface LinkDeps {
  fetch: typeof fetch;
  /** null: the browser has none (the link then asks for commands by polling). */
  EventSource: typeof EventSource | null;
  storage: Storage | null;
  /** The game's address without its query (origin and path), for the rejoin link. */
  pageUrl: string;
}

/** How often the run's progress is put in the outbox (and at once when something happens). */
const UPDATE_EVERY_MS = 2000;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15_000;

function call<T>(deps: LinkDeps, path: string, init: RequestInit = {}, token?: string): Promise<Answer<T>> {
  return callService<T>(deps.fetch, path, init, token, W.offlineJoin);
}

/** Joins a session as a new team; on success the team is seated and its run starts. */
export async function joinSession(deps: LinkDeps, store: GameStore, ctl: Controller, code: string, name: string): Promise<Answer<TeamLink>> {
  const joined = await call<{ teamId: string; token: string; name: string }>(deps, `/api/sessions/${encodeURIComponent(code)}/teams`, {
    method: 'POST',
    body: JSON.stringify({ name }),
  });
  if (!joined.ok) return joined;
  return enterSeat(deps, store, ctl, joined.value.token);
}

/** Takes a team's seat (just joined, after a reload, or on another device with its rejoin link). */
export async function enterSeat(deps: LinkDeps, store: GameStore, ctl: Controller, token: string): Promise<Answer<TeamLink>> {
  const seat = await call<Seat>(deps, '/api/team', {}, token);
  if (!seat.ok) return seat;
  const stored: StoredSeat = { code: seat.value.code, token, teamId: seat.value.team.id, name: seat.value.team.name };
  saveSeat(deps.storage, stored);
  const link = new TeamLink(deps, store, ctl, stored, seat.value);
  link.start();
  return { ok: true, value: link };
}

export class TeamLink {
  private state: RoomState;
  private readonly config: SessionConfig;
  private readonly model: { version: string; levelHash: string };
  /** Updates not yet acknowledged, oldest first (kept in storage too). */
  private outbox: TeamUpdate[];
  private nextSeq: number;
  /** Actions put in an update so far, and the minute of the last update. */
  private queuedActions: number;
  private queuedAt: number;
  private online = true;
  private refused: string | null = null;
  /** The newest event the trainer injected, for the banner (null: none yet). */
  private lastInjected: RoomEventKind | null = null;
  private readonly predictions: Partial<Record<PredictionQuestion, number>> = {};
  private readonly answers: Partial<Record<PredictionQuestion, number | null>> = {};
  private sending = false;
  private retryMs = RETRY_MIN_MS;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private interval: ReturnType<typeof setInterval> | null = null;
  private events: EventSource | null = null;

  constructor(
    private readonly deps: LinkDeps,
    private readonly store: GameStore,
    private readonly ctl: Controller,
    private readonly seat: StoredSeat,
    from: Seat,
  ) {
    this.config = from.config;
    this.state = from.room;
    // Our own model and level: if this page is older or newer than the server's, the server says so.
    this.model = sessionModel(from.config);
    const pending = loadOutbox(deps.storage, seat).filter((u) => u.seq > from.team.seq);
    this.outbox = pending;
    this.nextSeq = (pending[pending.length - 1]?.seq ?? from.team.seq) + 1;
    const actions = [...(from.actions as Action[]), ...pending.flatMap((u) => u.actions as Action[])];
    const at = pending[pending.length - 1]?.summary.at ?? from.summary?.at ?? 0;
    this.queuedActions = actions.length;
    // A team not yet heard from sends its figures at once, so the trainer sees it at day 0.
    this.queuedAt = from.summary || pending.length > 0 ? at : -1;
    if (!isLevelId(from.config.level)) throw new Error(`level ${from.config.level} cannot be played in a room`);
    this.ctl.setRoomHold({ paused: this.state.paused, gateDay: this.state.gateDay });
    this.ctl.startRoomRun({ levelId: from.config.level, scenario: from.config.scenario, seed: from.config.seed, regime: from.config.regime }, { actions, at });
    // Events the trainer injected that this log has not yet taken in (heard, then a reload before the day ended).
    const taken = actions.filter((a) => a.kind === 'event').length;
    for (const event of this.state.injected.slice(taken)) this.ctl.roomEvent(event);
    this.publish();
  }

  start(): void {
    this.listen();
    this.interval = setInterval(() => this.queueUpdate(), UPDATE_EVERY_MS);
    void this.flush();
  }

  /** Leaves the room on this device (the seat stays on the server; the rejoin link still works). */
  stop(): void {
    if (this.interval) clearInterval(this.interval);
    for (const t of this.timers) clearTimeout(t);
    this.events?.close();
    this.ctl.setRoomHold(null);
    this.store.setState({ room: null });
  }

  /** Puts the run's progress in the outbox, if it has moved on since the last update. */
  queueUpdate(): void {
    const figures = this.ctl.roomFigures();
    if (!figures) return;
    if (figures.at === this.queuedAt && figures.actions.length === this.queuedActions) return;
    const update: TeamUpdate = {
      seq: this.nextSeq++,
      model: this.model,
      actions: figures.actions.slice(this.queuedActions),
      summary: figures.summary(),
    };
    this.queuedActions = figures.actions.length;
    this.queuedAt = figures.at;
    this.outbox.push(update);
    saveOutbox(this.deps.storage, this.seat, this.outbox);
    this.publish();
    void this.flush();
  }

  /** Sends the outbox in order, one at a time; a failure waits and tries again, longer each time. */
  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.outbox.length > 0) {
        const next = this.outbox[0]!;
        const sent = await call<{ seq: number }>(this.deps, '/api/team/updates', { method: 'POST', body: JSON.stringify(next) }, this.seat.token);
        if (!sent.ok && (sent.status === 0 || sent.status === 429 || sent.status >= 500)) {
          this.setOnline(false);
          this.later(() => void this.flush(), this.retryMs);
          this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
          return;
        }
        // Refused for a reason a retry cannot mend: say so, and go on with the rest.
        if (!sent.ok) this.refused = sent.error;
        this.outbox.shift();
        saveOutbox(this.deps.storage, this.seat, this.outbox);
        this.retryMs = RETRY_MIN_MS;
        this.setOnline(true);
      }
    } finally {
      this.sending = false;
      this.publish();
    }
  }

  /** The trainer's commands, in order, resuming after a drop from the last one heard. */
  private listen(): void {
    const Source = this.deps.EventSource;
    if (!Source) return;
    const url = `/api/team/events?token=${encodeURIComponent(this.seat.token)}&after=${this.state.lastEvent}`;
    const events = new Source(url);
    this.events = events;
    events.addEventListener('command', (e) => this.hear(JSON.parse((e as MessageEvent<string>).data) as RoomEvent));
    events.addEventListener('open', () => {
      this.setOnline(true);
      void this.flush();
    });
    events.addEventListener('error', () => this.setOnline(false));
  }

  private hear(event: RoomEvent): void {
    if (event.n <= this.state.lastEvent) return;
    this.state = foldEvent(this.config, this.state, event);
    if (event.command.kind === 'answer') {
      // The answer is this team's own figure, as its citizens lived it up to now.
      const lived = this.ctl.roomFigures()?.summary().lived;
      this.answers[event.command.question] = lived ? (event.command.question === 'failure-share' ? lived.failureDemandShare : lived.waitingDaysMean) : null;
    }
    if (event.command.kind === 'inject') {
      this.ctl.roomEvent(event.command.event);
      this.lastInjected = event.command.event;
    }
    this.ctl.setRoomHold({ paused: this.state.paused, gateDay: this.state.gateDay });
    this.publish();
    // The room moved on (released, paused): tell the trainer where this team stands now.
    this.queueUpdate();
  }

  /** Sends the team's prediction for the question being asked; null, or why it was not taken. */
  async predict(question: PredictionQuestion, value: number): Promise<string | null> {
    const sent = await call<unknown>(this.deps, '/api/team/predictions', { method: 'POST', body: JSON.stringify({ question, value }) }, this.seat.token);
    if (!sent.ok) return sent.error;
    this.predictions[question] = value;
    this.publish();
    return null;
  }

  private setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.publish();
  }

  private later(f: () => void, ms: number): void {
    if (this.timers.length > 20) this.timers = this.timers.slice(-1);
    this.timers.push(setTimeout(f, ms));
  }

  private publish(): void {
    const phase = this.config.phases[this.state.phase]!;
    const view: RoomView = {
      code: this.seat.code,
      title: this.config.title,
      team: this.seat.name,
      phase: phase.label,
      gateDay: this.state.gateDay,
      paused: this.state.paused,
      message: this.state.message,
      online: this.online,
      unsent: this.outbox.length,
      refused: this.refused,
      injected: this.lastInjected,
      asking: this.state.asking,
      predictions: { ...this.predictions },
      answers: { ...this.answers },
      rejoinUrl: `${this.deps.pageUrl}?join=${this.seat.code}#seat=${this.seat.token}`,
    };
    this.store.setState({ room: view });
  }
}
