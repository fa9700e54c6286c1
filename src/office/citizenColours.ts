// The colours people are drawn in: one neutral colour for everyone until the player has studied
// demand, then failure demand stands out warm against the cool colours of the staff.
import type { Snapshot } from '../services/housing-benefit/snapshot';
import { hash01 } from './desks';

/** Every citizen and call looks like this until the player has studied demand. */
export const NEUTRAL_CITIZEN = 0x98a2b3;
/** Failure demand, once the player can see it: warm, and far from every staff colour. */
export const FAILURE_CITIZEN = 0xf07c3e;
/** Staff colours by the role's order in the level: cool hues, so they never read as failure. */
export const ROLE_COLOURS = [0x4a78c8, 0x2b9a8c, 0x8467c2, 0x3b8a4e, 0x5a6b8c, 0x2f7fa8, 0x6f5aa8];

/**
 * Colours for the `n` newest waiting contacts on a channel, oldest first. The newest waiting are
 * the newest contacts on that channel; beyond the snapshot's short history, figures take the
 * office's overall failure share.
 */
export function contactColours(snap: Snapshot, channel: string, n: number, colourFailure: boolean): number[] {
  const out: number[] = [];
  if (n <= 0) return out;
  if (!colourFailure) return new Array<number>(n).fill(NEUTRAL_CITIZEN);
  const recent = snap.recentContacts.filter((c) => c.channel === channel);
  const share = snap.contacts.total > 0 ? snap.contacts.failure / snap.contacts.total : 0;
  for (let i = 0; i < n; i++) {
    const fromNewest = n - 1 - i;
    const c = recent[recent.length - 1 - fromNewest];
    const failure = c ? c.failure : hash01(snap.needs.arrived, i) < share;
    out.push(failure ? FAILURE_CITIZEN : NEUTRAL_CITIZEN);
  }
  return out;
}
