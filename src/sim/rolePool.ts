import type { Calendar } from './calendar';
import { EventQueue } from './eventQueue';
import type { Channel, Claim, ContactReason, Need } from './types';

export type TaskKind = 'contact' | 'scan' | 'casework' | 'message' | 'rework';

/** A piece of work waiting for, or being done by, someone in a role. */
export interface Task {
  kind: TaskKind;
  need: Need;
  claim: Claim | null;
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
}

/** Contacts jump the queue (people are waiting), then messages, then casework. */
export const TASK_CLASS: Record<TaskKind, number> = { contact: 0, message: 1, rework: 2, scan: 2, casework: 2 };

/** A team of staff in one role: its queue of work, who is busy, and its time accounts. */
export class RolePool {
  readonly queue = new EventQueue<Task>();
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

  enqueue(task: Task, subKey: number): void {
    this.queue.push(TASK_CLASS[task.kind], subKey, task);
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
    this.staffedMinutes += this.staff * this.calendar.openMinutesBetween(this.lastStaffChange, now);
    this.lastStaffChange = now;
  }
}
