// The temptations of a run, for any service: gaming moves offered to the player one at a time as
// pressure builds. An offer is raised by the run's own clock (the service checks its pressures at
// opening time each day and asks the book), so the game and the headless runner see the same ones;
// the player's answer is an action in the run's log, and an offer is answered once.
//
// Generic over the service's design record `D` (what an offer changes) and its pressures `P`
// (what makes a manager listen). No service's words here.

/** An offer as a level states it: who makes it, the design it brings, and when it comes up. */
export interface OfferSpec<D extends object, P extends string> {
  id: string;
  /** Who is asking (a service's own ids, e.g. a deputy or a consultant). */
  from: string;
  /** The design settings it changes when accepted. */
  design: Partial<D>;
  /** The pressures that bring it up, from `notBeforeDay` on. */
  when: readonly P[];
  notBeforeDay: number;
  /** By this day it comes up whatever the pressures. */
  latestDay: number;
}

/** What happened to an offer in a run. */
export interface OfferRecord<P extends string, F extends string = string> {
  id: string;
  from: F;
  /** The day it was put to the player (null: answered without being raised, e.g. in a hand-written log). */
  raisedDay: number | null;
  /** What made it come up: a pressure, or its latest day arriving. */
  reason: P | 'deadline' | null;
  answer: 'accepted' | 'declined' | null;
  answeredDay: number | null;
}

/** The offer waiting for an answer, with what made it come up. */
export type OpenOfferOf<O, P extends string> = O & { reason: P | 'deadline' | null };

export class OfferBook<D extends object, P extends string, O extends OfferSpec<D, P> = OfferSpec<D, P>> {
  private readonly records = new Map<string, OfferRecord<P, O['from']>>();

  constructor(private readonly offers: readonly O[]) {}

  /** The offer waiting for the player's answer, if any. */
  open(): O | null {
    for (const offer of this.offers) {
      const r = this.records.get(offer.id);
      if (r && r.raisedDay !== null && r.answer === null) return offer;
    }
    return null;
  }

  /**
   * A new day at opening time: put the next unanswered offer if its time has come, unless one is
   * already waiting for an answer. Offers come in the level's order; an offer whose design is
   * already in force is passed over (it may come up later, if the design changes back).
   */
  check(day: number, pressures: ReadonlySet<P>, design: Readonly<D>): O | null {
    if (this.open() !== null) return null;
    for (const offer of this.offers) {
      if (this.records.has(offer.id)) continue;
      if (inForce(offer.design, design)) continue;
      if (day < offer.notBeforeDay) return null;
      const pressure = offer.when.find((p) => pressures.has(p));
      if (pressure === undefined && day < offer.latestDay) return null;
      this.records.set(offer.id, { id: offer.id, from: offer.from, raisedDay: day, reason: pressure ?? 'deadline', answer: null, answeredDay: null });
      return offer;
    }
    return null;
  }

  /** The offer waiting for an answer, with what made it come up (a copy, for the player to read). */
  openWithReason(): OpenOfferOf<O, P> | null {
    const offer = this.open();
    return offer ? { ...offer, design: { ...offer.design }, when: [...offer.when], reason: this.records.get(offer.id)!.reason } : null;
  }

  /** The player's answer; returns the offer (null: there is no such offer). An offer is answered once. */
  answer(id: string, accept: boolean, day: number): O | null {
    const offer = this.offers.find((o) => o.id === id);
    if (!offer) return null;
    const r = this.records.get(id) ?? { id, from: offer.from, raisedDay: null, reason: null, answer: null, answeredDay: null };
    if (r.answer !== null) throw new Error(`offer "${id}" was answered already (on day ${Math.floor(r.answeredDay!)})`);
    r.answer = accept ? 'accepted' : 'declined';
    r.answeredDay = day;
    this.records.set(id, r);
    return offer;
  }

  /** Every offer raised or answered, in the level's order. */
  list(): OfferRecord<P, O['from']>[] {
    return this.offers.flatMap((o) => {
      const r = this.records.get(o.id);
      return r ? [{ ...r }] : [];
    });
  }
}

function inForce<D extends object>(change: Partial<D>, design: Readonly<D>): boolean {
  return (Object.keys(change) as (keyof D)[]).every((k) => design[k] === change[k]);
}
