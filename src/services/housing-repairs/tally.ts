/** What the official dashboard counts over a period: jobs closed (and within target), and calls offered (and answered in 20 s). */
export interface Tally {
  jobsClosed: number;
  jobsInTarget: number;
  /** Days from raised to closed, summed over the jobs closed. */
  jobDays: number;
  callsOffered: number;
  callsIn20s: number;
}

export function emptyTally(): Tally {
  return { jobsClosed: 0, jobsInTarget: 0, jobDays: 0, callsOffered: 0, callsIn20s: 0 };
}
