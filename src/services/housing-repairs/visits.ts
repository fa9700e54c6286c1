// A tradesperson's visit: the fault fixed, or this trade's part of it done, or a failed visit
// (nobody in, the wrong trade, no parts) that the tenant has to phone about again unless the
// tradesperson owns the repair and books the return there and then.
import { DAY } from '../../engine/calendar';
import type { Reason, VisitFailure } from './catalogue';
import type { Costs } from './costs';
import type { Jobs } from './jobs';
import type { VisitSeen } from './model';
import type { Fault, Job } from './records';
import { keepRecent, type RunState } from './runState';

export class Visits {
  /** Visits from day 0 that fixed nothing, by why. */
  readonly visitFailures: Record<VisitFailure, number> = { 'no-access': 0, 'wrong-trade': 0, 'no-parts': 0 };
  /** Repairs done from day 0: reported, found and inherited faults alike. */
  repairsDone = 0;
  /** The newest visits, newest last. */
  readonly recentVisits: VisitSeen[] = [];

  constructor(
    private readonly run: RunState,
    private readonly jobs: Jobs,
    private readonly costs: Costs,
  ) {}

  onVisit(job: Job, now: number): void {
    const { level, design, work } = this.run;
    const fault = job.fault;
    this.jobs.visitMade(job);
    fault.visits++;
    const travel = work.sample(level.times.travel);
    const noAccess = design.appointments === 'windows-to-target' ? level.tenants.noAccessWindow : level.tenants.noAccessExact;
    let failure: VisitFailure | null = null;
    if (this.run.visits.chance(noAccess)) failure = 'no-access';
    else if (job.trade !== fault.trade) failure = 'wrong-trade';
    else if (!job.partsRight) failure = 'no-parts';
    keepRecent(this.recentVisits, {
      at: now,
      faultId: fault.id,
      trade: job.trade,
      outcome: failure ?? (fault.followOn >= 0 && job.together < 0 ? 'part-done' : 'fixed'),
    });
    if (failure === null) {
      const minutes = travel + work.sample(level.times.fix) + (job.together >= 0 ? travel + work.sample(level.times.fix) : 0);
      if (now >= 0) this.costs.trades.value += minutes / 60;
      this.jobs.closeJob(job, now);
      if (design.tradesperson === 'owns-the-repair') this.askWhatElse(fault, job, now);
      if (fault.followOn >= 0 && job.together < 0) {
        // This trade's part is done; the fault is not fixed until the next trade has done theirs.
        fault.trade = fault.followOn;
        fault.followOn = -1;
        fault.known = true;
        fault.job = null;
        this.jobs.raiseJob(fault, now);
        this.run.chaseLater(fault, now);
        return;
      }
      this.fix(fault, now);
      return;
    }
    if (now >= 0) {
      this.costs.trades.failure += (travel + work.sample(level.times.failedVisit)) / 60;
      this.visitFailures[failure]++;
    }
    if (failure !== 'no-access') {
      // Someone has looked: a job kept open now goes to the right trade, with the parts it was found to need.
      fault.known = true;
      job.trade = fault.trade;
      job.partsRight = !fault.needsParts || this.run.diagnosis.chance(level.diagnosis.afterLook.rightParts);
    }
    if (failure === 'no-parts') fault.partsFrom = now + work.sample(level.times.partsDays) * DAY;
    if (design.closeAndReraise) {
      this.jobs.closeJob(job, now);
      fault.job = null;
    }
    if (design.tradesperson === 'owns-the-repair') {
      // The tradesperson books the return there and then (or phones the tenant who was out).
      this.jobs.sendSomeone(fault, now);
    } else if (!fault.job?.booked) {
      // Job by job, nobody comes back until the tenant phones again.
      this.run.counts.move(fault, 'waiting-for-call-back');
      const reason: Reason = failure === 'no-access' ? 'rebook-no-access' : 'still-broken';
      this.run.events.at(now + this.run.tenants.sample(level.tenants.callBackDays) * DAY, { kind: 'call', fault, reason, tries: 0 });
    }
    this.run.chaseLater(fault, now);
  }

  private fix(fault: Fault, now: number): void {
    this.run.counts.move(fault, 'fixed');
    this.run.counts.fixedNow(fault);
    fault.fixedAt = now;
    fault.fixedAtFirstVisit = fault.visits <= 1;
    this.run.events.cancel(fault.chase);
    fault.chase = -1;
    if (now >= 0) {
      this.repairsDone++;
      if (fault.needsParts) this.costs.partsFitted();
    }
  }

  /** "Anything else that needs fixing?": a second fault is found now, not reported weeks later. */
  private askWhatElse(fault: Fault, job: Job, now: number): void {
    const other = fault.other;
    fault.other = null;
    if (!other || other.reportEvent === -1) return;
    this.run.events.cancel(other.reportEvent);
    other.reportEvent = -1;
    other.found = true;
    other.foundAt = now;
    this.run.counts.foundNow(now);
    other.known = true;
    const partsOnVan = !other.needsParts || this.run.diagnosis.chance(this.run.level.diagnosis.afterLook.rightParts);
    if (other.trade === job.trade && partsOnVan) {
      if (now >= 0) this.costs.trades.value += this.run.work.sample(this.run.level.times.fix) / 60;
      this.fix(other, now);
    } else {
      this.jobs.raiseJob(other, now);
    }
  }
}
