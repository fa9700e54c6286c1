import type { Catalogue } from '../../engine/service';

// The front desk's vocabulary: one reason (the visit it exists for), three stages, the official
// "seen in time" and what visitors live, and the one thing to change, the clerks.

export const CLERK = 'clerk';

export const catalogue: Catalogue = {
  reasons: [{ id: 'visit', failure: false }],
  stages: ['queueing', 'at-the-desk', 'seen'],
  official: [{ id: 'seenInTimeShare', unit: 'share', better: 'higher' }],
  lived: [
    { id: 'meanWaitMinutes', unit: 'minutes', better: 'lower' },
    { id: 'p95WaitMinutes', unit: 'minutes', better: 'lower' },
    { id: 'waitedShare', unit: 'share', better: 'lower' },
  ],
  levers: [],
  roles: [CLERK],
  work: ['visit'],
  places: [{ id: 'front', side: 'public', stages: ['queueing', 'at-the-desk'] }],
  journey: [],
};
