import { z } from 'zod';
import { atLeast, distributionSchema, hoursSchema, probability } from '../engine/schemaParts';
import { WAYS_OF_WORKING } from '../services/housing-benefit/catalogue';

export { distributionSchema };

// The level format. Every object is strict: an unknown field is an error, never ignored,
// and every number has a range, so a typo or a wild value is caught on load with its path.

/**
 * How big a run the simulator takes on: citizens a day, and citizens over the inherited history
 * and the run together. Beyond these a run would take minutes and gigabytes, not seconds.
 */
export const MAX_NEEDS_PER_DAY = 200;
export const MAX_NEEDS_PER_RUN = 120_000;

/** Citizens a run of `days` days (after the level's inherited history) is expected to meet. */
export function expectedNeeds(level: { demand: { needsPerDay: number }; warmUpDays: number }, days: number): number {
  return Math.round(level.demand.needsPerDay * (level.warmUpDays + days));
}

/** Why a run of `days` days of this level is too big to run, or null. */
export function runTooBig(level: { demand: { needsPerDay: number }; warmUpDays: number }, days: number): string | null {
  const n = expectedNeeds(level, days);
  if (n <= MAX_NEEDS_PER_RUN) return null;
  return `about ${n} citizens over ${level.warmUpDays} inherited days and ${days} days of the run: at most ${MAX_NEEDS_PER_RUN} fit in one run (fewer needs a day, or fewer days)`;
}
const roleId = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'expected an identifier like "assessor"');

const roleSchema = z.strictObject({
  label: z.string().min(1).max(60),
  /** Paid per staffed hour. */
  costPerHour: z.number().min(0).max(1000),
  /** An expert can assess and decide a claim, and tells a citizen exactly what is needed. */
  expert: z.boolean(),
});

/** How the service is designed: the part a player changes with levers. */
export const designSchema = z.strictObject({
  /** Experts take calls and visits, instead of call-centre agents and receptionists. */
  expertsAtFront: z.boolean(),
  /** An expert at the front decides there and then when the citizen has everything. */
  decideAtFirstContact: z.boolean(),
  /** One person owns a case end to end: no scanning handoff, no picking up a stranger's file. */
  caseOwner: z.boolean(),
  /** The owner pulls missing evidence (phones the landlord, the employer) instead of writing. */
  pullEvidence: z.boolean(),
  /** Close claims still incomplete this many days after evidence was requested; null = never. */
  nilQualifyDays: z.number().int().min(1).max(365).nullable(),
  /** When the official clock starts for a claim. */
  clockStart: z.enum(['firstContact', 'received', 'complete']),
  /** Assessors take complete, easy claims first. */
  cherryPick: z.boolean(),
  /** Visitors are "seen" by being handed a form and sent home, to meet the 15-minute target. */
  formHandOut: z.boolean(),
  /** The call centre is outsourced and paid per call answered. */
  outsourcedCallCentre: z.boolean(),
  /** The back office runs on a licensed workflow IT system. */
  workflowIT: z.boolean(),
  /**
   * A pilot of the redesign: the share of new citizens (drawn at first contact) whose need is
   * handled start to finish by the pilot team, as the level's systems design handles needs.
   * 0 = no pilot. A need in the pilot stays there to the end.
   */
  pilotShare: probability,
  /** How many of the casework role's experts work in the pilot team, taken out of the main pool. */
  pilotTeam: z.number().int().min(0).max(100),
});

export const designKeys = Object.keys(designSchema.shape) as (keyof z.infer<typeof designSchema>)[];

const regimeSchema = z.strictObject({
  name: z.string().min(1).max(80),
  briefing: z.string().min(1).max(2000),
  staff: z.record(roleId, z.number().int().min(0).max(500)),
  design: designSchema,
  /**
   * How the back office is managed. Under a regime of time targets it works its in-tray at the
   * rate that clears it in this many days (Oliva & Sterman 2001: desired completion rate = backlog
   * / target delay), not as fast as it can: the in-tray settles at that many days of work.
   * null: each case is worked as soon as someone is free (flow).
   */
  inTrayDays: z.number().positive().max(365).nullable(),
  /** Design keys the player may change under this regime. */
  levers: z.array(z.enum(designKeys as [string, ...string[]])).max(designKeys.length),
});

/** Words that are ids: lower-case, digits and hyphens. */
const slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected an id of lower-case letters, digits and hyphens');

/** What makes a manager listen to an offer: the pressure of the moment. */
export const OFFER_PRESSURES = ['red-target', 'budget-cut', 'low-league'] as const;

/**
 * A gaming move offered to the player when pressure builds: by a deputy or a consultant from a
 * four-star council, one at a time, in order. It is offered at the first morning from
 * `notBeforeDay` on when any of its pressures holds, and by `latestDay` whatever happens.
 */
export const offerSchema = z.strictObject({
  id: slug,
  from: z.enum(['deputy', 'consultant']),
  /** The offer in the words of the one making it. */
  pitch: z.string().min(1).max(600),
  /** What they promise it will do to the dashboard. */
  promise: z.string().min(1).max(300),
  design: designSchema
    .partial()
    .refine((d) => Object.keys(d).length > 0, 'an offer changes at least one design setting')
    .refine((d) => !('pilotShare' in d || 'pilotTeam' in d), "a pilot is the player's experiment, not an offer")
    .refine((d) => !WAYS_OF_WORKING.some((k) => k in d), `an offer is a gaming move, not a way of working (${WAYS_OF_WORKING.join(', ')})`),
  when: z.array(z.enum(OFFER_PRESSURES)).max(OFFER_PRESSURES.length),
  notBeforeDay: z.number().int().min(0).max(3650),
  latestDay: z.number().int().min(0).max(3650),
});

/**
 * A way into the level: the office as the player finds it. Its design changes the deliverology
 * design (the inherited year is run with it too), and its offers tempt the player during the run.
 */
export const scenarioSchema = z.strictObject({
  id: slug,
  title: z.string().min(1).max(80),
  summary: z.string().min(1).max(600),
  regime: z.enum(['deliverology', 'systems']),
  design: designSchema.partial().default({}),
  budgetPerWeek: z.number().positive().max(1e7).nullable().optional(),
  offers: z.array(offerSchema).max(20).default([]),
});

export const levelSchema = z
  .strictObject({
    /** The service this level is a model of (absent: housing benefit). */
    service: z.literal('housing-benefit').optional(),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'expected a slug like "housing-benefit"')
      .max(40),
    title: z.string().min(1).max(80),
    summary: z.string().min(1).max(1000),
    /** The weekly staff budget the player manages within (staffed hours at each role's rate); null = none. */
    budgetPerWeek: z.number().positive().max(1e7).nullable(),
    /** Length of a default run in days. */
    days: z.number().int().min(1).max(3650),
    /**
     * Days the office has already been running, under the starting regime, before the player
     * arrives at day 0: the backlog and the citizens already waiting are inherited. Measures
     * cover day 0 onwards.
     */
    warmUpDays: z.number().int().min(0).max(730),
    hours: hoursSchema,
    /**
     * Money is paid in a run every this many days (at midnight, from day 0): a need is met at the
     * first run after a right decision. null: paid the moment it is decided.
     */
    paymentRunDays: z.number().int().min(1).max(28).nullable(),
    demand: z.strictObject({
      /** Citizens with a new need, per calendar day (a Poisson process). */
      needsPerDay: z.number().positive().max(MAX_NEEDS_PER_DAY),
      /** Share of first contacts made in person; the rest phone. */
      visitShare: probability,
      /** Evidence items a need requires, uniformly between min and max. */
      evidenceItems: z
        .strictObject({ min: z.number().int().min(0).max(8), max: z.number().int().min(0).max(8) })
        .refine((e) => e.min <= e.max, { message: 'min must not exceed max', path: ['max'] }),
      /** Share of needs that are complicated to assess. */
      hardShare: probability,
      /** Share of visitors who bring their documents to the first visit. */
      bringsEvidenceShare: probability,
      /** How long a citizen will wait for the need to be met before giving up; null = never. */
      patienceDays: distributionSchema.nullable(),
      /** A need still unmet after this many days harms the citizen (rent arrears); null = never. */
      harmAfterDays: z.number().positive().max(3650).nullable(),
    }),
    citizens: z.strictObject({
      /** Days to find and send documents once asked. */
      gatherDays: distributionSchema,
      /** Chance a citizen brings each missing item: told exactly by an expert, told by a form or letter, guessing. */
      itemIfTold: probability,
      itemIfLetter: probability,
      itemIfGuessing: probability,
      /** Scale (days) of the rising urge to chase after hearing nothing; null = never chase. */
      chaseScaleDays: z.number().positive().max(3650).nullable(),
      /** Chases after this many days since first contact are complaints. */
      complaintAfterDays: z.number().positive().max(3650).nullable(),
      /** Share of chases and returns made in person; the rest by phone (chases) or post (documents). */
      visitShare: probability,
      /** Chance a citizen gives up when a claim is nil-qualified rather than reapplying. */
      giveUpOnNilQualify: probability,
      /** Days before a citizen reacts to a wrong decision. */
      reactDays: distributionSchema,
      /**
       * Citizens who decide to get in touch while the office is closed come when it opens: minutes
       * after opening, exponential with this mean (within the open day). The morning queue.
       * null: spread evenly over the open day.
       */
      morningRushMinutes: z.number().positive().max(1440).nullable(),
      /**
       * How long a caller holds on, and a visitor queues, before giving up waiting to try again
       * later (nobody is seen while the office is closed, so most who are still there at closing
       * give up before it opens); null: everyone waits to be seen.
       */
      holdMinutes: z.strictObject({ phone: atLeast(0.1, "a caller's hold"), visit: atLeast(0.1, "a visitor's wait") }).nullable(),
      /** Hours before a citizen who gave up waiting tries again. */
      retryHours: atLeast(0.1, 'the time before trying again'),
    }),
    postDays: distributionSchema,
    /**
     * What the evidence says (the rent, the wages) is confirmed by the landlord or employer once the
     * citizen's evidence is in: replyDays when the council writes to them, pulledDays when a case
     * owner who pulls evidence phones them. A claim decided at first contact was checked there and then.
     */
    confirmation: z.strictObject({ replyDays: distributionSchema, pulledDays: distributionSchema }),
    /** Minutes of staff time for each piece of work. */
    work: z.strictObject({
      call: distributionSchema,
      visit: distributionSchema,
      formHandOut: distributionSchema,
      chase: distributionSchema,
      takeDocuments: distributionSchema,
      scan: distributionSchema,
      assessEasy: distributionSchema,
      assessHard: distributionSchema,
      pickUpFile: distributionSchema,
      request: distributionSchema,
      message: distributionSchema,
      rework: distributionSchema,
    }),
    handoffs: z.strictObject({
      /** Chance a non-expert, or a handed-out form, tells the citizen exactly what is needed. */
      toldByFront: probability,
      toldByForm: probability,
      toldByExpert: probability,
      /** Chance each document is lost between front and back office. */
      itemLost: probability,
      /** Chance a chase taken by a non-expert becomes a message for the back office. */
      chasePassedOn: probability,
      /**
       * A message the back office has not got to within this many days is dropped: the call-back
       * it asked for is long overdue, and the citizen will chase again. null: kept until answered.
       */
      messageKeepDays: z.number().positive().max(365).nullable(),
      /** Chance a decision is wrong: the fragmented flow, and one owner who knows the citizen. */
      errorSplit: probability,
      errorOwner: probability,
      /** Gathering time multiplier when the owner pulls the evidence. */
      pullSpeedup: z.number().positive().max(1),
      /**
       * Chance an expert deciding at first contact can check a missing item there and then (the
       * council's own rent records, benefit systems, a call to the landlord) instead of asking for it.
       */
      verifiedAtContact: probability,
    }),
    /** How a team that takes both contacts and casework shares its time. */
    teams: z.strictObject({
      /**
       * The share of such a team (at least one person) kept at the front for calls and visits;
       * the rest keep the cases moving, and answer the phones only when no casework waits.
       * 1: contacts always come first.
       */
      frontShare: z.number().min(0.01).max(1),
    }),
    /** A call centre outsourced to a provider paid per call (when the design says so). */
    outsourcing: z.strictObject({
      /**
       * The provider staffs each open day for the busiest hour of calls of the last five, at this
       * share of its agents' time busy (a provider paid per call staffs to answer them all,
       * failure demand included).
       */
      plannedOccupancy: z.number().min(0.05).max(1),
      /** Chance the provider's agent, who cannot see the case, passes a progress chase on as a message. */
      chasePassedOn: probability,
      /** Chance the provider's agent, reading a script, tells a caller exactly what is needed. */
      toldByAgent: probability,
    }),
    /**
     * People under a growing backlog work faster and make more mistakes (Oliva & Sterman 2001):
     * pace = 1 + paceGain x backlog in days, at most maxPace; error chance x (1 + errorGain x (pace - 1)).
     */
    pressure: z.strictObject({
      paceGain: z.number().min(0).max(10),
      maxPace: z.number().min(1).max(5),
      errorGain: z.number().min(0).max(100),
    }),
    /**
     * Changing how the work is done costs a learning dip: experts take up to (1 + dip) times as
     * long just after a redesign lever changes, recovering linearly over recoverDays.
     */
    transition: z.strictObject({
      dip: z.number().min(0).max(0.9),
      recoverDays: z.number().positive().max(365),
    }),
    roles: z.record(roleId, roleSchema).refine((r) => Object.keys(r).length >= 1, 'at least one role'),
    /** Which role does which work when experts are not at the front. */
    assign: z.strictObject({
      phone: roleId,
      visit: roleId,
      scan: roleId.nullable(),
      casework: roleId,
    }),
    costs: z.strictObject({
      letter: z.number().min(0).max(100),
      itLicencePerDay: z.number().min(0).max(1e6),
      outsourcedFeePerCall: z.number().min(0).max(1000),
    }),
    inspection: z
      .strictObject({
        everyDays: z.number().int().min(7).max(3650),
        targets: z.strictObject({
          processingDays: z.number().positive().max(3650),
          callsAnsweredIn20s: probability,
          visitorsSeenIn15m: probability,
        }),
        /** Inspectors mark down an authority whose design leaves the approved process (seed 001). */
        penaliseDeviation: z.boolean(),
        /** Other authorities' reported processing days, for the league table. */
        league: z.array(z.number().positive().max(3650)).max(400),
        /** Share of the staff budget cut for each target missed at an inspection: the centre's pressure. */
        budgetCutPerMissedTarget: probability,
      })
      .nullable(),
    regimes: z.strictObject({ deliverology: regimeSchema, systems: regimeSchema }),
    /** Ways into the level (the first is the level as written, if it names none). */
    scenarios: z.array(scenarioSchema).max(10).default([]),
    /** The gaming moves offered in this run: a scenario's, copied here when it is applied. */
    offers: z.array(offerSchema).max(20).default([]),
    /**
     * What a trainer's injected events do (see the 'event' action): the centre cuts the staff
     * budget by a share, sets a new national target for processing days, or demand surges by a
     * factor for some days (a surprise inspection needs nothing).
     */
    roomEvents: z
      .strictObject({
        budgetCutShare: probability,
        nationalTargetProcessingDays: z.number().positive().max(3650),
        demandSurgeFactor: z.number().min(1).max(5),
        demandSurgeDays: z.number().int().min(1).max(365),
      })
      .default({ budgetCutShare: 0.1, nationalTargetProcessingDays: 21, demandSurgeFactor: 1.5, demandSurgeDays: 28 }),
  })
  .superRefine((level, ctx) => {
    const tooBig = runTooBig(level, level.days);
    if (tooBig) ctx.addIssue({ code: 'custom', path: ['demand', 'needsPerDay'], message: tooBig });
    const roles = new Set(Object.keys(level.roles));
    for (const [key, role] of Object.entries(level.assign)) {
      if (role !== null && !roles.has(role)) {
        ctx.addIssue({ code: 'custom', path: ['assign', key], message: `unknown role "${role}"` });
      }
    }
    const casework = level.roles[level.assign.casework];
    if (casework && !casework.expert) {
      ctx.addIssue({ code: 'custom', path: ['assign', 'casework'], message: 'casework needs an expert role' });
    }
    for (const regime of ['deliverology', 'systems'] as const) {
      for (const role of Object.keys(level.regimes[regime].staff)) {
        if (!roles.has(role)) {
          ctx.addIssue({ code: 'custom', path: ['regimes', regime, 'staff', role], message: `unknown role "${role}"` });
        }
      }
      for (const role of roles) {
        if (!(role in level.regimes[regime].staff)) {
          ctx.addIssue({ code: 'custom', path: ['regimes', regime, 'staff'], message: `missing staff count for role "${role}"` });
        }
      }
      const a = level.assign;
      const ownPhones = a.phone !== a.visit && a.phone !== a.casework && a.phone !== a.scan;
      if (!ownPhones && (level.regimes[regime].design.outsourcedCallCentre || level.regimes[regime].levers.includes('outsourcedCallCentre'))) {
        ctx.addIssue({
          code: 'custom',
          path: ['regimes', regime, 'design', 'outsourcedCallCentre'],
          message: 'a call centre can be outsourced only where the phones are a role of their own (assign.phone)',
        });
      }
      const { pilotShare, pilotTeam } = level.regimes[regime].design;
      if (pilotShare > 0 && pilotTeam === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['regimes', regime, 'design', 'pilotTeam'],
          message: `a pilot share of ${pilotShare} needs a pilot team of at least 1: with none, its citizens would never be served`,
        });
      }
    }
    unique(
      level.scenarios.map((x) => x.id),
      ['scenarios'],
      ctx,
    );
    level.scenarios.forEach((sc, i) => checkOffers(sc.offers, ['scenarios', i, 'offers'], ctx));
    checkOffers(level.offers, ['offers'], ctx);
  });

function unique(ids: readonly string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `"${id}" is used twice` });
  });
}

function checkOffers(offers: readonly z.output<typeof offerSchema>[], path: (string | number)[], ctx: z.RefinementCtx): void {
  unique(
    offers.map((o) => o.id),
    path,
    ctx,
  );
  offers.forEach((o, i) => {
    if (o.latestDay < o.notBeforeDay) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'latestDay'], message: `must be on or after notBeforeDay (${o.notBeforeDay})` });
    }
  });
}

/** A level as written in a file (times of day as "HH:MM"). */
/** A validated level (times of day in minutes). */
export type Level = z.output<typeof levelSchema>;
export type Design = z.output<typeof designSchema>;
export type DesignKey = keyof Design;
export type Regime = keyof Level['regimes'];
export type Offer = z.output<typeof offerSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type OfferPressure = (typeof OFFER_PRESSURES)[number];
