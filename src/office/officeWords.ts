// The office picture in words, for screen readers (the canvas itself is hidden from them): who
// waits where, the piles of paper, who is busy. Pure: the office screen keeps a list of these lines.
import type { Level } from '../levels/schema';
import type { Snapshot } from '../services/housing-benefit/snapshot';
import { PICTURE_WORDS as W } from '../content/office';
import { clock, count } from '../ui/format';

/** What the office picture shows, line by line: who waits where, the piles of paper, who is busy. */
export function officeInWords(level: Level, snap: Snapshot): string[] {
  const hasPaper = level.demand.evidenceItems.max > 0;
  const lines = [W.now(clock(snap.time), snap.open)];
  if (level.demand.visitShare > 0 || level.citizens.visitShare > 0 || snap.visitorsWaiting > 0) lines.push(W.visitorsWaiting(count(snap.visitorsWaiting)));
  if (level.demand.visitShare < 1 || snap.phonesWaiting > 0) lines.push(W.callsWaiting(count(snap.phonesWaiting)));
  const st = snap.stages;
  if ((hasPaper && level.assign.scan !== null) || st.scanning > 0) lines.push(W.filesToScan(count(st.scanning)));
  if (hasPaper || st.casework > 0) lines.push(W.waitingForAssessor(count(st.casework)));
  if (hasPaper || st['awaiting-evidence'] > 0) lines.push(W.waitingForEvidence(count(st['awaiting-evidence'])));
  if (hasPaper || st['in-post'] > 0) lines.push(W.lettersInPost(count(st['in-post'])));
  if (hasPaper || st.gathering > 0) lines.push(W.gathering(count(st.gathering)));
  for (const r of snap.roles) if (r.staff > 0) lines.push(W.busy(level.roles[r.id]?.label ?? r.label, count(r.busy), count(r.staff)));
  return lines;
}
