// Where the room stands, folded from the trainer's commands in order: the same fold on the
// server (to hold teams at the gate) and in each team's browser (to stop its clock there).
import type { RoomEventKind } from '../services/housing-benefit/types';
import type { PredictionQuestion, RoomEvent, SessionConfig } from './protocol';

export interface RoomState {
  paused: boolean;
  /** The phase teams are playing (index into the session's phases). */
  phase: number;
  /** Teams may play up to the end of this day, no further. */
  gateDay: number;
  revealed: boolean;
  /** The newest broadcast message (null: none yet). */
  message: string | null;
  /** The question teams are asked to predict now (null: none), and the questions answered so far. */
  asking: PredictionQuestion | null;
  answered: PredictionQuestion[];
  /** The events the trainer has injected, in order: every team's log takes them in this order. */
  injected: RoomEventKind[];
  /** The number of the last command folded in (0: none). */
  lastEvent: number;
}

export function initialRoomState(config: SessionConfig): RoomState {
  // A session opens paused: teams join and wait until the trainer starts the room.
  return {
    paused: true,
    phase: 0,
    gateDay: config.phases[0]!.untilDay,
    revealed: false,
    message: null,
    asking: null,
    answered: [],
    injected: [],
    lastEvent: 0,
  };
}

/** The room after one more command. A release never moves the gate back. */
export function foldEvent(config: SessionConfig, state: RoomState, event: RoomEvent): RoomState {
  const next = { ...state, lastEvent: event.n };
  const c = event.command;
  switch (c.kind) {
    case 'pause':
      return { ...next, paused: true };
    case 'resume':
      return { ...next, paused: false };
    case 'release': {
      const phase = Math.min(Math.max(state.phase, c.phase), config.phases.length - 1);
      return { ...next, phase, gateDay: config.phases[phase]!.untilDay };
    }
    case 'broadcast':
      return { ...next, message: c.message };
    case 'reveal':
      return { ...next, revealed: true };
    case 'inject':
      return { ...next, injected: [...state.injected, c.event] };
    case 'ask':
      return { ...next, asking: c.question };
    case 'answer':
      return {
        ...next,
        asking: state.asking === c.question ? null : state.asking,
        answered: state.answered.includes(c.question) ? state.answered : [...state.answered, c.question],
      };
  }
}

export function roomStateOf(config: SessionConfig, events: readonly RoomEvent[]): RoomState {
  return events.reduce((s, e) => foldEvent(config, s, e), initialRoomState(config));
}
