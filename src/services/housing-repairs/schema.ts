import { z } from 'zod';
import { distributionSchema, hoursSchema, probability } from '../../engine/schemaParts';

// The housing-repairs level format. Every object is strict and every number bounded, so a typo or a
// wild value is caught on load with its path.

export const TRADES = ['plumbing', 'electrical', 'carpentry', 'general'] as const;
export type Trade = (typeof TRADES)[number];
export const PRIORITIES = ['emergency', 'urgent', 'routine', 'planned'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The trade roles (one per trade) and the two roles that can answer the repairs line. */
export const TRADE_ROLES = { plumbing: 'plumber', electrical: 'electrician', carpentry: 'joiner', general: 'multiTrade' } as const satisfies Record<
  Trade,
  string
>;
export const LINE_ROLES = { 'call-centre': 'callHandler', 'repairs-expert': 'repairsExpert' } as const;
export const ROLE_IDS = [...Object.values(LINE_ROLES), ...Object.values(TRADE_ROLES)] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** Tenants reporting faults, per calendar day: a bound that keeps a run to seconds. */
export const MAX_FAULTS_PER_DAY = 400;

/** How the service is designed: the part a player changes with levers. */
export const repairsDesignSchema = z.strictObject({
  /** Who answers the repairs line: agents reading a schedule of rates, or people who know repairs. */
  frontLine: z.enum(['call-centre', 'repairs-expert']),
  /** Half-day windows booked to the target date, or the exact time the tenant asks for. */
  appointments: z.enum(['windows-to-target', 'exact-time']),
  /** One job at a time as printed, or the tradesperson owns the repair: books any return there and then, asks what else needs fixing. */
  tradesperson: z.enum(['job-by-job', 'owns-the-repair']),
  /** A visit that did not fix the fault closes the job and a new one is raised: its clock starts again (a gaming move). */
  closeAndReraise: z.boolean(),
  /** A job whose booked visit would fall after its target is re-coded to the next longer priority, its target counted again from when it was raised (a gaming move). */
  reclassify: z.boolean(),
  /** The trades are a contractor's, paid per job closed, or the council's own, paid by the hour. */
  contract: z.enum(['per-job', 'in-house']),
});

/** The design keys that are gaming moves: the only ones an offer may change. */
export const GAMING_KEYS = ['closeAndReraise', 'reclassify'] as const satisfies readonly (keyof z.output<typeof repairsDesignSchema>)[];
export type GamingKey = (typeof GAMING_KEYS)[number];

/** What makes a manager listen to an offer: a target red on this quarter's dashboard. */
export const REPAIRS_OFFER_PRESSURES = ['red-target'] as const;
export type RepairsPressure = (typeof REPAIRS_OFFER_PRESSURES)[number];

/** Words that are ids: lower-case, digits and hyphens. */
const slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected an id of lower-case letters, digits and hyphens');

const gamingShape = Object.fromEntries(GAMING_KEYS.map((k) => [k, repairsDesignSchema.shape[k].optional()])) as {
  [K in GamingKey]: z.ZodOptional<z.ZodBoolean>;
};

/** The design an offer brings: gaming moves only, at least one. */
const offerDesignSchema = z
  .looseObject(gamingShape)
  .superRefine((d, ctx) => {
    const other = Object.keys(d).filter((k) => !(GAMING_KEYS as readonly string[]).includes(k));
    if (other.length > 0) ctx.addIssue({ code: 'custom', message: `an offer is a gaming move (${GAMING_KEYS.join(', ')}), not ${other.join(', ')}` });
    else if (Object.keys(d).length === 0) ctx.addIssue({ code: 'custom', message: 'an offer changes at least one design setting' });
  })
  .transform(
    (d) =>
      Object.fromEntries(GAMING_KEYS.filter((k) => d[k] !== undefined).map((k) => [k, d[k]])) as Partial<Pick<z.output<typeof repairsDesignSchema>, GamingKey>>,
  );

/**
 * A gaming move offered to the player when a target is red: by a deputy or a consultant from a
 * four-star council, one at a time, in order. It is put at the line's opening on the first day
 * from `notBeforeDay` on when any of its pressures holds, and by `latestDay` whatever happens.
 */
export const repairsOfferSchema = z.strictObject({
  id: slug,
  from: z.enum(['deputy', 'consultant']),
  /** The offer in the words of the one making it. */
  pitch: z.string().min(1).max(600),
  /** What they promise it will do to the dashboard. */
  promise: z.string().min(1).max(300),
  design: offerDesignSchema,
  when: z.array(z.enum(REPAIRS_OFFER_PRESSURES)).max(REPAIRS_OFFER_PRESSURES.length),
  notBeforeDay: z.number().int().min(0).max(3650),
  latestDay: z.number().int().min(0).max(3650),
});

/**
 * A way into the level: the service as the player finds it. Its design changes the approved
 * design (the inherited history is run with it too), and its offers tempt the player in the run.
 */
export const repairsScenarioSchema = z.strictObject({
  id: slug,
  title: z.string().min(1).max(80),
  summary: z.string().min(1).max(600),
  regime: z.enum(['deliverology', 'systems']),
  design: repairsDesignSchema.partial().default({}),
  offers: z.array(repairsOfferSchema).max(20).default([]),
});

const roleSchema = z.strictObject({
  label: z.string().min(1).max(60),
  costPerHour: z.number().min(0).max(1000),
});

const staffSchema = z.strictObject(Object.fromEntries(ROLE_IDS.map((r) => [r, z.number().int().min(0).max(500)])) as Record<RoleId, z.ZodNumber>);

const diagnosisSchema = z.strictObject({
  /** Chance the job goes to the fault's own trade. */
  rightTrade: probability,
  /** Chance the tradesperson brings the parts a fault needs, when the trade is right. */
  rightParts: probability,
});

export const repairsLevelSchema = z.strictObject({
  service: z.literal('housing-repairs'),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a slug like "housing-repairs"')
    .max(40),
  title: z.string().min(1).max(80),
  summary: z.string().min(1).max(1000),
  days: z.number().int().min(1).max(3650),
  /** Days the service has been running, under the starting regime, before day 0: the diaries and the waiting tenants are inherited. */
  warmUpDays: z.number().int().min(0).max(730),
  /** When the repairs line is answered, and when the trades work. */
  lineHours: hoursSchema,
  tradeHours: hoursSchema,
  demand: z.strictObject({
    /** Faults tenants find, per calendar day (a Poisson process); they phone when the line is open. */
    faultsPerDay: z.number().positive().max(MAX_FAULTS_PER_DAY),
    /** Share of faults by the trade that can fix them. */
    tradeShares: z.strictObject(Object.fromEntries(TRADES.map((t) => [t, probability])) as Record<Trade, typeof probability>),
    /** Each priority's share of faults and the target days of its job. */
    priorities: z.strictObject(
      Object.fromEntries(PRIORITIES.map((p) => [p, z.strictObject({ share: probability, targetDays: z.number().int().min(0).max(365) })])) as Record<
        Priority,
        z.ZodObject<{ share: typeof probability; targetDays: z.ZodNumber }>
      >,
    ),
    /** Share of faults that need parts the van may not carry. */
    partsShare: probability,
    /** Share of faults that need a second trade once the first has done its part (a leak, then the plaster). */
    followOnShare: probability,
    /** Share of homes with a second fault the tenant has not reported yet, and when they would. */
    otherFaultShare: probability,
    otherFaultReportDays: distributionSchema,
  }),
  tenants: z.strictObject({
    /** How long a caller holds before hanging up, and how long before they try again (minutes). */
    holdMinutes: distributionSchema,
    retryMinutes: distributionSchema,
    /** Days a tenant waits without news or a repair before phoning to chase (and again after each chase). */
    chaseDays: distributionSchema,
    /** Days after a failed visit before the tenant phones to get someone back (job-by-job: nobody else will). */
    callBackDays: distributionSchema,
    /** The day the tenant asks for, counted from the call, when they may choose (exact time). */
    preferredDays: distributionSchema,
    /** Chance nobody is in: a half-day window, or a time the tenant chose. */
    noAccessWindow: probability,
    noAccessExact: probability,
  }),
  diagnosis: z.strictObject({
    'call-centre': diagnosisSchema,
    'repairs-expert': diagnosisSchema,
    /** After a tradesperson has looked at the fault: the parts are right this often on the return. */
    afterLook: z.strictObject({ rightParts: probability }),
  }),
  /** Windows to target: a job is booked for this share of the way to its target date (the work is planned to the target, not to the tenant). */
  bookAtShareOfTarget: probability,
  times: z.strictObject({
    callCentreCall: distributionSchema,
    expertCall: distributionSchema,
    travel: distributionSchema,
    fix: distributionSchema,
    failedVisit: distributionSchema,
    /** Days for parts to come in, when a visit found they were missing. */
    partsDays: distributionSchema,
  }),
  roles: z.strictObject(Object.fromEntries(ROLE_IDS.map((r) => [r, roleSchema])) as Record<RoleId, typeof roleSchema>),
  costs: z.strictObject({
    /** What a contractor is paid for each job closed (per-job contract). */
    pricePerJob: z.number().min(0).max(10000),
    /** Parts for a repair that needs them. */
    partsPerRepair: z.number().min(0).max(10000),
  }),
  inspection: z.strictObject({
    everyDays: z.number().int().min(7).max(365),
    targets: z.strictObject({ jobsWithinTarget: probability, callsAnsweredIn20s: probability, daysPerJob: z.number().positive().max(365) }),
  }),
  startRegime: z.enum(['deliverology', 'systems']),
  regimes: z.strictObject({
    deliverology: z.strictObject({ design: repairsDesignSchema, staff: staffSchema }),
    systems: z.strictObject({ design: repairsDesignSchema, staff: staffSchema }),
  }),
  /** The ways into the level (the first is the default); see withRepairsScenario. */
  scenarios: z.array(repairsScenarioSchema).max(10).default([]),
  /** The gaming moves offered in this run: a scenario's, copied here when it is applied. */
  offers: z.array(repairsOfferSchema).max(20).default([]),
});

export type RepairsLevel = z.output<typeof repairsLevelSchema>;
export type RepairsDesign = z.output<typeof repairsDesignSchema>;
export type RepairsOffer = z.output<typeof repairsOfferSchema>;
export type RepairsScenario = z.output<typeof repairsScenarioSchema>;
