// The engine's offer book: gaming moves put one at a time, under pressure or by a latest day, each
// answered once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OfferBook, type OfferSpec } from '../../../src/engine/offerBook';

type Design = { a: boolean; b: boolean; c: string };
type Pressure = 'red' | 'cut';
type Offer = OfferSpec<Design, Pressure> & { from: 'deputy' | 'consultant' };

const OFFERS: Offer[] = [
  { id: 'one', from: 'deputy', design: { a: true }, when: ['red'], notBeforeDay: 10, latestDay: 30 },
  { id: 'two', from: 'consultant', design: { b: true }, when: ['cut'], notBeforeDay: 40, latestDay: 60 },
  { id: 'three', from: 'deputy', design: { c: 'x' }, when: [], notBeforeDay: 70, latestDay: 80 },
];
const HONEST: Design = { a: false, b: false, c: 'y' };
const none = new Set<Pressure>();
const red = new Set<Pressure>(['red']);

describe('the engine offer book', () => {
  it('puts nothing before notBeforeDay, then the first offer when its pressure holds', () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    expect(book.check(5, red, HONEST)).toBeNull();
    expect(book.check(10, none, HONEST)).toBeNull();
    expect(book.check(11, red, HONEST)?.id).toBe('one');
    expect(book.openWithReason()).toMatchObject({ id: 'one', from: 'deputy', reason: 'red' });
    expect(book.list()).toEqual([{ id: 'one', from: 'deputy', raisedDay: 11, reason: 'red', answer: null, answeredDay: null }]);
  });

  it('puts an offer by its latest day whatever the pressure, with "deadline" as the reason', () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    for (let day = 0; day < 30; day++) expect(book.check(day, none, HONEST)).toBeNull();
    expect(book.check(30, none, HONEST)?.id).toBe('one');
    expect(book.list()[0]!.reason).toBe('deadline');
  });

  it("keeps one open at a time, in the level's order: the next waits for the answer", () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    book.check(30, none, HONEST);
    // "two" is due by day 60, but "one" is still waiting for an answer.
    expect(book.check(61, new Set(['cut']), HONEST)).toBeNull();
    expect(book.open()?.id).toBe('one');
    book.answer('one', false, 61.5);
    expect(book.open()).toBeNull();
    expect(book.check(62, new Set(['cut']), HONEST)?.id).toBe('two');
    expect(book.list().map((r) => [r.id, r.answer])).toEqual([
      ['one', 'declined'],
      ['two', null],
    ]);
  });

  it('passes over an offer whose design is already in force', () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    expect(book.check(45, new Set(['cut']), { ...HONEST, a: true })?.id).toBe('two');
    expect(book.list().map((r) => r.id)).toEqual(['two']);
  });

  it('answers each offer once; an answer without the offer raised is kept with no raised day', () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    expect(book.answer('two', true, 3)?.design).toEqual({ b: true });
    expect(() => book.answer('two', false, 4)).toThrow(/answered already \(on day 3\)/);
    expect(book.answer('nowhere', true, 4)).toBeNull();
    expect(book.list()).toEqual([{ id: 'two', from: 'consultant', raisedDay: null, reason: null, answer: 'accepted', answeredDay: 3 }]);
    // An offer answered already is never put.
    expect(book.check(12, red, HONEST)?.id).toBe('one');
    book.answer('one', true, 12);
    expect(book.check(75, none, HONEST)).toBeNull();
    expect(book.check(80, none, HONEST)?.id).toBe('three');
  });

  it('gives copies: what a view holds cannot change the book', () => {
    const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
    book.check(30, none, HONEST);
    const open = book.openWithReason()!;
    open.design.a = false;
    (open.when as Pressure[]).push('cut');
    book.list()[0]!.answer = 'accepted';
    expect(OFFERS[0]!.design).toEqual({ a: true });
    expect(OFFERS[0]!.when).toEqual(['red']);
    expect(book.open()?.id).toBe('one');
  });

  it("whatever the pressures, designs and answers: one offer open at most, each raised and answered once, in the level's order", () => {
    const step = fc.record({ red: fc.boolean(), cut: fc.boolean(), a: fc.boolean(), b: fc.boolean(), answer: fc.constantFrom('none', 'yes', 'no') });
    fc.assert(
      fc.property(fc.array(step, { minLength: 90, maxLength: 90 }), (days) => {
        const book = new OfferBook<Design, Pressure, Offer>(OFFERS);
        days.forEach((d, day) => {
          const pressures = new Set<Pressure>([...(d.red ? ['red' as const] : []), ...(d.cut ? ['cut' as const] : [])]);
          const before = book.list();
          const raised = book.check(day, pressures, { ...HONEST, a: d.a, b: d.b });
          const after = book.list();
          // A new offer only when none was waiting, and only one a day.
          if (raised) expect(before.some((r) => r.answer === null && r.raisedDay !== null)).toBe(false);
          expect(after.length - before.length).toBe(raised ? 1 : 0);
          expect(after.filter((r) => r.answer === null && r.raisedDay !== null).length).toBeLessThanOrEqual(1);
          expect(after.map((r) => r.id)).toEqual(OFFERS.map((o) => o.id).filter((id) => after.some((r) => r.id === id)));
          const open = book.open();
          if (open && d.answer !== 'none') {
            book.answer(open.id, d.answer === 'yes', day + 0.5);
            expect(() => book.answer(open.id, true, day + 0.6)).toThrow(/answered already/);
            expect(book.open()).toBeNull();
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
