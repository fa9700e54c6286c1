// The debrief's result code: a housing-benefit run played alone, as a short line the student gives
// a trainer (src/room/resultCode.ts), who imports it into a session where the server re-simulates it.
import { teamName } from '../room/protocol';
import { encodeResultCode, type ResultRun, resultRunProblem, summaryDigest } from '../room/resultCode';
import type { Controller } from './controller';
import type { GameState } from './store';

/** A run a result code can be made of: a housing-benefit debrief, played on one's own (a room's team is verified as it plays). */
export function offersResultCode(s: GameState): boolean {
  return s.room === null && s.screen === 'debrief' && s.debrief?.levelId === 'housing-benefit';
}

/** Everything of the code but the name: the finished run and a digest of the figures its player saw. */
export type FinishedRun = Omit<ResultRun, 'name'>;

export function finishedRun(s: GameState, ctl: Pick<Controller, 'roomFigures'>): FinishedRun | null {
  const d = s.debrief;
  const figures = ctl.roomFigures();
  if (!d || !figures || !offersResultCode(s)) return null;
  return {
    model: d.report.model,
    level: d.levelId,
    scenario: d.scenario,
    seed: d.seed,
    regime: d.startRegime,
    at: figures.at,
    digest: summaryDigest(figures.summary()),
    actions: [...figures.actions],
  };
}

/** The name as a code carries it (normalised as a team name; '' for none), or null if it is too long. */
export function studentName(raw: string): string | null {
  const collapsed = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (collapsed === '') return '';
  const parsed = teamName.safeParse(collapsed);
  return parsed.success ? parsed.data : null;
}

export type MadeCode = { ok: true; code: string } | { ok: false; why: 'unsupported' | 'too-big' };

export async function makeResultCode(run: FinishedRun, name: string): Promise<MadeCode> {
  if (typeof CompressionStream === 'undefined') return { ok: false, why: 'unsupported' };
  const full: ResultRun = { ...run, name };
  if (resultRunProblem(full) !== null) return { ok: false, why: 'too-big' };
  try {
    return { ok: true, code: await encodeResultCode(full) };
  } catch {
    return { ok: false, why: 'too-big' };
  }
}
