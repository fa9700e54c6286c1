import type { Calendar } from './calendar';
import { StaffTime } from './staffTime';
import type { Channel, ContactReason } from './types';

export type TaskKind = 'contact' | 'scan' | 'casework' | 'message' | 'rework';

/** A piece of work waiting for, or being done by, someone in a role. */
export interface Task {
  kind: TaskKind;
  /** The need's id. */
  need: number;
  /** The claim's id, 0 for none. */
  claim: number;
  enqueuedAt: number;
  /** Contacts only. */
  channel: Channel;
  reason: ContactReason;
  /** Documents carried (contacts and scans). */
  items: number;
  /** Index of the contact this task answers, or -1. */
  contact: number;
  /** Set when the work starts: it ends in a decision (so its length matches its outcome). */
  decide: boolean;
  /** Failure work: handling failure demand, or the rework it brings. */
  failure: boolean;
}

/** A task's storage: the sim reuses them, so every one has the same shape. */
export class TaskRecord implements Task {
  kind: TaskKind = 'contact';
  need = 0;
  claim = 0;
  enqueuedAt = Number.NaN;
  channel: Channel = 'phone';
  reason: ContactReason = 'new-claim';
  items = 0;
  contact = -1;
  decide = false;
  failure = false;
}

/** Contacts jump the queue (people are waiting), then messages, then casework. */
export const TASK_CLASS: Record<TaskKind, number> = { contact: 0, message: 1, rework: 2, scan: 2, casework: 2 };

/** A first-in, first-out line: a ring buffer that grows by doubling. */
class Line<T> {
  private buf: (T | undefined)[] = new Array<T | undefined>(16).fill(undefined);
  private head = 0;
  size = 0;

  push(x: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  shift(): T {
    const x = this.buf[this.head]!;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  private grow(): void {
    const old = this.buf;
    const buf = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.size; i++) buf[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = buf;
    this.head = 0;
  }
}

/**
 * A role's work waiting to start, in the order it is taken: by class (contacts, then messages,
 * then casework), within a class the ordinary work before work put back (cherry-picking defers
 * hard or incomplete claims), and within each of those first come, first served. That is the
 * order of a priority queue keyed on (class, deferred, time queued, sequence): because sim time
 * never runs backwards, each line is simply first in, first out, and taking the next is O(1).
 */
export class TaskQueue {
  private readonly lines = [new Line<Task>(), new Line<Task>(), new Line<Task>(), new Line<Task>()];
  size = 0;

  push(task: Task, deferred: boolean): void {
    const kind = task.kind;
    // TASK_CLASS, spelt out: comparing interned strings is cheaper than a keyed look-up.
    const line = kind === 'contact' ? 0 : kind === 'message' ? 1 : deferred ? 3 : 2;
    this.lines[line]!.push(task);
    this.size++;
  }

  /** Takes the next task; check size first. */
  pop(): Task {
    const lines = this.lines;
    this.size--;
    for (let i = 0; i < 3; i++) if (lines[i]!.size > 0) return lines[i]!.shift();
    return lines[3]!.shift();
  }
}

/** A team of staff in one role: its queue of work, who is busy, and its time accounts. */
export class RolePool {
  /** When this team's way of working last changed (null: settled): the learning dip runs from here. */
  learningSince: number | null = null;
  readonly queue = new TaskQueue();
  busy = 0;
  /** Integral of busy staff over time (staff-minutes). */
  busyMinutes = 0;
  /** Integral of staff on duty over open hours (staff-minutes paid). */
  staffedMinutes = 0;
  waitTotal = 0;
  started = 0;
  /** Minutes of work started, at the normal pace: for the backlog estimate. */
  normalMinutes = 0;
  tasksEver = 0;
  /** Where the team's paid time goes, from day 0. */
  time = new StaffTime();
  private lastBusyChange = 0;
  private lastStaffChange = 0;

  constructor(
    readonly id: string,
    readonly label: string,
    readonly expert: boolean,
    readonly costPerHour: number,
    public staff: number,
    private readonly calendar: Calendar,
  ) {}

  /** Queues work; deferred work (cherry-picking puts hard cases back) waits behind the rest of its class. */
  enqueue(task: Task, deferred = false): void {
    this.queue.push(task, deferred);
  }

  /**
   * How hard this team is pushed: its backlog in days of work at the normal pace. Under pressure
   * people cut corners (Oliva & Sterman, "Cutting corners and working overtime", 2001).
   */
  backlogDays(openMinutesPerDay: number): number {
    if (this.queue.size === 0 || openMinutesPerDay <= 0) return 0;
    const meanTask = this.tasksEver > 0 ? this.normalMinutes / this.tasksEver : 30;
    return (this.queue.size * meanTask) / (Math.max(1, this.staff) * openMinutesPerDay);
  }

  /** Starts the time accounts afresh (at day 0, after the warm-up). */
  resetAccounts(now: number): void {
    this.busyMinutes = 0;
    this.staffedMinutes = 0;
    this.waitTotal = 0;
    this.started = 0;
    this.time = new StaffTime();
    this.lastBusyChange = now;
    this.lastStaffChange = now;
  }

  /** Keeps the busy integral exact: call before busy changes. */
  noteBusy(now: number): void {
    this.busyMinutes += this.busy * (now - this.lastBusyChange);
    this.lastBusyChange = now;
  }

  /** Keeps the paid-minutes integral exact: call before staff changes and at report time. */
  noteStaff(now: number): void {
    this.time.paid(this.calendar, this.staff, this.lastStaffChange, now);
    this.staffedMinutes += this.staff * this.calendar.openMinutesBetween(this.lastStaffChange, now);
    this.lastStaffChange = now;
  }
}
