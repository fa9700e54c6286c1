// Jobs: raised for a fault (to the trade and parts the diagnosis says), booked into the trades'
// diaries, and closed when a visit ends them; the dashboard counts a job closed within its target.
import { DAY, type OpeningHours } from '../../engine/calendar';
import { meanOf } from '../../engine/random';
import type { Costs } from './costs';
import { bookTogether, Diary } from './diary';
import type { Fault, Job } from './records';
import type { RunState } from './runState';
import { PRIORITIES, type RepairsLevel, TRADE_ROLES, TRADES } from './schema';

/** Re-coding a job (index into PRIORITIES): urgent to routine, routine to planned; emergencies and planned work stay. */
const RECODED_TO: Readonly<Record<number, number>> = {
  [PRIORITIES.indexOf('urgent')]: PRIORITIES.indexOf('routine'),
  [PRIORITIES.indexOf('routine')]: PRIORITIES.indexOf('planned'),
};

function hoursOf(h: RepairsLevel['tradeHours']): OpeningHours {
  return h === 'always' ? { days: [0, 1, 2, 3, 4, 5, 6], open: 0, close: DAY } : h;
}

export class Jobs {
  /** Visits booked and still to come, by trade (index into TRADES). */
  readonly booked: number[] = TRADES.map(() => 0);
  private readonly diaries: Diary[];
  /** Jobs no diary had room for: tried again when the staff or the design change. */
  private unbooked: Job[] = [];
  private readonly hours: OpeningHours;
  /** A visit's minutes in the diary: the mean travel and fix. */
  private readonly bookingMinutes: number;

  constructor(
    private readonly run: RunState,
    private readonly costs: Costs,
  ) {
    const level = run.level;
    this.hours = hoursOf(level.tradeHours);
    this.diaries = TRADES.map(() => new Diary(this.hours, -level.warmUpDays));
    this.bookingMinutes = meanOf(level.times.travel) + meanOf(level.times.fix);
  }

  /** Makes sure a visit is coming: the open job booked if it is not, or (none open) a new one raised. */
  sendSomeone(fault: Fault, now: number): void {
    const job = fault.job;
    if (job === null || !job.open) this.raiseJob(fault, now);
    else if (!job.booked) this.book(job, now);
  }

  raiseJob(fault: Fault, now: number): void {
    const { level, design, diagnosis } = this.run;
    const priority = PRIORITIES[fault.priority]!;
    let trade = fault.trade;
    let partsRight = true;
    // Is the second trade seen to be needed? Once someone who knows has looked, or an adviser who knows repairs asks.
    let seesFollowOn = fault.known;
    if (fault.known) {
      if (fault.needsParts) partsRight = diagnosis.chance(level.diagnosis.afterLook.rightParts);
    } else {
      const d = level.diagnosis[design.frontLine];
      if (!diagnosis.chance(d.rightTrade)) trade = (fault.trade + diagnosis.int(1, TRADES.length - 1)) % TRADES.length;
      if (fault.needsParts) partsRight = diagnosis.chance(d.rightParts);
      if (fault.followOn >= 0 && design.frontLine === 'repairs-expert') seesFollowOn = trade === fault.trade;
    }
    // Job by job, each trade gets a job of its own; a tradesperson who owns the repair brings the other trade along.
    const together = fault.followOn >= 0 && seesFollowOn && design.tradesperson === 'owns-the-repair' ? fault.followOn : -1;
    const job: Job = {
      fault,
      raisedAt: now,
      priority: fault.priority,
      targetAt: now + level.demand.priorities[priority].targetDays * DAY,
      trade,
      together,
      partsRight,
      open: true,
      booked: false,
    };
    fault.jobs++;
    fault.job = job;
    this.book(job, now);
  }

  /** Books the job's next visit: to its target date, or at the time the tenant asks for. */
  private book(job: Job, now: number): void {
    const { level, design, staff } = this.run;
    const fault = job.fault;
    const emergency = PRIORITIES[job.priority] === 'emergency';
    let earliest = now;
    if (!emergency) {
      if (design.appointments === 'windows-to-target') earliest = Math.max(now, job.raisedAt + level.bookAtShareOfTarget * (job.targetAt - job.raisedAt));
      else earliest = now + this.run.tenants.sample(level.tenants.preferredDays) * DAY;
    }
    earliest = Math.max(earliest, fault.partsFrom);
    const hours = this.hours;
    // An emergency is seen today if there is room; anything else from the first working day that starts after its earliest time.
    const soonest = Math.ceil((Math.max(now, fault.partsFrom) - hours.open) / DAY);
    let firstDay = emergency ? Math.floor(earliest / DAY) : Math.ceil((earliest - hours.open) / DAY);
    let backTo = firstDay;
    if (!emergency && design.appointments === 'windows-to-target') {
      // Planned to the target: on the last working day that ends before it, or the latest day before that with room.
      const last = Math.floor((job.targetAt - hours.close) / DAY);
      if (last >= soonest) {
        firstDay = Math.min(firstDay, last + 1);
        backTo = soonest;
      }
    }
    const trades = job.together >= 0 ? [job.trade, job.together] : [job.trade];
    const diaries = trades.map((t) => ({ diary: this.diaries[t]!, staff: staff[TRADE_ROLES[TRADES[t]!]] }));
    // An emergency is squeezed in (the day runs over); everything else waits for room in the diary.
    const day = emergency ? bookTogether(diaries, firstDay, this.bookingMinutes, true) : bookTogether(diaries, firstDay, this.bookingMinutes, false, backTo);
    if (day === null) {
      this.run.counts.move(fault, 'unbooked');
      this.unbooked.push(job);
      return;
    }
    const at = Math.max(this.diaries[job.trade]!.startOf(day, this.run.visits.uniform()), now + 60);
    if (design.reclassify && at > job.targetAt && RECODED_TO[job.priority] !== undefined) {
      // The gaming move: a job about to miss its target is re-coded to the next longer priority,
      // its target counted again from when it was raised.
      const recode = () => {
        job.priority = RECODED_TO[job.priority]!;
        job.targetAt = job.raisedAt + level.demand.priorities[PRIORITIES[job.priority]!].targetDays * DAY;
      };
      recode();
      if (design.appointments === 'windows-to-target') {
        // Work planned to the target is planned again, to the longer one: the visit comes later
        // (and is re-coded once more if even that one would be missed).
        for (const d of diaries) d.diary.release(day, this.bookingMinutes);
        this.book(job, now);
        return;
      }
      // The time the tenant chose stands: only the label changes, as far as it takes.
      while (at > job.targetAt && RECODED_TO[job.priority] !== undefined) recode();
    }
    this.run.counts.move(fault, 'booked');
    job.booked = true;
    this.booked[job.trade]!++;
    this.run.events.at(at, { kind: 'visit', job });
  }

  /** Tries again the jobs no diary had room for (after the staff or the design change). */
  bookUnbooked(now: number): void {
    const jobs = this.unbooked;
    this.unbooked = [];
    for (const job of jobs) if (job.open) this.book(job, now);
  }

  /** Closes the job (a visit has ended it): the dashboard counts it from day 0, within its target or not. */
  closeJob(job: Job, now: number): void {
    job.open = false;
    if (now < 0) return;
    const inTarget = now <= job.targetAt;
    for (const t of [this.run.tally, this.run.quarter]) {
      t.jobsClosed++;
      if (inTarget) t.jobsInTarget++;
      t.jobDays += (now - job.raisedAt) / DAY;
    }
    this.costs.jobClosed();
  }

  /** The booked visit has come: the job is booked no longer. */
  visitMade(job: Job): void {
    job.booked = false;
    this.booked[job.trade]!--;
  }
}
