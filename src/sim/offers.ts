// The temptations of a run: gaming moves offered to the player one at a time as pressure builds
// (a red target before an inspection, a budget cut, a bad league position). Offers are raised
// here, by the sim's clock, so the game and the headless runner see the same ones; the player's
// answer is an action in the log (`offer`), and an answer stands whenever it is given.
import type { Offer, OfferPressure } from '../levels/schema';
import type { Design } from './types';

export interface OfferRecord {
  id: string;
  from: Offer['from'];
  /** The day it was put to the player (null: answered without being raised, e.g. in a hand-written log). */
  raisedDay: number | null;
  /** What made it come up: a pressure, or its latest day arriving. */
  reason: OfferPressure | 'deadline' | null;
  answer: 'accepted' | 'declined' | null;
  answeredDay: number | null;
}

export type OpenOffer = Offer & { reason: OfferRecord['reason'] };

export class OfferBook {
  private readonly records = new Map<string, OfferRecord>();

  constructor(private readonly offers: readonly Offer[]) {}

  /** The offer waiting for the player's answer, if any. */
  open(): Offer | null {
    for (const offer of this.offers) {
      const r = this.records.get(offer.id);
      if (r && r.raisedDay !== null && r.answer === null) return offer;
    }
    return null;
  }

  /**
   * A new morning: put the next unanswered offer if its time has come, unless one is already
   * waiting for an answer. An offer whose design is already in force is passed over.
   */
  check(day: number, pressures: ReadonlySet<OfferPressure>, design: Readonly<Design>): Offer | null {
    if (this.open() !== null) return null;
    for (const offer of this.offers) {
      if (this.records.has(offer.id)) continue;
      if (inForce(offer, design)) continue;
      if (day < offer.notBeforeDay) return null;
      const pressure = offer.when.find((p) => pressures.has(p));
      if (pressure === undefined && day < offer.latestDay) return null;
      this.records.set(offer.id, { id: offer.id, from: offer.from, raisedDay: day, reason: pressure ?? 'deadline', answer: null, answeredDay: null });
      return offer;
    }
    return null;
  }

  /** The offer waiting for an answer, with what made it come up (for the player to read). */
  openWithReason(): OpenOffer | null {
    const offer = this.open();
    return offer ? { ...offer, design: { ...offer.design }, when: [...offer.when], reason: this.records.get(offer.id)!.reason } : null;
  }

  /** The player's answer; returns the offer (null: the level has no such offer). An offer is answered once. */
  answer(id: string, accept: boolean, day: number): Offer | null {
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
  list(): OfferRecord[] {
    return this.offers.flatMap((o) => {
      const r = this.records.get(o.id);
      return r ? [{ ...r }] : [];
    });
  }
}

function inForce(offer: Offer, design: Readonly<Design>): boolean {
  return Object.entries(offer.design).every(([k, v]) => design[k as keyof Design] === v);
}
