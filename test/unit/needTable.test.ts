import { describe, expect, it } from 'vitest';
import { ABANDONED, MET, NeedTable, STAGE, TOLD } from '../../src/services/housing-benefit/needTable';

describe('NeedTable: needs by column', () => {
  it('gives ids from 1 in order, starts each need open, guessing, with no claim, and reads a row back as a Need', () => {
    const t = new NeedTable();
    expect(t.add(10, true, 3, true, false, 500)).toBe(1);
    expect(t.add(20, false, 0, false, true, Infinity)).toBe(2);
    expect(t.get(1)).toEqual({
      id: 1,
      arrivedAt: 10,
      firstChannel: 'visit',
      required: 3,
      hard: true,
      bringsEvidence: false,
      givesUpAt: 500,
      outcome: 'open',
      closedAt: Infinity,
      knows: 'guessing',
      claim: 0,
      claims: 0,
      contacts: 0,
      failureContacts: 0,
      submissions: 0,
      waitingOnCouncil: false,
      stage: 'first-contact',
      pilot: false,
    });
    t.outcome[2] = MET;
    t.closedAt[2] = 99;
    t.knows[2] = TOLD;
    t.stage[2] = STAGE.met;
    expect(t.get(2)).toMatchObject({ firstChannel: 'phone', outcome: 'met', closedAt: 99, knows: 'told', stage: 'met', bringsEvidence: true });
    expect(t.list().map((n) => n.id)).toEqual([1, 2]);
  });

  it('answers null for ids it does not hold', () => {
    const t = new NeedTable();
    t.add(0, false, 1, false, false, 1);
    for (const id of [0, -1, 2, 1.5, Number.NaN]) expect(t.get(id)).toBeNull();
  });

  it('keeps every row as it grows past its first size', () => {
    const t = new NeedTable();
    for (let i = 1; i <= 5000; i++) {
      const id = t.add(i, i % 2 === 0, i % 9, false, true, i * 2);
      t.contacts[id] = i;
      if (i % 3 === 0) t.outcome[id] = ABANDONED;
    }
    expect(t.count).toBe(5000);
    for (const i of [1, 1023, 1024, 1025, 4096, 5000]) {
      expect(t.get(i)).toMatchObject({ arrivedAt: i, contacts: i, required: i % 9, givesUpAt: i * 2, outcome: i % 3 === 0 ? 'abandoned' : 'open' });
    }
  });
});
