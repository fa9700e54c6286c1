// What the parts of a repairs run share: the level, the event list, how the service is run now,
// the dashboard's tallies, the views' counts, and the random streams more than one part draws on.
// One object, so that a redesign or a new quarter is seen at once by the line, the bookings and the visits.
import { DAY } from '../../engine/calendar';
import { Stream } from '../../engine/random';
import { Scheduler } from '../../engine/scheduler';
import type { Regime } from '../../engine/service';
import type { Reason } from './catalogue';
import { FaultCounts } from './faultCounts';
import type { Call, Fault, Job } from './records';
import type { RepairsDesign, RepairsLevel, RoleId } from './schema';
import { emptyTally, type Tally } from './tally';

export type RepairsEvent =
  | { kind: 'arrival' }
  | { kind: 'call'; fault: Fault; reason: Reason; tries: number }
  | { kind: 'hang-up'; call: Call }
  | { kind: 'call-end'; call: Call; minutes: number }
  | { kind: 'visit'; job: Job }
  | { kind: 'chase'; fault: Fault }
  | { kind: 'report'; fault: Fault }
  | { kind: 'inspection' }
  | { kind: 'opens' };

/** The newest visits and calls kept for views (a van going out, a phone ringing). */
const RECENT = 40;

export class RunState {
  readonly events = new Scheduler<RepairsEvent>();
  /** The faults as the views count them, kept up to date as they change. */
  readonly counts = new FaultCounts();
  /** The dashboard's counts over the whole run, and over this quarter (begun afresh at each inspection). */
  readonly tally: Tally = emptyTally();
  quarter: Tally = emptyTally();
  /** How the service is run now: the manager's actions change it, and each part reads it when it acts. */
  design: RepairsDesign;
  readonly staff: Record<RoleId, number>;
  // Named streams: the same tenants meet every design; how work goes has streams of its own.
  readonly tenants: Stream;
  readonly diagnosis: Stream;
  readonly visits: Stream;
  readonly work: Stream;

  constructor(
    readonly level: RepairsLevel,
    seed: number,
    regime: Regime,
  ) {
    this.design = { ...level.regimes[regime].design };
    this.staff = { ...level.regimes[regime].staff };
    this.tenants = new Stream(seed, 'repairs/tenants');
    this.diagnosis = new Stream(seed, 'repairs/diagnosis');
    this.visits = new Stream(seed, 'repairs/visits');
    this.work = new Stream(seed, 'repairs/work');
  }

  /** A tenant still waiting will phone to chase after a while: the one chase to come, replacing any earlier. */
  chaseLater(fault: Fault, now: number): void {
    this.events.cancel(fault.chase);
    fault.chase = this.events.at(now + this.tenants.sample(this.level.tenants.chaseDays) * DAY, { kind: 'chase', fault });
  }
}

/** Adds an item to a view's list of the newest, dropping the oldest beyond RECENT. */
export function keepRecent<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.shift();
}
