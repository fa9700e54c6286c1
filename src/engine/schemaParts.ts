import { z } from 'zod';

// Pieces every service's level format is made of: probabilities, distributions and opening hours,
// each strict and bounded, so a typo or a wild value is caught on load with its path.

export const probability = z.number().min(0).max(1);

const minutesPerDay = 1440;

export const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day like "09:00"')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: z.number().min(0).max(1e6) }),
  z.strictObject({ dist: z.literal('exponential'), mean: z.number().positive().max(1e6) }),
  z.strictObject({
    dist: z.literal('lognormal'),
    mean: z.number().positive().max(1e6),
    sd: z.number().min(0).max(1e6),
  }),
  z
    .strictObject({ dist: z.literal('uniform'), min: z.number().min(0).max(1e6), max: z.number().min(0).max(1e6) })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
]);

/** The mean of a distribution as written in a level (before it is prepared for drawing). */
export function meanOfInput(d: z.infer<typeof distributionSchema>): number {
  return d.dist === 'fixed' ? d.value : d.dist === 'uniform' ? (d.min + d.max) / 2 : d.mean;
}

/** A distribution whose mean is at least `min` (a time that must not be nothing). */
export const atLeast = (min: number, what: string) =>
  distributionSchema.refine((d) => meanOfInput(d) >= min, { message: `${what} must average at least ${min}` });

export const hoursSchema = z.union([
  z.literal('always'),
  z
    .strictObject({
      days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
      open: clock,
      close: clock,
    })
    .refine((h) => h.open < h.close, { message: 'close must be after open', path: ['close'] })
    .refine((h) => h.close <= minutesPerDay, { message: 'close must be within the day', path: ['close'] }),
]);
