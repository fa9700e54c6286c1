// What the repairs model keeps of each fault, the jobs raised for it, and each call about it.
import type { Reason, Stage } from './catalogue';

/** A tenant's fault: the real demand. Reported by a phone call, or found by a tradesperson who asked. */
export interface Fault {
  id: number;
  /** The trade the fault needs now (index into TRADES), and the one it needs after (-1: none). */
  trade: number;
  followOn: number;
  /** Index into PRIORITIES. */
  priority: number;
  needsParts: boolean;
  /** When the tenant first phoned about it (NaN: not yet, or never: found on a visit). */
  reportedAt: number;
  /** Found by a tradesperson who asked what else needed fixing. */
  found: boolean;
  foundAt: number;
  /** When it was fixed (NaN while it is not). */
  fixedAt: number;
  visits: number;
  fixedAtFirstVisit: boolean;
  jobs: number;
  contacts: number;
  failureContacts: number;
  /** A tradesperson has looked at it: its trade and its parts are known. */
  known: boolean;
  /** Parts ordered after a look come in at this time. */
  partsFrom: number;
  job: Job | null;
  /** The tenant's next chase (a scheduler handle, -1: none). */
  chase: number;
  /** A second fault in the same home that the tenant has not reported yet (null: none left). */
  other: Fault | null;
  /** The tenant's own report of this fault, while it is still to come (-1: none). */
  reportEvent: number;
  stage: Stage;
}

/** A job raised for a fault: what the tradesperson is sent to do, against its target time. */
export interface Job {
  fault: Fault;
  raisedAt: number;
  /** The job's priority (index into PRIORITIES): the fault's, unless the job was re-coded. */
  priority: number;
  targetAt: number;
  trade: number;
  /** The follow-on trade booked to come along on the same visit (-1: none). */
  together: number;
  partsRight: boolean;
  open: boolean;
  /** A visit is booked and still to come. */
  booked: boolean;
}

export interface Call {
  fault: Fault;
  reason: Reason;
  placedAt: number;
  hangUp: number;
  done: boolean;
  /** Tries so far at getting through with this call. */
  tries: number;
}
