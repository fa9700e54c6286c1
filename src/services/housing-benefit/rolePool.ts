import type { Calendar } from '../../engine/calendar';
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
  /** Minutes it is expected to take when queued, for a team that plans its day (not contacts). */
  expected: number;
  /** A waiting call or visit: the slot of the citizen's giving up waiting (-1: none), and whether they have gone. */
  hangUp: number;
  abandoned: boolean;
  /** The team whose queue it waits in, while it waits (queued). */
  pool: RolePool | null;
  queued: boolean;
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
  expected = 0;
  hangUp = -1;
  abandoned = false;
  pool: RolePool | null = null;
  queued = false;
}

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
 * A role's work waiting to start: contacts (people waiting), and the rest of the work (casework,
 * scanning, messages passed on, rework) in the order it came, except that work put back
 * (cherry-picking defers complicated claims) waits behind the rest. Within each line, first come,
 * first served: because sim time never runs backwards, each line is simply first in, first out,
 * and taking the next is O(1). A caller who hangs up stays in the line, gone, until reached;
 * size and contacts count only those still waiting.
 */
export class TaskQueue {
  private readonly contactLine = new Line<Task>();
  private readonly workLine = new Line<Task>();
  private readonly deferredLine = new Line<Task>();
  /** Contacts still in the line whose citizen has gone. */
  private gone = 0;
  size = 0;

  push(task: Task, deferred: boolean): void {
    const line = task.kind === 'contact' ? this.contactLine : deferred ? this.deferredLine : this.workLine;
    line.push(task);
    this.size++;
  }

  /** Calls and visitors still waiting. */
  get contacts(): number {
    return this.contactLine.size - this.gone;
  }

  /** A waiting contact's citizen has gone. */
  abandon(): void {
    this.gone++;
    this.size--;
  }

  /** Takes the next contact in the line (perhaps one whose citizen has gone); check contacts first. */
  popContact(): Task {
    const task = this.contactLine.shift();
    if (task.abandoned) this.gone--;
    else this.size--;
    return task;
  }

  /** Takes the next piece of other work; check that size exceeds contacts first. */
  popWork(): Task {
    this.size--;
    return this.workLine.size > 0 ? this.workLine.shift() : this.deferredLine.shift();
  }

  /** Empties the queue: every task in it, in line order (contacts, work, deferred work). */
  drain(): Task[] {
    const out: Task[] = [];
    for (const line of [this.contactLine, this.workLine, this.deferredLine]) while (line.size > 0) out.push(line.shift());
    this.size = 0;
    this.gone = 0;
    return out;
  }
}

/** A team of staff in one role: its queue of work, who is busy, and its time accounts. */
/** A team's time accounts at a moment: busy and paid staff-minutes, and where the paid time went. */
export interface RoleAccounts {
  busyMinutes: number;
  staffedMinutes: number;
  time: StaffTime;
}

export class RolePool {
  /** When this team's way of working last changed (null: settled): the learning dip runs from here. */
  learningSince: number | null = null;
  readonly queue = new TaskQueue();
  busy = 0;
  /** How many are on calls and visits now. */
  onContacts = 0;
  /** Minutes of work (not contacts) the team plans to take on today, and has taken (Infinity: no limit; see Simulation.planDay). */
  quota = Infinity;
  takenToday = 0;
  /** Minutes of work expected in the in-tray (see Task.expected). */
  inTrayMinutes = 0;
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

  /** Queues work; deferred work (cherry-picking puts complicated cases back) waits behind the rest. */
  enqueue(task: Task, deferred = false): void {
    if (task.kind !== 'contact') this.inTrayMinutes += task.expected;
    task.pool = this;
    task.queued = true;
    this.queue.push(task, deferred);
  }

  /**
   * The next task for someone who has come free. A team that takes both contacts and casework
   * keeps a front of frontShare of its people (at least one) for calls and visits and the rest
   * for casework, so that cases keep moving however many people ring, and callers are answered
   * however much casework waits; either side helps the other when its own work runs out, except
   * that the front is kept free for callers. frontShare 1: contacts first, casework when none wait.
   * Work beyond the day's plan (quota) waits for tomorrow. Check queue.size first.
   */
  next(frontShare: number): Task | null {
    const q = this.queue;
    const front = frontShare >= 1 ? this.staff : Math.max(1, Math.ceil(frontShare * this.staff));
    // While people wait, the back keeps to its share; while none do, all but one may do casework
    // (a team of one or two cannot keep anyone waiting for the phone).
    const back = frontShare >= 1 ? this.staff : q.contacts > 0 ? this.staff - front : this.staff > 2 ? this.staff - 1 : this.staff;
    const work = q.size > q.contacts && this.takenToday < this.quota && this.busy - this.onContacts < back;
    let task: Task;
    if (q.contacts > 0 && (!work || this.onContacts < front)) task = q.popContact();
    else if (work) {
      task = q.popWork();
      // Summed in floating point: back to exactly nothing when the in-tray empties.
      this.inTrayMinutes = q.size > q.contacts ? this.inTrayMinutes - task.expected : 0;
    } else return null;
    task.queued = false;
    task.pool = null;
    return task;
  }

  /** Minutes a piece of work takes at the normal pace, on average so far (30 before any). */
  get meanTaskMinutes(): number {
    return this.tasksEver > 0 ? this.normalMinutes / this.tasksEver : 30;
  }

  /**
   * How hard this team is pushed: its backlog in days of work at the normal pace. Under pressure
   * people cut corners (Oliva & Sterman, "Cutting corners and working overtime", 2001).
   */
  backlogDays(openMinutesPerDay: number): number {
    if (this.queue.size === 0 || openMinutesPerDay <= 0) return 0;
    const days = (this.queue.size * this.meanTaskMinutes) / (Math.max(1, this.staff) * openMinutesPerDay);
    // An office that works to an in-tray of so many days is pushed only by what is beyond it.
    return this.inTrayDays === null ? days : Math.max(0, days - this.inTrayDays);
  }

  /** The in-tray this team works to, in days (null: none, it works as fast as it can). */
  inTrayDays: number | null = null;

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

  /** Keeps the paid-minutes integral exact: call before staff changes. */
  noteStaff(now: number): void {
    this.time.paid(this.calendar, this.staff, this.lastStaffChange, now);
    this.staffedMinutes += this.staff * this.calendar.openMinutesBetween(this.lastStaffChange, now);
    this.lastStaffChange = now;
  }

  /**
   * The time accounts as they stand at `now`, the same sums noteBusy and noteStaff would make,
   * left unmade: reading a run (a report mid-run) never changes how it goes on.
   */
  accountsAt(now: number): RoleAccounts {
    const time = this.time.copy();
    time.paid(this.calendar, this.staff, this.lastStaffChange, now);
    return {
      busyMinutes: this.busyMinutes + this.busy * (now - this.lastBusyChange),
      staffedMinutes: this.staffedMinutes + this.staff * this.calendar.openMinutesBetween(this.lastStaffChange, now),
      time,
    };
  }
}
