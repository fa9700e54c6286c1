// A team's seat and outbox, kept in this browser's storage: a reload finds its seat and the
// updates it has not yet sent. Untrusted on the way back in (another tab, an old version): checked.
import { z } from 'zod';
import { type TeamUpdate, updateSchema } from '../../room/protocol';

export interface StoredSeat {
  code: string;
  token: string;
  teamId: string;
  name: string;
}

const seatSchema = z.strictObject({
  code: z.string().max(12),
  token: z.string().min(20).max(100),
  teamId: z.string().max(40),
  name: z.string().max(60),
});

const seatKey = (code: string) => `its-the-system/room/seat/${code}`;
const outboxKey = (seat: StoredSeat) => `its-the-system/room/outbox/${seat.code}/${seat.teamId}`;
/** The newest seat taken in this browser, for the title screen's "Rejoin". */
const LAST_KEY = 'its-the-system/room/last';

function read(storage: Storage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused (a private window): the team still plays; a reload loses the outbox.
  }
}

export function saveSeat(storage: Storage | null, seat: StoredSeat): void {
  write(storage, seatKey(seat.code), seat);
  write(storage, LAST_KEY, seat.code);
}

export function loadSeat(storage: Storage | null, code: string): StoredSeat | null {
  const parsed = seatSchema.safeParse(read(storage, seatKey(code)));
  return parsed.success ? parsed.data : null;
}

export function lastSeat(storage: Storage | null): StoredSeat | null {
  const code = read(storage, LAST_KEY);
  return typeof code === 'string' ? loadSeat(storage, code) : null;
}

export function clearSeat(storage: Storage | null, code: string): void {
  write(storage, seatKey(code), null);
  if (read(storage, LAST_KEY) === code) write(storage, LAST_KEY, null);
}

export function loadOutbox(storage: Storage | null, seat: StoredSeat): TeamUpdate[] {
  const parsed = z
    .array(updateSchema)
    .max(5000)
    .safeParse(read(storage, outboxKey(seat)));
  return parsed.success ? parsed.data : [];
}

export function saveOutbox(storage: Storage | null, seat: StoredSeat, outbox: readonly TeamUpdate[]): void {
  write(storage, outboxKey(seat), outbox.length > 0 ? outbox : null);
}
