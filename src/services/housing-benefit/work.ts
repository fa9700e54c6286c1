// The teams at work: whoever is free takes the next task from their queue while the office is
// open, it takes as long as it takes (faster under pressure, slower while a new way of working is
// learnt), and finishing it moves the case on. Tasks are recycled records: a run makes few.
import { DAY } from '../../engine/calendar';
import { objectArray } from '../../engine/objectArray';
import type { BackOffice } from './backOffice';
import { OPEN } from './claimTable';
import type { Context } from './context';
import type { FrontOffice } from './frontOffice';
import { J } from './journal';
import type { Management } from './management';
import { OPEN as NEED_OPEN } from './needTable';
import { type RolePool, type Task, type TaskKind, TaskRecord } from './rolePool';
import type { Channel, ContactReason } from './types';

/** A task's kind of work, as its index in WORK_KINDS (casework: whether it ends in a decision). */
function workKind(task: Task): number {
  switch (task.kind) {
    case 'contact':
      return 0;
    case 'scan':
      return 1;
    case 'casework':
      return task.decide ? 2 : 3;
    case 'message':
      return 4;
    case 'rework':
      return 5;
  }
}

export class Work {
  private readonly spareTasks: Task[] = objectArray();
  private front!: FrontOffice;
  private back!: BackOffice;

  constructor(
    private readonly ctx: Context,
    private readonly management: Management,
  ) {
    // Start with some spare tasks, so the hot paths rarely meet the rare one that makes them.
    for (let i = 0; i < 64; i++) this.spareTasks.push(new TaskRecord());
  }

  connect(front: FrontOffice, back: BackOffice): void {
    this.front = front;
    this.back = back;
  }

  /** A fresh (recycled) task. */
  task(kind: TaskKind, need: number, claim: number, channel: Channel, reason: ContactReason, items: number, contact: number, failure: boolean): Task {
    const task = this.spareTasks.pop() ?? new TaskRecord();
    task.kind = kind;
    task.need = need;
    task.claim = claim;
    task.enqueuedAt = this.ctx.now;
    task.channel = channel;
    task.reason = reason;
    task.items = items;
    task.contact = contact;
    task.decide = false;
    task.failure = failure;
    task.expected = 0;
    task.hangUp = -1;
    task.abandoned = false;
    task.queued = false;
    task.pool = null;
    return task;
  }

  /** Returns a finished or dropped task for reuse: nothing may hold it afterwards. */
  releaseTask(task: Task): void {
    task.need = 0;
    task.claim = 0;
    this.spareTasks.push(task);
  }

  /** Starts queued work while someone in the role is free and the office is open. */
  tryStart(role: RolePool): void {
    const ctx = this.ctx;
    const now = ctx.now;
    if (!ctx.spell.isOpen(now)) return;
    const management = this.management;
    while (role.busy < role.staff && role.queue.size > 0) {
      const task = role.next(management.takesBoth(role) ? ctx.level.teams.frontShare : 1);
      if (task === null) return;
      if (task.kind === 'contact') {
        if (task.abandoned) {
          this.releaseTask(task);
          continue;
        }
        if (task.hangUp >= 0) {
          ctx.events.cancel(task.hangUp);
          task.hangUp = -1;
        }
        this.front.answered(task);
      }
      if (this.isStale(task)) {
        this.releaseTask(task);
        continue;
      }
      if (task.kind === 'contact') role.onContacts++;
      const normal = this.taskMinutes(role, task);
      if (task.kind !== 'contact' && role.quota !== Infinity) role.takenToday += normal;
      role.normalMinutes += normal;
      role.tasksEver++;
      const minutes = (normal / this.pace(role)) * this.learning(role);
      role.time.work(now, workKind(task), task.failure, minutes);
      if (role === management.phoneRole && task.kind === 'contact') management.callDemand.handled(normal);
      const waited = now - task.enqueuedAt;
      role.waitTotal += waited;
      role.started++;
      if (task.kind === 'contact') this.front.noteContactWait(task, waited);
      role.noteBusy(now);
      role.busy++;
      ctx.schedule(now + minutes, { kind: 'task-done', role, task });
    }
  }

  /** Work for a citizen who has gone, or a claim that is closed, is dropped from the queue. */
  private isStale(task: Task): boolean {
    if (task.kind === 'scan') return false; // documents are scanned whether or not anyone still wants them
    const needs = this.ctx.needs;
    const keep = this.ctx.level.handoffs.messageKeepDays;
    if (needs.outcome[task.need] !== NEED_OPEN || (task.kind === 'message' && keep !== null && this.ctx.now - task.enqueuedAt > keep * DAY)) {
      if (task.kind === 'message') needs.messagePending[task.need] = 0;
      return true;
    }
    const claims = this.ctx.claims;
    if ((task.kind === 'casework' || task.kind === 'rework') && task.claim > 0 && claims.status[task.claim] !== OPEN) {
      claims.queued[task.claim] = 0;
      return true;
    }
    return false;
  }

  /** The minutes a task takes at a normal pace, drawn from the work stream (a contact's, by the front office). */
  private taskMinutes(role: RolePool, task: Task): number {
    const ctx = this.ctx;
    const w = ctx.dist;
    const r = ctx.work;
    switch (task.kind) {
      case 'contact':
        return this.front.contactMinutes(role, task);
      case 'scan':
        return r.draw(w.scan);
      case 'message':
        return r.draw(w.message);
      case 'rework': {
        const owner = this.management.designFor(task.need).caseOwner;
        if (ctx.journal !== null && !owner) ctx.note(task.need, J['file-picked-up'], task.claim);
        return r.draw(w.rework) + (owner ? 0 : r.draw(w.pickUpFile));
      }
      case 'casework': {
        const claim = task.claim;
        const decide = ctx.claims.readyToDecide(claim);
        task.decide = decide;
        const owner = this.management.designFor(task.need).caseOwner;
        if (ctx.journal !== null && !owner) ctx.note(task.need, J['file-picked-up'], claim);
        const pickUp = owner ? 0 : r.draw(w.pickUpFile);
        if (!decide) return pickUp + r.draw(w.request);
        return pickUp + r.draw(ctx.needs.hard[task.need] === 1 ? w.assessHard : w.assessEasy);
      }
    }
  }

  /**
   * Just after the way of working changes, experts are slower while they learn it: a dip that
   * fades linearly to nothing over the level's recovery time.
   */
  private learning(role: RolePool): number {
    if (!role.expert || role.learningSince === null) return 1;
    const t = this.ctx.level.transition;
    const left = 1 - (this.ctx.now - role.learningSince) / (t.recoverDays * DAY);
    if (left <= 0) {
      role.learningSince = null;
      return 1;
    }
    return 1 + t.dip * left;
  }

  /** Work speeds up as the backlog grows, up to a limit: corners cut. */
  pace(role: RolePool): number {
    const p = this.ctx.level.pressure;
    if (p.paceGain === 0) return 1;
    return Math.min(p.maxPace, 1 + p.paceGain * role.backlogDays(this.ctx.openMinutesPerDay));
  }

  /** A task is finished: its case moves on, and whoever did it takes the next. */
  onTaskDone(role: RolePool, task: Task): void {
    role.noteBusy(this.ctx.now);
    role.busy--;
    switch (task.kind) {
      case 'contact':
        role.onContacts--;
        this.front.finishContact(role, task, task.decide);
        break;
      case 'scan':
        this.back.scanned(task);
        break;
      case 'casework':
        this.back.finishCasework(task, task.decide);
        break;
      case 'rework':
        this.back.decide(task.claim);
        break;
      case 'message':
        this.ctx.needs.messagePending[task.need] = 0;
        break;
    }
    this.releaseTask(task);
    this.tryStart(role);
  }

  /**
   * After a change, work queued for a team that now has nobody goes where the design now sends
   * it: documents waiting for scanning clerks go to whoever scans now (filed straight to the claim
   * where one owner keeps it), and a pilot left without a team hands its citizens' calls and work
   * back to the usual flow.
   */
  handOverStrandedWork(): void {
    const management = this.management;
    const scan = management.scanRole;
    if (scan !== null && scan.staff === 0 && scan.queue.size > 0) {
      scan.inTrayMinutes = 0;
      for (const task of scan.queue.drain()) {
        const scanner = this.back.scannerFor(task.need);
        if (scanner !== null) {
          scanner.enqueue(task);
          continue;
        }
        this.ctx.claims.awaitingScan[task.claim]!--;
        this.back.fileDocuments(task.claim, task.items, false, task.failure);
        this.releaseTask(task);
      }
    }
    const pilot = management.pilotPool;
    if (pilot !== null && pilot.staff === 0 && pilot.queue.size > 0) {
      pilot.inTrayMinutes = 0;
      for (const task of pilot.queue.drain()) {
        if (task.abandoned) this.releaseTask(task);
        else if (task.kind === 'contact') this.front.frontRole(task.need, task.channel === 'phone' ? 'phone' : 'visit').enqueue(task);
        else management.casework.enqueue(task);
      }
    }
  }
}
