// The repairs line: tenants phone, hold for whoever answers (a call centre or repairs experts),
// hang up and try again; an answered call ends with someone sent, unless a visit is coming already.
import { Calendar } from '../../engine/calendar';
import { CALL_ANSWERED_WITHIN_MINUTES, FAILURE_REASON, type Reason } from './catalogue';
import { CallLog } from './callLog';
import type { Costs } from './costs';
import type { Jobs } from './jobs';
import type { CallSeen } from './model';
import type { Call, Fault } from './records';
import { keepRecent, type RunState } from './runState';
import { LINE_ROLES, type RoleId } from './schema';

/** A caller who has hung up this many times stops trying for now, and chases later. */
const MAX_TRIES = 3;

export class RepairsLine {
  /** Calls from day 0, whoever made them: by reason, and those whose caller hung up. */
  readonly calls = {
    byReason: { 'report-fault': 0, 'progress-chasing': 0, 'rebook-no-access': 0, 'still-broken': 0 } as Record<Reason, number>,
    unanswered: 0,
  };
  /** Every call from day 0, for a manager who studies demand. */
  readonly callLog = new CallLog();
  /** The newest calls, newest last. */
  readonly recentCalls: CallSeen[] = [];
  /** When the line is open. */
  readonly calendar: Calendar;
  /** Callers holding, in the order they rang (from queueHead on; a caller who hung up stays, done). */
  private readonly queue: Call[] = [];
  private queueHead = 0;
  /** Staff on a call. */
  private busy = 0;

  constructor(
    private readonly run: RunState,
    private readonly jobs: Jobs,
    private readonly costs: Costs,
  ) {
    this.calendar = new Calendar(run.level.lineHours);
  }

  /** Who answers the line: the role the design's front line is. */
  get role(): RoleId {
    return LINE_ROLES[this.run.design.frontLine];
  }

  /** The line at `now`: who answers it, how many are on a call, how many callers hold. */
  stateAt(now: number): { role: RoleId; staff: number; busy: number; holding: number; open: boolean } {
    let holding = 0;
    for (let i = this.queueHead; i < this.queue.length; i++) if (!this.queue[i]!.done) holding++;
    return { role: this.role, staff: this.run.staff[this.role], busy: this.busy, holding, open: this.calendar.isOpen(now) };
  }

  placeCall(fault: Fault, reason: Reason, now: number, tries = 0): void {
    const { level, events, tenants } = this.run;
    if (!this.calendar.isOpen(now)) {
      // The tenant phones at some time of the line's next open hours, not all at opening time.
      const opens = this.calendar.nextOpen(now);
      events.at(opens + tenants.uniform() * (this.calendar.closesAt(opens) - opens), { kind: 'call', fault, reason, tries });
      return;
    }
    if (reason === 'report-fault' && Number.isNaN(fault.reportedAt)) {
      fault.reportedAt = now;
      this.run.counts.reportedNow(fault);
    }
    // A tenant who reported a fault a tradesperson has since found and fixed does not call.
    if (reason === 'report-fault' && fault.found) return;
    fault.contacts++;
    if (FAILURE_REASON[reason]) fault.failureContacts++;
    if (now >= 0) {
      this.calls.byReason[reason]++;
      this.callLog.add(now, fault.id, reason, fault.trade);
    }
    const call: Call = { fault, reason, placedAt: now, hangUp: -1, done: false, tries: tries + 1 };
    if (this.busy < this.run.staff[this.role]) {
      this.answer(call, now);
    } else {
      call.hangUp = events.at(now + tenants.sample(level.tenants.holdMinutes), { kind: 'hang-up', call });
      this.queue.push(call);
    }
  }

  private answer(call: Call, now: number): void {
    const { level, tally, quarter } = this.run;
    call.done = true;
    this.run.events.cancel(call.hangUp);
    keepRecent(this.recentCalls, { at: now, faultId: call.fault.id, reason: call.reason, answered: true });
    const waited = now - call.placedAt;
    if (call.placedAt >= 0) {
      for (const t of [tally, quarter]) {
        t.callsOffered++;
        if (waited <= CALL_ANSWERED_WITHIN_MINUTES) t.callsIn20s++;
      }
    }
    this.busy++;
    const minutes = this.run.work.sample(this.run.design.frontLine === 'call-centre' ? level.times.callCentreCall : level.times.expertCall);
    this.run.events.at(now + minutes, { kind: 'call-end', call, minutes });
  }

  onHangUp(call: Call, now: number): void {
    call.done = true;
    keepRecent(this.recentCalls, { at: now, faultId: call.fault.id, reason: call.reason, answered: false });
    if (call.placedAt >= 0) {
      this.calls.unanswered++;
      this.run.tally.callsOffered++;
      this.run.quarter.callsOffered++;
    }
    if (call.tries < MAX_TRIES) {
      this.run.events.at(now + this.run.tenants.sample(this.run.level.tenants.retryMinutes), {
        kind: 'call',
        fault: call.fault,
        reason: call.reason,
        tries: call.tries,
      });
    } else if (Number.isNaN(call.fault.fixedAt)) {
      this.run.chaseLater(call.fault, now);
    }
  }

  /** Free staff answer the callers holding, first come first answered, while the line is open. */
  answerWaiting(now: number): void {
    while (this.busy < this.run.staff[this.role] && this.queueHead < this.queue.length && this.calendar.isOpen(now)) {
      const call = this.queue[this.queueHead++]!;
      if (!call.done) this.answer(call, now);
    }
    // Drop the answered and the hung-up from the front now and then, not on every call.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  onCallEnd(call: Call, minutes: number, now: number): void {
    this.busy--;
    if (now >= 0) this.costs.phone[FAILURE_REASON[call.reason] ? 'failure' : 'value'] += minutes / 60;
    const fault = call.fault;
    // Whatever the tenant phoned about, nobody coming means someone is sent: a job raised, or the open one booked.
    if (Number.isNaN(fault.fixedAt) && !fault.found) {
      this.jobs.sendSomeone(fault, now);
      this.run.chaseLater(fault, now);
    }
    this.answerWaiting(now);
  }
}
