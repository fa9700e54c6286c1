// A session's teams as CSV for a spreadsheet: a byte-order mark so Excel reads UTF-8 names, one
// row per team, and a team name that looks like a formula made plain text.
import { DAY } from '../services/housing-benefit';
import type { TeamSummary } from '../room/protocol';
import type { Verdict } from '../room/verify';

export interface CsvTeam {
  name: string;
  joinedAt: string;
  updates: number;
  summary: TeamSummary | null;
  verdict: Verdict | null;
}

const HEADER = [
  'team',
  'joined',
  'updates',
  'day reached',
  'way of working',
  'official: processing days',
  'official: calls answered in 20 s',
  'official: visitors seen in 15 min',
  'stars',
  'citizens arrived',
  'helped',
  'still waiting',
  'gave up',
  'days waited (mean)',
  'failure demand share',
  'cost per citizen helped',
  'staff spend per week',
  'verified',
  'mismatch',
];

/** A cell: quoted when it must be, and never read by a spreadsheet as a formula. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sessionCsv(teams: readonly CsvTeam[]): string {
  const rows = teams.map((t) => {
    const s = t.summary;
    return [
      t.name,
      t.joinedAt,
      t.updates,
      s ? Math.floor(s.at / DAY) : null,
      s?.regime ?? null,
      s?.official.processingDays ?? null,
      s?.official.callsAnsweredIn20s ?? null,
      s?.official.visitorsSeenIn15m ?? null,
      s?.official.stars ?? null,
      s?.lived.arrived ?? null,
      s?.lived.met ?? null,
      s?.lived.open ?? null,
      s?.lived.abandoned ?? null,
      s?.lived.waitingDaysMean ?? null,
      s?.lived.failureDemandShare ?? null,
      s?.lived.costPerNeedMet ?? null,
      s?.lived.staffSpendPerWeek ?? null,
      t.verdict ? t.verdict.verified : null,
      t.verdict && !t.verdict.verified ? t.verdict.mismatch : null,
    ]
      .map(cell)
      .join(',');
  });
  return `\uFEFF${[HEADER.map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}
