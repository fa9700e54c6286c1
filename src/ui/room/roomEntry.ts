// How the page enters a trainer's room: a rejoin link (#seat=…) or a seat kept in this browser
// takes the team's seat at once; a join link (?join=CODE) fills in the code on the title screen.
import type { Controller } from '../../game/controller';
import { enterSeat, joinSession, type LinkDeps, type TeamLink } from '../../game/room/teamLink';
import { clearSeat, lastSeat, loadSeat } from '../../game/room/seatStorage';
import type { GameStore } from '../../game/store';
import type { PredictionQuestion } from '../../room/protocol';
import type { JoinIntent } from './joinPanel';

/** What the page can ask of the room: join it, and answer the trainer's prediction. */
export interface RoomIntents extends JoinIntent {
  predict(question: PredictionQuestion, value: number): Promise<string | null>;
}

export function roomEntry(store: GameStore, ctl: Controller, storage: Storage | null, joinCode: string | null): RoomIntents {
  const deps: LinkDeps = {
    fetch: (input, init) => fetch(input, init),
    EventSource: typeof EventSource === 'undefined' ? null : EventSource,
    storage,
    pageUrl: `${location.origin}${location.pathname}`,
  };
  let link: TeamLink | null = null;
  const seated = (r: Awaited<ReturnType<typeof enterSeat>>): string | null => {
    if (!r.ok) return r.error;
    link?.stop();
    link = r.value;
    return null;
  };

  // A rejoin link carries the seat's token after #, which never reaches a server's logs; take it out of the address bar.
  const fromHash = /^#seat=([A-Za-z0-9_-]{20,100})$/.exec(location.hash)?.[1] ?? null;
  if (fromHash) history.replaceState(null, '', `${location.pathname}${location.search}`);
  const kept = joinCode ? loadSeat(storage, joinCode) : null;
  const token = fromHash ?? kept?.token ?? null;
  if (token) {
    void enterSeat(deps, store, ctl, token).then((r) => {
      if (!r.ok && r.status === 401 && kept) clearSeat(storage, kept.code);
      seated(r);
    });
  }

  const last = lastSeat(storage);
  return {
    code: joinCode,
    rejoin: last && !token ? { code: last.code, name: last.name } : null,
    join: async (code, name) => seated(await joinSession(deps, store, ctl, code, name)),
    predict: async (question, value) => (link ? link.predict(question, value) : null),
    rejoinSeat: async () => {
      if (!last) return null;
      const r = await enterSeat(deps, store, ctl, last.token);
      if (!r.ok && r.status === 401) clearSeat(storage, last.code);
      return seated(r);
    },
  };
}
