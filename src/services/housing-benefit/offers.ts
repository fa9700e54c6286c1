// The temptations of a housing-benefit run: gaming moves offered to the player one at a time as
// pressure builds (a red target before an inspection, a budget cut, a bad league position). The
// book is the engine's (src/engine/offerBook.ts); here it takes housing benefit's design, offers
// and pressures. Offers are raised by the sim's clock, and the player's answer is an `offer`
// action in the log.
import { OfferBook as EngineOfferBook, type OfferRecord as EngineOfferRecord, type OpenOfferOf } from '../../engine/offerBook';
import type { Offer, OfferPressure } from '../../levels/schema';
import type { Design } from './types';

export type OfferRecord = EngineOfferRecord<OfferPressure, Offer['from']>;

export type OpenOffer = OpenOfferOf<Offer, OfferPressure>;

export class OfferBook extends EngineOfferBook<Design, OfferPressure, Offer> {}
