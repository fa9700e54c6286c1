import { z } from 'zod';
import { distributionSchema } from '../../engine/schemaParts';

// The front-desk level format: a textbook queue. Visitors arrive at random (a Poisson stream),
// each needs one spell at the desk, identical clerks see them first come first served, and nobody
// gives up. Strict and bounded, so a typo or a wild value is caught on load with its path.

/** Visitors per day: a bound that keeps a run to seconds. */
export const MAX_VISITORS_PER_DAY = 5000;

export const frontDeskLevelSchema = z.strictObject({
  service: z.literal('front-desk'),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected a slug: lower-case letters, digits and hyphens'),
  title: z.string().min(1).max(80),
  summary: z.string().min(1).max(600),
  days: z.number().int().min(1).max(3650),
  /** Days the desk has already been open before measuring starts (the queue starts empty). */
  warmUpDays: z.number().int().min(0).max(365),
  demand: z.strictObject({
    visitorsPerDay: z.number().positive().max(MAX_VISITORS_PER_DAY),
    /** Minutes a visitor needs at the desk (drawn for each visitor as they arrive). */
    serviceMinutes: distributionSchema,
  }),
  /** Clerks at the desk at the start. */
  clerks: z.number().int().min(1).max(100),
  /** The official target: a visitor counts as seen in time if a clerk takes them within this many minutes. */
  seenWithinMinutes: z.number().positive().max(1440),
});

export type FrontDeskLevel = z.infer<typeof frontDeskLevelSchema>;
