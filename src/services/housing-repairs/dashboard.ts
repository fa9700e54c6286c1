// The official dashboard of housing repairs, as the inspectors see it: jobs closed within their
// target, days per job closed, calls answered in 20 seconds; and an inspection's verdict on it.
import { DAY } from '../../engine/calendar';
import type { RepairsLevel } from './schema';
import type { Tally } from './tally';

export interface Inspection {
  day: number;
  dashboard: Dashboard;
  targetsMet: { jobsWithinTarget: boolean; callsAnsweredIn20s: boolean; daysPerJob: boolean };
  stars: number;
}

/** What the official dashboard shows: jobs closed within their target, days per job closed, calls answered in 20 s. */
export interface Dashboard {
  jobsWithinTarget: number | null;
  daysPerJob: number | null;
  callsAnsweredIn20s: number | null;
}

export function dashboardOf(t: Tally): Dashboard {
  return {
    jobsWithinTarget: t.jobsClosed === 0 ? null : t.jobsInTarget / t.jobsClosed,
    daysPerJob: t.jobsClosed === 0 ? null : t.jobDays / t.jobsClosed,
    callsAnsweredIn20s: t.callsOffered === 0 ? null : t.callsIn20s / t.callsOffered,
  };
}

/**
 * The quarter's inspection at `now`: a star for turning up and one for each target met. A quarter
 * with no job closed misses the two job targets; a line nobody phoned meets its own.
 */
export function inspect(quarter: Tally, t: RepairsLevel['inspection']['targets'], now: number): Inspection {
  const dashboard = dashboardOf(quarter);
  const targetsMet = {
    jobsWithinTarget: dashboard.jobsWithinTarget !== null && dashboard.jobsWithinTarget >= t.jobsWithinTarget,
    callsAnsweredIn20s: dashboard.callsAnsweredIn20s === null || dashboard.callsAnsweredIn20s >= t.callsAnsweredIn20s,
    daysPerJob: dashboard.daysPerJob !== null && dashboard.daysPerJob <= t.daysPerJob,
  };
  const stars = 1 + Number(targetsMet.jobsWithinTarget) + Number(targetsMet.callsAnsweredIn20s) + Number(targetsMet.daysPerJob);
  return { day: now / DAY, dashboard, targetsMet, stars };
}
