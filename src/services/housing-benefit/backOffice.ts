// The back office: claims opened, documents scanned and filed, casework queued and planned,
// evidence asked for, what the evidence says confirmed by landlords and employers, decisions made
// (some wrong) and paid, and claims closed as nil-qualifying when the evidence comes too late.
import { DAY } from '../../engine/calendar';
import { meanOf } from '../../engine/random';
import type { Citizens } from './citizens';
import { CONFIRMED_ASKED, CONFIRMED_NO, CONFIRMED_YES, DECIDED, NIL_QUALIFIED, OPEN } from './claimTable';
import { CAUSE } from './contactLog';
import type { Context } from './context';
import { J } from './journal';
import type { Management } from './management';
import { OPEN as NEED_OPEN, STAGE, TOLD } from './needTable';
import type { Post } from './post';
import type { RolePool, Task, TaskKind } from './rolePool';
import type { Work } from './work';

export class BackOffice {
  /** Mean minutes of the back office's kinds of work, for planning a day. */
  private readonly means: { pickUpFile: number; request: number; assessEasy: number; assessHard: number; rework: number; message: number; scan: number };
  private citizens!: Citizens;
  private post!: Post;

  constructor(
    private readonly ctx: Context,
    private readonly management: Management,
    private readonly work: Work,
  ) {
    const w = ctx.level.work;
    this.means = {
      pickUpFile: meanOf(w.pickUpFile),
      request: meanOf(w.request),
      assessEasy: meanOf(w.assessEasy),
      assessHard: meanOf(w.assessHard),
      rework: meanOf(w.rework),
      message: meanOf(w.message),
      scan: meanOf(w.scan),
    };
  }

  connect(citizens: Citizens, post: Post): void {
    this.citizens = citizens;
    this.post = post;
  }

  /** Who does a need's casework: the pilot team for a pilot need. */
  caseRole(need: number): RolePool {
    const m = this.management;
    return m.inPilot(need) ? m.pilotPool! : m.casework;
  }

  /**
   * Who scans a need's documents into the workflow: the scanning clerks, or with none on the
   * books the assessors themselves; nobody where one owner keeps the case (nor for a pilot need).
   */
  scannerFor(need: number): RolePool | null {
    const m = this.management;
    const scan = m.scanRole;
    if (scan === null || m.design.caseOwner || m.inPilot(need)) return null;
    return scan.staff > 0 ? scan : m.casework;
  }

  /**
   * A back office managed to a target plans the day in hours of work: the share of its in-tray's
   * expected hours that clears it in the regime's in-tray days. Work put back (cherry-picking)
   * gets whatever hours the rest leaves.
   */
  planDay(): void {
    const role = this.management.casework;
    role.takenToday = 0;
    role.quota = role.inTrayDays === null ? Infinity : role.inTrayMinutes / role.inTrayDays;
  }

  openClaim(need: number, owned: boolean): number {
    const ctx = this.ctx;
    const claim = ctx.claims.open(need, ctx.now, ctx.needs.required[need] === 0 ? ctx.now : Number.NaN, owned && this.management.designFor(need).caseOwner);
    ctx.needs.claim[need] = claim;
    ctx.needs.claims[need]!++;
    if (ctx.journal !== null) ctx.note(need, J['claim-opened'], claim);
    return claim;
  }

  /** Documents handed in or posted reach the claim: through scanning, or straight to the owner. */
  receiveDocuments(need: number, items: number, byExpert: boolean, failure: boolean): void {
    const needs = this.ctx.needs;
    // Documents for a claim closed as incomplete make no new claim: the citizen must apply again.
    if (needs.mustReapply[need] === 1) return;
    const claim = needs.claim[need]! > 0 ? needs.claim[need]! : this.openClaim(need, byExpert);
    if (byExpert || this.ctx.claims.ownedByExpert[claim] === 1) this.fileDocuments(claim, items, false, failure);
    else this.sendOnDocuments(claim, items, failure);
  }

  sendOnDocuments(claim: number, items: number, failure: boolean): void {
    const need = this.ctx.claims.needOf[claim]!;
    const scanner = this.scannerFor(need);
    if (scanner !== null) {
      this.ctx.claims.awaitingScan[claim]!++;
      this.queueWork(scanner, 'scan', need, claim, failure, items);
      this.ctx.needs.setStage(need, STAGE.scanning);
    } else {
      // Nobody scans: filed straight to the claim (fileDocuments sets where it is now).
      this.fileDocuments(claim, items, false, failure);
    }
  }

  /** Documents scanned into the workflow go on file (some lost on the way). */
  scanned(task: Task): void {
    const ctx = this.ctx;
    ctx.claims.awaitingScan[task.claim]!--;
    if (ctx.journal !== null) ctx.note(task.need, J.scanned, task.claim);
    this.fileDocuments(task.claim, task.items, true, task.failure);
  }

  /**
   * Puts documents on file (some lost in a handoff) and queues the claim for casework: failure
   * work when the documents came with failure demand.
   */
  fileDocuments(claim: number, items: number, handedOff: boolean, failure: boolean, queue = true): void {
    const ctx = this.ctx;
    const claims = ctx.claims;
    const needs = ctx.needs;
    const need = claims.needOf[claim]!;
    let kept = items;
    if (handedOff) {
      for (let i = 0; i < items; i++) if (ctx.work.chance(ctx.level.handoffs.itemLost)) kept--;
      if (kept < items) needs.lostSinceRequest[need] = 1;
      if (ctx.journal !== null) for (let i = kept; i < items; i++) ctx.note(need, J['item-lost'], claim);
    }
    if (claims.status[claim] !== OPEN) return; // documents for a closed claim go nowhere
    const received = Math.min(needs.required[need]!, claims.received[claim]! + kept);
    claims.received[claim] = received;
    if (!claims.isComplete(claim) && received >= needs.required[need]!) claims.completeAt[claim] = ctx.now;
    if (!queue) return;
    if (claims.queued[claim] === 0) this.queueWork(this.caseRole(need), 'casework', need, claim, failure);
    needs.setStage(need, STAGE.casework);
  }

  queueWork(role: RolePool, kind: TaskKind, need: number, claim: number, failure: boolean, items = 0): void {
    const ctx = this.ctx;
    const task = this.work.task(kind, need, claim, 'letter', 'send-evidence', items, -1, failure);
    task.expected = this.expectedMinutes(kind, need, claim);
    if (kind === 'casework' && claim > 0) ctx.claims.queued[claim] = 1;
    if (ctx.journal !== null) {
      const step =
        kind === 'scan'
          ? J['queued-for-scanning']
          : kind === 'casework'
            ? J['queued-for-casework']
            : kind === 'rework'
              ? J['queued-for-rework']
              : J['message-passed'];
      ctx.note(need, step, claim);
    }
    // Cherry-picking: work on a complicated claim is put back behind the simple ones; otherwise
    // first come, first served.
    const deferred = kind === 'casework' && this.management.designFor(need).cherryPick && ctx.needs.hard[need] === 1;
    role.enqueue(task, deferred);
    this.work.tryStart(role);
  }

  /** The minutes a piece of back-office work is expected to take, from the level's means, as a planner would. */
  private expectedMinutes(kind: TaskKind, need: number, claim: number): number {
    const m = this.means;
    const pickUp = this.management.designFor(need).caseOwner ? 0 : m.pickUpFile;
    switch (kind) {
      case 'casework': {
        return pickUp + (!this.ctx.claims.readyToDecide(claim) ? m.request : this.ctx.needs.hard[need] === 1 ? m.assessHard : m.assessEasy);
      }
      case 'rework':
        return pickUp + m.rework;
      case 'message':
        return m.message;
      case 'scan':
        return m.scan;
      case 'contact':
        return 0;
    }
  }

  finishCasework(task: Task, decide: boolean): void {
    const claims = this.ctx.claims;
    const claim = task.claim;
    claims.queued[claim] = 0;
    if (claims.status[claim] !== OPEN) return;
    if (decide) return this.decide(claim);
    if (claims.isComplete(claim)) return this.requestConfirmation(claim);
    this.requestEvidence(claim);
  }

  /**
   * The citizen's evidence is all in: what it says (the rent, the wages) must be confirmed by the
   * landlord or employer. The back office writes and waits for their reply by post; an owner who
   * pulls evidence phones them. Meanwhile the citizen hears nothing.
   */
  private requestConfirmation(claim: number): void {
    const ctx = this.ctx;
    const claims = ctx.claims;
    if (claims.confirmed[claim] !== CONFIRMED_NO) return;
    claims.confirmed[claim] = CONFIRMED_ASKED;
    const need = claims.needOf[claim]!;
    if (ctx.journal !== null) ctx.note(need, J['confirmation-requested'], claim);
    let days: number;
    if (claims.ownedByExpert[claim] === 1 && this.management.designFor(need).pullEvidence) days = ctx.citizen.draw(ctx.dist.confirmPulled);
    else days = this.post.roundTrip(ctx.dist.confirmReply);
    ctx.schedule(ctx.now + days * DAY, { kind: 'confirmed', claim });
  }

  /** The landlord's or employer's answer is in: on file (through scanning in a split office), the claim goes back for a decision. */
  onConfirmed(claim: number): void {
    const ctx = this.ctx;
    const claims = ctx.claims;
    claims.confirmed[claim] = CONFIRMED_YES;
    const need = claims.needOf[claim]!;
    if (claims.status[claim] !== OPEN || ctx.needs.outcome[need] !== NEED_OPEN) return;
    if (ctx.journal !== null) ctx.note(need, J['confirmation-received'], claim);
    if (claims.ownedByExpert[claim] === 1) this.fileDocuments(claim, 0, false, false);
    else this.sendOnDocuments(claim, 0, false);
  }

  /** The claim is incomplete: ask for what is missing, by letter or (an owner pulling it) by phone. */
  private requestEvidence(claim: number): void {
    const ctx = this.ctx;
    const needs = ctx.needs;
    const claims = ctx.claims;
    const need = claims.needOf[claim]!;
    needs.setStage(need, STAGE['awaiting-evidence']);
    if (ctx.journal !== null) ctx.note(need, J['evidence-requested'], claim);
    // Why the citizen must send more: a document lost in the office; else, told exactly what was
    // needed, something they could not find in time; else a form in place of advice (the first
    // time they are asked); else nobody having said exactly what was needed.
    needs.resendCause[need] =
      needs.lostSinceRequest[need] === 1
        ? CAUSE['lost-document']
        : needs.knows[need] === TOLD
          ? CAUSE['hard-to-find']
          : needs.handedForm[need] === 1
            ? CAUSE['form-hand-out']
            : CAUSE['not-told'];
    needs.lostSinceRequest[need] = 0;
    needs.handedForm[need] = 0;
    const design = this.management.designFor(need);
    const days = design.nilQualifyDays;
    if (days !== null && claims.deadlineSet[claim] === 0) {
      claims.deadlineSet[claim] = 1;
      ctx.schedule(ctx.now + days * DAY, { kind: 'deadline', claim });
    }
    if (claims.ownedByExpert[claim] === 1 && design.pullEvidence) {
      needs.knows[need] = TOLD;
      this.citizens.startGathering(need, true);
    } else {
      this.post.send(need, 'request');
    }
  }

  decide(claim: number): void {
    const ctx = this.ctx;
    const claims = ctx.claims;
    const need = claims.needOf[claim]!;
    const firstDecision = claims.decidedAt[claim] === Infinity;
    claims.status[claim] = DECIDED;
    ctx.needs.setStage(need, STAGE.decided);
    if (ctx.journal !== null) ctx.note(need, J.decided, claim);
    if (firstDecision) {
      const reportedDays = (ctx.now - this.clockStart(claim)) / DAY;
      claims.decidedAt[claim] = ctx.now;
      claims.reportedDays[claim] = reportedDays;
      ctx.quarter.decided++;
      ctx.quarter.reportedDaysSum += reportedDays;
      ctx.tally.decided++;
      ctx.tally.reportedDaysSum += reportedDays;
    }
    const level = ctx.level;
    const h = level.handoffs;
    // Corners cut under pressure show up as wrong decisions.
    const rushed = 1 + level.pressure.errorGain * (this.work.pace(this.caseRole(need)) - 1);
    const owned = claims.ownedByExpert[claim] === 1;
    const wrong = ctx.work.chance((owned ? h.errorOwner : h.errorSplit) * rushed);
    if (owned) {
      // The owner tells the citizen there and then.
      if (wrong) {
        if (ctx.journal !== null) ctx.note(need, J['wrong-decision'], claim);
        this.citizens.citizenReacts(need);
      } else {
        this.citizens.helpIsComing(need);
        this.pay(need);
      }
    } else {
      this.post.send(need, wrong ? 'wrong-decision' : 'decision');
      if (!wrong && level.paymentRunDays !== null) this.pay(need);
    }
  }

  /** A right decision: the need is met when the money is paid, in the next payment run (or at once). */
  private pay(need: number): void {
    const runDays = this.ctx.level.paymentRunDays;
    if (runDays === null) return this.citizens.close(need, 'met');
    const run = runDays * DAY;
    // + 0: the run at day 0 is at 0, not -0 (Math.ceil of a small negative is -0).
    this.ctx.schedule(Math.ceil(this.ctx.now / run) * run + 0, { kind: 'paid', need });
  }

  /** When the reported processing time starts, by the design's rule. */
  private clockStart(claim: number): number {
    const ctx = this.ctx;
    const claims = ctx.claims;
    const need = claims.needOf[claim]!;
    switch (this.management.designFor(need).clockStart) {
      case 'firstContact':
        return ctx.needs.arrivedAt[need]!;
      case 'received':
        return claims.openedAt[claim]!;
      case 'complete':
        return claims.isComplete(claim) ? claims.completeAt[claim]! : claims.openedAt[claim]!;
    }
  }

  /** The nil-qualify deadline: a claim still incomplete is closed, and the citizen must apply again. */
  onDeadline(claim: number): void {
    const ctx = this.ctx;
    const claims = ctx.claims;
    const needs = ctx.needs;
    const need = claims.needOf[claim]!;
    if (claims.status[claim] !== OPEN || claims.isComplete(claim)) return;
    if (this.management.designFor(need).nilQualifyDays === null) return; // the rule was switched off meanwhile
    // The rule closes claims still waiting on the claimant, not on the council's own scanning
    // pile: with documents still to scan, look again tomorrow.
    if (claims.awaitingScan[claim]! > 0) {
      ctx.schedule(ctx.now + DAY, { kind: 'deadline', claim });
      return;
    }
    if (ctx.journal !== null) ctx.note(need, J['nil-qualified'], claim);
    claims.status[claim] = NIL_QUALIFIED;
    // Everything sent so far is gone with the claim: it must all come again, with a new application.
    needs.resendCause[need] = CAUSE['nil-qualified'];
    needs.mustReapply[need] = 1;
    ctx.quarter.nilQualified++;
    ctx.tally.nilQualified++;
    needs.claim[need] = 0;
    this.post.send(need, 'nil');
  }
}
