// The manager's side of the office: the design in force and the regime, the teams and who is on
// the books, the pilot of the redesign, the outsourced call centre, the gaming offers, and what the
// staff and the IT cost. The rest of the office asks it which design a need is handled by and
// whether a provider runs the phones; it decides nothing about any one citizen's case.
import type { OfferPressure } from '../../levels/schema';
import { DAY } from '../../engine/calendar';
import { Stream } from '../../engine/random';
import { CallDemand } from './callDemand';
import { WAYS_OF_WORKING } from './catalogue';
import { type Context, copyDesign } from './context';
import { anyTargetRed, dashboardOf, type Inspection, type Targets } from './inspection';
import { OfferBook } from './offers';
import { type RoleAccounts, RolePool } from './rolePool';
import { offeredStaffing } from './staffing';
import type { Action, Design, DesignKey, Regime, RoomEventKind } from './types';

export class Management {
  design: Design;
  regime: Regime;
  /** The weekly staff budget now (null: the level sets none); inspections may cut it. */
  budget: number | null;
  /** Gaming moves offered to the player as pressure builds, and the answers. */
  readonly offers: OfferBook;
  readonly roles: RolePool[];
  readonly roleById: Map<string, RolePool>;
  readonly phoneRole: RolePool;
  readonly visitRole: RolePool;
  readonly casework: RolePool;
  readonly scanRole: RolePool | null;
  /**
   * The pilot of the redesign: the design its needs are handled by (the level's systems design),
   * and its team, made the first time a pilot is set up (null: never), then kept in roles.
   */
  private readonly pilotDesign: Design;
  pilotPool: RolePool | null = null;
  /** Needs that ever joined the pilot (the warm-up's too). */
  pilotNeeds = 0;
  /** Needs of the pilot met and given up so far (its open ones: pilotNeeds less these). */
  readonly pilotClosed = { met: 0, abandoned: 0 };
  /** Who joins a pilot: drawn only while one runs, so runs without a pilot draw nothing from it. */
  private readonly pilotStream: Stream;
  /** The casework role's staff on the books: its main pool plus the pilot team. */
  private caseworkStaff: number;
  /** The council's own call-centre staff, whoever runs the call centre now. */
  private ownPhoneStaff: number;
  /** The calls an outsourced provider would staff to. */
  readonly callDemand = new CallDemand();
  /** A provider can run the call centre only where the phones are a role of their own. */
  private readonly outsourceable: boolean;
  /** The inspectors' targets now: the level's, until the centre sets a new one (null: no inspection). */
  targets: Targets | null;
  /** Demand runs at the surge factor until this minute (a trainer's demand surge). */
  private surgeUntil = Number.NEGATIVE_INFINITY;
  /** When the centre last cut the budget between inspections (a trainer's budget cut). */
  private budgetCutAt = Number.NEGATIVE_INFINITY;
  /** Staff cost so far (outsourced phone staff are paid per call instead). */
  staffCost = 0;
  itLicenceMinutes = 0;
  /** When the costs were last brought up to date. */
  private lastDesignNote = 0;

  constructor(
    private readonly ctx: Context,
    seed: number,
    startRegime: Regime,
  ) {
    const level = ctx.level;
    this.budget = level.budgetPerWeek ?? null;
    this.targets = level.inspection ? { ...level.inspection.targets } : null;
    this.offers = new OfferBook(level.offers);
    this.regime = startRegime;
    const regime = level.regimes[startRegime];
    this.design = copyDesign(regime.design);
    this.roles = Object.entries(level.roles).map(([id, r]) => new RolePool(id, r.label, r.expert, r.costPerHour, regime.staff[id] ?? 0, ctx.calendar));
    this.roleById = new Map(this.roles.map((r) => [r.id, r]));
    this.phoneRole = this.roleById.get(level.assign.phone)!;
    this.visitRole = this.roleById.get(level.assign.visit)!;
    this.casework = this.roleById.get(level.assign.casework)!;
    this.scanRole = level.assign.scan ? this.roleById.get(level.assign.scan)! : null;
    this.caseworkStaff = this.casework.staff;
    this.casework.inTrayDays = regime.inTrayDays;
    this.ownPhoneStaff = this.phoneRole.staff;
    const a = level.assign;
    this.outsourceable = a.phone !== a.visit && a.phone !== a.casework && a.phone !== a.scan;
    this.pilotDesign = copyDesign(level.regimes.systems.design);
    this.pilotStream = new Stream(seed, 'pilot');
    // A regime whose own design runs a pilot sets its team up now (at the sim's time 0, before the history starts).
    if (this.design.pilotShare > 0 || this.design.pilotTeam > 0) this.setUpPilot();
  }

  /** Costs are counted from t: the history's start, then day 0. */
  countCostsFrom(t: number): void {
    this.lastDesignNote = t;
    this.staffCost = 0;
    this.itLicenceMinutes = 0;
  }

  /** A player's action on staffing or design (the sim brings costs up to date first, and starts work after). */
  change(action: Action): void {
    switch (action.kind) {
      case 'staff': {
        const role = this.roleById.get(action.role);
        if (!role) throw new Error(`unknown role "${action.role}"`);
        // While a provider runs the call centre it sets its own staffing; the council's count waits.
        if (role === this.phoneRole) this.ownPhoneStaff = action.count;
        if (role !== this.phoneRole || !this.outsourced) role.staff = action.count;
        if (role === this.casework) {
          // The count on the books: the pilot team, if any, comes out of it.
          this.caseworkStaff = action.count;
          this.splitCasework();
        }
        break;
      }
      case 'design':
        this.setDesign(action.key, action.value);
        break;
      case 'offer': {
        const offer = this.offers.answer(action.offer, action.accept, this.ctx.now / DAY);
        if (!offer) throw new Error(`no offer "${action.offer}" in this level`);
        if (action.accept) for (const [key, value] of Object.entries(offer.design)) this.setDesign(key as DesignKey, value);
        break;
      }
      case 'regime': {
        const regime = this.ctx.level.regimes[action.regime];
        if (WAYS_OF_WORKING.some((k) => regime.design[k] !== this.design[k])) this.startLearning();
        // People are moved into the new design's roles, not laid off (staff actions may follow).
        const staff = offeredStaffing(this.ctx.level, action.regime, this.staffOnBooks(), this.outsourcedRole, this.budget);
        this.regime = action.regime;
        // The pilot is the player's experiment, not part of either regime's design: it carries on.
        const { pilotShare, pilotTeam } = this.design;
        this.design = copyDesign(regime.design);
        this.design.pilotShare = pilotShare;
        this.design.pilotTeam = pilotTeam;
        for (const role of this.roles) {
          role.staff = staff[role.id] ?? 0;
        }
        this.ownPhoneStaff = this.phoneRole.staff;
        // A new regime manages the back office its own way from now (planned again each morning).
        this.casework.inTrayDays = regime.inTrayDays;
        if (regime.inTrayDays === null) this.casework.quota = Infinity;
        this.caseworkStaff = this.casework.staff;
        this.splitCasework();
        break;
      }
      case 'event':
        this.imposed(action.event);
        break;
    }
    this.settleCallCentre();
  }

  /** What the centre (a trainer) makes happen; a surprise inspection is the Simulation's. */
  private imposed(event: RoomEventKind): void {
    const now = this.ctx.now;
    const e = this.ctx.level.roomEvents;
    if (event === 'budget-cut' && this.budget !== null) {
      this.budget *= 1 - e.budgetCutShare;
      this.budgetCutAt = now;
    } else if (event === 'national-target' && this.targets) this.targets = { ...this.targets, processingDays: e.nationalTargetProcessingDays };
    else if (event === 'demand-surge') this.surgeUntil = now + e.demandSurgeDays * DAY;
  }

  /** How many times the usual demand arrives now (1, except during a surge). */
  demandFactor(now: number): number {
    return now < this.surgeUntil ? this.ctx.level.roomEvents.demandSurgeFactor : 1;
  }

  private setDesign(key: DesignKey, value: Design[DesignKey]): void {
    if (WAYS_OF_WORKING.includes(key) && this.design[key] !== value) this.startLearning();
    (this.design as Record<string, unknown>)[key] = value;
    if (key === 'pilotShare' || key === 'pilotTeam') this.setUpPilot();
  }

  /** The main flow's way of working changed: its people start learning it (the pilot team keeps its own). */
  private startLearning(): void {
    for (const role of this.roles) if (role !== this.pilotPool) role.learningSince = this.ctx.now;
  }

  /**
   * A new morning: the call centre is staffed for the day, and, in an office still run to
   * targets, is it time to tempt the manager? (last: the latest inspection, if any.)
   */
  opens(last: Inspection | undefined): void {
    if (this.ctx.now >= 0 && this.ctx.level.offers.length > 0) this.checkOffers(last);
    this.callDemand.newDay();
    if (this.outsourced) this.staffProvider();
  }

  private checkOffers(last: Inspection | undefined): void {
    if (this.regime !== 'deliverology') return;
    const now = this.ctx.now;
    const pressures = new Set<OfferPressure>();
    const spec = this.ctx.level.inspection;
    if (spec) {
      if (this.targets && anyTargetRed(dashboardOf(this.ctx.quarter), this.targets)) pressures.add('red-target');
      if (now - this.budgetCutAt < spec.everyDays * DAY) pressures.add('budget-cut');
      if (last && now - last.day * DAY < spec.everyDays * DAY) {
        if (last.budgetChange < 0) pressures.add('budget-cut');
        if (last.leaguePosition > last.leagueSize / 2) pressures.add('low-league');
      }
    }
    this.offers.check(Math.floor(now / DAY), pressures, this.design);
  }

  /** After a change: a provider staffs an outsourced call centre at once; in house, the council's own agents answer. */
  private settleCallCentre(): void {
    if (this.outsourced) this.staffProvider();
    else if (this.outsourceable && this.phoneRole.staff !== this.ownPhoneStaff) {
      this.noteCosts();
      this.phoneRole.staff = this.ownPhoneStaff;
    }
  }

  /**
   * The provider staffs each open day for the busiest hour of calls of the last five, at its
   * planned occupancy: paid per call, it staffs to answer them all, failure demand and all.
   */
  private staffProvider(): void {
    const staff = this.callDemand.providerStaff(this.ctx.level.outsourcing.plannedOccupancy);
    if (staff === null || staff === this.phoneRole.staff) return;
    this.noteCosts();
    this.phoneRole.staff = staff;
  }

  // ---------------------------------------------------------------- the pilot

  /**
   * The pilot's settings changed: make its team the first time a pilot is set up, and move staff
   * between the main casework pool and the pilot team.
   */
  private setUpPilot(): void {
    if (this.pilotPool === null && (this.design.pilotShare > 0 || this.design.pilotTeam > 0)) {
      const main = this.casework;
      let id = `${main.id}Pilot`;
      for (let n = 2; this.roleById.has(id); n++) id = `${main.id}Pilot${n}`;
      const pool = new RolePool(id, `${main.label} (pilot)`, true, main.costPerHour, 0, this.ctx.calendar);
      pool.resetAccounts(this.ctx.now);
      // A new team working a new way has it to learn too.
      pool.learningSince = this.ctx.now;
      this.roles.push(pool);
      this.pilotPool = pool;
    }
    this.splitCasework();
  }

  /** The pilot team is taken out of the casework role's staff, never more than there are: cost is unchanged. */
  private splitCasework(): void {
    const pool = this.pilotPool;
    if (pool === null) return;
    const team = Math.min(this.design.pilotTeam, this.caseworkStaff);
    pool.staff = team;
    this.casework.staff = this.caseworkStaff - team;
  }

  /** A pilot takes its share of new citizens, drawn from its own stream at first contact: only while it has a team to serve them. */
  enrol(need: number): void {
    const share = this.design.pilotShare;
    if (share > 0 && this.pilotPool !== null && this.pilotPool.staff > 0 && this.pilotStream.chance(share)) {
      this.ctx.needs.pilot[need] = 1;
      this.pilotNeeds++;
    }
  }

  /** Is this need handled by the pilot now? Pilot citizens go back to the usual flow while it has no team. */
  inPilot(need: number): boolean {
    return this.ctx.needs.pilot[need] === 1 && this.pilotPool!.staff > 0;
  }

  /** The design a need is handled by: the pilot's, for a need in the pilot; else the one in force. */
  designFor(need: number): Design {
    return this.inPilot(need) ? this.pilotDesign : this.design;
  }

  /** Does this team take both contacts and casework (experts at the front, or the pilot team)? */
  takesBoth(role: RolePool): boolean {
    return role === this.pilotPool || (role === this.casework && this.design.expertsAtFront);
  }

  // ---------------------------------------------------------------- the books and costs

  /**
   * The council's own staff by level role: a pilot team counts in its role, and while a provider
   * runs the call centre, the council's agents are its own count (the provider sets the rest).
   */
  staffOnBooks(): Record<string, number> {
    const level = this.ctx.level;
    const out: Record<string, number> = {};
    for (const id of Object.keys(level.roles)) out[id] = this.roleById.get(id)!.staff;
    out[level.assign.casework] = this.caseworkStaff;
    if (this.outsourceable) out[level.assign.phone] = this.ownPhoneStaff;
    return out;
  }

  /** The role a provider runs, paid per call rather than by the hour (null: none). */
  get outsourcedRole(): string | null {
    return this.outsourced ? this.ctx.level.assign.phone : null;
  }

  /** Is the call centre run by a provider paid per call? */
  get outsourced(): boolean {
    return this.design.outsourcedCallCentre && !this.design.expertsAtFront && this.outsourceable;
  }

  /** Is this the provider's agent? */
  outsourcedHere(role: RolePool, need: number): boolean {
    return role === this.phoneRole && this.outsourced && !this.inPilot(need);
  }

  /**
   * Staff cost and licence minutes as they stand at now, given each team's accounts at now (see
   * RolePool.accountsAt): the sums noteCosts would make, left unmade.
   */
  costsAt(now: number, accounts: ReadonlyMap<RolePool, RoleAccounts>): { staffCost: number; itLicenceMinutes: number } {
    let staffCost = this.staffCost;
    for (const role of this.roles) {
      const paidHere = this.outsourced && role.id === this.ctx.level.assign.phone ? 0 : 1;
      staffCost += ((accounts.get(role)!.staffedMinutes - role.staffedMinutes) / 60) * role.costPerHour * paidHere;
    }
    const itLicenceMinutes = this.design.workflowIT ? this.itLicenceMinutes + (now - this.lastDesignNote) : this.itLicenceMinutes;
    return { staffCost, itLicenceMinutes };
  }

  /** Brings the time integrals (paid hours, licence) up to now. */
  noteCosts(): void {
    const now = this.ctx.now;
    const outsourced = this.outsourced;
    for (const role of this.roles) {
      const before = role.staffedMinutes;
      role.noteStaff(now);
      const paidHere = outsourced && role.id === this.ctx.level.assign.phone ? 0 : 1;
      this.staffCost += ((role.staffedMinutes - before) / 60) * role.costPerHour * paidHere;
      role.noteBusy(now);
    }
    if (this.design.workflowIT) this.itLicenceMinutes += now - this.lastDesignNote;
    this.lastDesignNote = now;
  }
}
