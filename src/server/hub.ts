// Who to wake when a session changes: each server keeps its own listeners (a team's event
// stream, a trainer's dashboard); on Postgres every server hears every other's changes by
// LISTEN/NOTIFY, so teams and trainers may be connected to different servers behind a balancer.
import type { Db } from './db';

/** What changed in a session: a trainer's command, a team joined, a team's update or verdict. */
export type Change = 'event' | 'team' | 'update' | 'verdict';

const CHANNEL = 'its_the_system_room';

export class Hub {
  private readonly listeners = new Map<string, Set<(change: Change) => void>>();

  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<Hub> {
    const hub = new Hub(db);
    if (db.kind === 'postgres') {
      await db.listen(
        CHANNEL,
        (payload) => {
          const [code, change] = payload.split(':');
          if (code && change) hub.dispatch(code, change as Change);
        },
        // Changes made while this server was not listening: every stream looks again.
        () => {
          for (const code of hub.listeners.keys()) {
            hub.dispatch(code, 'event');
            hub.dispatch(code, 'update');
          }
        },
      );
    }
    return hub;
  }

  /** Tells every listener of the session, on every server. */
  async publish(code: string, change: Change): Promise<void> {
    if (this.db.kind === 'postgres') await this.db.notify(CHANNEL, `${code}:${change}`);
    else this.dispatch(code, change);
  }

  /** Listens to a session's changes; returns the way to stop. */
  subscribe(code: string, onChange: (change: Change) => void): () => void {
    let set = this.listeners.get(code);
    if (!set) {
      set = new Set();
      this.listeners.set(code, set);
    }
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (set.size === 0) this.listeners.delete(code);
    };
  }

  /** Listeners now, across sessions (for the health check). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private dispatch(code: string, change: Change): void {
    for (const fn of this.listeners.get(code) ?? []) fn(change);
  }
}
