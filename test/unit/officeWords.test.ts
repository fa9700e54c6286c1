// The office in words: what a screen reader hears of the picture is what the snapshot says.
import { describe, expect, it } from 'vitest';
import { officeInWords } from '../../src/office/officeWords';
import { createSim, DAY } from '../../src/services/housing-benefit';
import { count } from '../../src/ui/format';
import { level } from './helpers';

const MON_11 = 7 * DAY + 11 * 60;

describe('officeInWords', () => {
  it('housing benefit: the queues and every pile of paper, with the counts the snapshot has', () => {
    const hb = level('housing-benefit');
    const sim = createSim(hb, 1, 'deliverology');
    sim.advanceTo(MON_11);
    const snap = sim.snapshot();
    const lines = officeInWords(hb, snap);
    const value = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length);
    expect(value('Visitors waiting: ')).toBe(count(snap.visitorsWaiting));
    expect(value('Calls waiting: ')).toBe(count(snap.phonesWaiting));
    expect(value('Files to scan: ')).toBe(count(snap.stages.scanning));
    expect(value('Waiting for an assessor: ')).toBe(count(snap.stages.casework));
    expect(value('Waiting for evidence: ')).toBe(count(snap.stages['awaiting-evidence']));
    expect(lines[0]).toMatch(/open$/);
    expect(lines.some((l) => /^Benefit assessors?: \d+ of \d+ busy$/.test(l))).toBe(true);
  });

  it('the front desk: no paper, so no piles', () => {
    const fd = level('front-desk');
    const sim = createSim(fd, 1, 'deliverology');
    sim.advanceTo(MON_11);
    const lines = officeInWords(fd, sim.snapshot());
    expect(lines.some((l) => l.startsWith('Visitors waiting: '))).toBe(true);
    expect(lines.some((l) => /scan|assessor|evidence|post/i.test(l))).toBe(false);
  });
});
