// The office picture in words, for screen readers (the canvas itself is hidden from them): who
// waits where, the piles of paper, who is busy. Pure: the office screen keeps a list of these lines.
import type { Level } from '../levels/schema';
import { PLACES } from '../services/housing-benefit/catalogue';
import type { Snapshot } from '../services/housing-benefit/snapshot';
import { PICTURE_WORDS as W } from '../content/office';
import { clock, count } from '../ui/format';

/** What the office picture shows, line by line: who waits where, the piles of paper, who is busy. */
export function officeInWords(level: Level, snap: Snapshot): string[] {
  const hasPaper = level.demand.evidenceItems.max > 0;
  const lines = [W.now(clock(snap.time), snap.open)];
  if (level.demand.visitShare > 0 || level.citizens.visitShare > 0 || snap.visitorsWaiting > 0) lines.push(W.visitorsWaiting(count(snap.visitorsWaiting)));
  if (level.demand.visitShare < 1 || snap.phonesWaiting > 0) lines.push(W.callsWaiting(count(snap.phonesWaiting)));
  // The stages each place of the catalogue holds, in its order: shown where the level has paper, or where files are.
  for (const place of PLACES) {
    for (const stage of place.stages) {
      const expected = hasPaper && (stage !== 'scanning' || level.assign.scan !== null);
      const n = snap.stages[stage];
      if (expected || n > 0) lines.push(W.held[stage](count(n)));
    }
  }
  for (const r of snap.roles) if (r.staff > 0) lines.push(W.busy(level.roles[r.id]?.label ?? r.label, count(r.busy), count(r.staff)));
  return lines;
}
