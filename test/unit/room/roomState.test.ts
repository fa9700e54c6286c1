// The room's fold of the trainer's commands: the same on the server and in every team's browser,
// so it is pure, and a release never moves the gate back.
import { describe, expect, it } from 'vitest';
import { type Command, type RoomEvent, type SessionConfig, sessionConfigSchema } from '../../../src/room/protocol';
import { foldEvent, initialRoomState, type RoomState, roomStateOf } from '../../../src/room/roomState';

const config: SessionConfig = sessionConfigSchema.parse({
  level: 'housing-benefit',
  seed: 1,
  phases: [
    { label: 'One', untilDay: 30 },
    { label: 'Two', untilDay: 90 },
    { label: 'Three', untilDay: 180 },
  ],
});

/** Commands as the server numbers them, from 1. */
const events = (...commands: Command[]): RoomEvent[] => commands.map((command, i) => ({ n: i + 1, at: 1000 * (i + 1), command }));
const stateAfter = (...commands: Command[]) => roomStateOf(config, events(...commands));

describe('the room state', () => {
  it('starts in the first phase, gated at its last day, nothing revealed, no message', () => {
    expect(initialRoomState(config)).toMatchObject({ phase: 0, gateDay: 30, revealed: false, message: null, lastEvent: 0 });
    expect(roomStateOf(config, [])).toEqual(initialRoomState(config));
  });

  it('pauses and resumes, the last of them winning', () => {
    expect(stateAfter({ kind: 'pause' }).paused).toBe(true);
    expect(stateAfter({ kind: 'pause' }, { kind: 'resume' }).paused).toBe(false);
    expect(stateAfter({ kind: 'resume' }, { kind: 'pause' }).paused).toBe(true);
    expect(stateAfter({ kind: 'resume' }, { kind: 'resume' }).paused).toBe(false);
    expect(stateAfter({ kind: 'pause' }, { kind: 'resume' }, { kind: 'pause' }, { kind: 'resume' })).toMatchObject({ paused: false, lastEvent: 4 });
  });

  it('moves the gate to the end of the phase released, and never back', () => {
    expect(stateAfter({ kind: 'release', phase: 1 })).toMatchObject({ phase: 1, gateDay: 90 });
    expect(stateAfter({ kind: 'release', phase: 2 }, { kind: 'release', phase: 1 })).toMatchObject({ phase: 2, gateDay: 180 });
    expect(stateAfter({ kind: 'release', phase: 1 }, { kind: 'release', phase: 0 })).toMatchObject({ phase: 1, gateDay: 90 });
    expect(stateAfter({ kind: 'release', phase: 0 })).toMatchObject({ phase: 0, gateDay: 30 });
    // A phase past the last (the server refuses one; an old log might hold one) is the last.
    expect(stateAfter({ kind: 'release', phase: 11 })).toMatchObject({ phase: 2, gateDay: 180 });
  });

  it('keeps the newest broadcast, whatever comes after it', () => {
    expect(stateAfter({ kind: 'broadcast', message: 'first' }, { kind: 'broadcast', message: 'second' }).message).toBe('second');
    expect(stateAfter({ kind: 'broadcast', message: 'only' }, { kind: 'pause' }, { kind: 'release', phase: 1 }).message).toBe('only');
  });

  it('reveals for good, and counts the commands folded', () => {
    const s = stateAfter({ kind: 'reveal' }, { kind: 'pause' }, { kind: 'resume' });
    expect(s).toMatchObject({ revealed: true, lastEvent: 3 });
  });

  it('is pure: the state folded from is never changed, and the same events give the same state', () => {
    const start: RoomState = Object.freeze(initialRoomState(config));
    const next = foldEvent(config, start, { n: 1, at: 0, command: { kind: 'release', phase: 2 } });
    expect(start).toEqual(initialRoomState(config));
    expect(next).not.toBe(start);
    expect(next.lastEvent).toBe(1);
    const log = events({ kind: 'pause' }, { kind: 'broadcast', message: 'x' }, { kind: 'release', phase: 1 }, { kind: 'reveal' });
    expect(roomStateOf(config, log)).toEqual(log.reduce((s, e) => foldEvent(config, s, e), initialRoomState(config)));
    expect(roomStateOf(config, log)).toEqual(roomStateOf(config, structuredClone(log)));
  });
});
