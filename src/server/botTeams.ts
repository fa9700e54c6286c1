// Bot teams for a trainer's rehearsal: each joins the session like a team, plays its scripted
// strategy (src/room/bots.ts) a few days at a time up to the room's gate, takes in the trainer's
// injected events at its next day boundary, and sends its updates through the same checks as any
// team's, so the dashboard, the verification and the exports treat it as one.
import { ROOM_WORDS } from '../content/room';
import { type BotStrategy, botDecisions } from '../room/bots';
import type { TeamUpdate } from '../room/protocol';
import { teamSummary } from '../room/summary';
import { sessionLevel, sessionModel } from '../room/verify';
import { createSim, DAY, type Sim } from '../services/housing-benefit';
import type { RoomService } from './roomService';
import type { SessionRow } from './roomStore';

/** Sim days a bot plays per step of the loop: a quarter in a few seconds. */
const DAYS_PER_STEP = 7;
const STEP_MS = 400;

interface Bot {
  code: string;
  token: string;
  strategy: BotStrategy;
  sim: Sim;
  seq: number;
  sent: number;
  lastAt: number;
}

export class BotTeams {
  private readonly bots: Bot[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private stepping = false;

  constructor(private readonly room: RoomService) {}

  /** Seats one bot team per strategy in the session, named for what it does. */
  async add(session: SessionRow, strategies: readonly BotStrategy[]): Promise<{ ok: true } | { ok: false; message: string }> {
    for (const strategy of strategies) {
      const existing = this.bots.filter((b) => b.code === session.code && b.strategy === strategy).length;
      const name = ROOM_WORDS.botName(strategy, existing + 1);
      const joined = await this.room.join(session.code, name);
      if (!joined.ok) return { ok: false, message: joined.message };
      const sim = createSim(sessionLevel(session.config), session.config.seed, session.config.regime);
      this.bots.push({ code: session.code, token: joined.value.token, strategy, sim, seq: 0, sent: 0, lastAt: -1 });
    }
    if (!this.timer) {
      this.timer = setInterval(() => void this.step(), STEP_MS);
      // Bots never keep the server's process alive on their own.
      this.timer.unref();
    }
    return { ok: true };
  }

  /** Each bot plays on a few days, to the gate at most, and says where it stands. */
  async step(): Promise<void> {
    if (this.stepping) return;
    this.stepping = true;
    try {
      for (const bot of this.bots) await this.play(bot);
    } catch (e) {
      // The database has gone (the server is stopping): the bots stop with it.
      console.error(`bot teams stopped: ${(e as Error).message}`);
      this.stop();
    } finally {
      this.stepping = false;
    }
  }

  private async play(bot: Bot): Promise<void> {
    const seat = await this.room.team(bot.token);
    if (!seat.ok) return;
    const { team, session } = seat.value;
    const { state } = await this.room.room(session);
    const end = sessionLevel(session.config).days * DAY;
    const gate = Math.min(state.gateDay * DAY, end);
    const sim = bot.sim;
    if (!state.paused) {
      const until = Math.min(gate, sim.now + DAYS_PER_STEP * DAY);
      while (sim.now < until) {
        const day = Math.floor(sim.now / DAY);
        // The trainer's events it has heard and not yet taken in, at this day boundary.
        const taken = sim.actions.filter((a) => a.kind === 'event').length;
        for (const event of state.injected.slice(taken)) sim.apply({ kind: 'event', event });
        for (const action of botDecisions(bot.strategy, sim, day)) sim.apply(action);
        sim.advanceTo(Math.min(until, (day + 1) * DAY));
      }
    }
    if (sim.now === bot.lastAt && sim.actions.length === bot.sent) return;
    const update: TeamUpdate = { seq: bot.seq + 1, model: sessionModel(session.config), actions: sim.actions.slice(bot.sent), summary: teamSummary(sim) };
    const r = await this.room.update(team, session, update);
    if (!r.ok) return;
    bot.seq = update.seq;
    bot.sent = sim.actions.length;
    bot.lastAt = sim.now;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
