// Regenerates the tables in docs/model.md from the simulator itself: the calibration of the
// default housing-benefit level, the price of each gaming move, a steady office over years, and
// throughput as demand outgrows capacity.
//   npm run model-tables            print the tables
//   npm run model-tables -- --write  also rewrite them in docs/model.md (between the markers)
//   --seeds=N                        seeds 1..N for calibration and gaming (default 20)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  calibration,
  type CalibrationId,
  gamingTable,
  meanWorse,
  OFFICIAL,
  overloadCurve,
  redesignPath,
  spread,
  TRUE_MEASURES,
  type TrueMeasureId,
  withDeliverology,
  HONEST_DESIGN,
  yearByYear,
} from '../src/analysis/modelChecks';
import { LEVEL_FILES, shippedLevel } from '../src/levels/catalogue';
import { type RepairsMeasureId, repairsCalibration, repairsLevers } from '../src/analysis/repairsChecks';
import { parseRepairsLevel } from '../src/services/housing-repairs/index';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const nSeeds = Number(arg('seeds') ?? 20);
const seeds = Array.from({ length: nSeeds }, (_, i) => i + 1);
const level = shippedLevel('housing-benefit');
const days = level.days;

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-');

function calibrationTable(): string {
  const d = calibration(level, 'deliverology', seeds, days);
  const s = calibration(level, 'systems', seeds, days);
  const rows: [string, CalibrationId, (x: number) => string, string, string][] = [
    ['reported days to process', 'reportedDays', (x) => f(x), 'about 28', '(not measured)'],
    ['end-to-end days (needs met)', 'endToEndMean', (x) => f(x), '3-4 x reported', 'about a week'],
    ['end-to-end / reported', 'trueOverReported', (x) => f(x, 2), '3-4', ''],
    ['days waiting, every citizen', 'waitingDaysMean', (x) => f(x), '', ''],
    ['failure demand share', 'failureDemandShare', pct, '60-80%', 'under 15%'],
    ['settled in one contact', 'oneStopShare', pct, 'under 10%', 'at least 50%'],
    ["claims nil-qualified (cohort's)", 'nilQualifiedShare', pct, 'a large share (seed: 40%)', 'none'],
    ['cost per need met (£)', 'costPerNeedMet', (x) => f(x, 0), 'baseline', 'at least 40% lower'],
    ['gave up (in the year)', 'gaveUpShare', pct, 'under 10%', ''],
    ['helped within 56 days', 'helpedWithin56', pct, '', ''],
    ['staff time on failure work', 'failureWorkShare', pct, 'a large share', ''],
    ['busiest role utilisation', 'busiestRoleUtilisation', pct, 'at most 97%', ''],
  ];
  const lines = [
    `Housing benefit, default settings, ${days} days, seeds 1-${nSeeds}: mean (min-max).`,
    '',
    '| measure | deliverology | target | redesigned flow | target |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [label, id, fmt, dTarget, sTarget] of rows) {
    lines.push(
      `| ${label} | ${fmt(d[id].mean)} (${fmt(d[id].min)}-${fmt(d[id].max)}) | ${dTarget} | ${fmt(s[id].mean)} (${fmt(s[id].min)}-${fmt(s[id].max)}) | ${sTarget} |`,
    );
  }
  const saving = 1 - s.costPerNeedMet.mean / d.costPerNeedMet.mean;
  lines.push('', `The redesigned flow's cost per need met is ${pct(saving)} lower.`);
  return lines.join('\n');
}

function gamingTableText(): string {
  const { rows } = gamingTable(level, seeds, days);
  const lines = [
    `From the honest deliverology design (${Object.entries(HONEST_DESIGN)
      .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
      .join(', ')}), each move alone; ${days} days, seeds 1-${nSeeds}.`,
    'Each cell: honest mean -> with the move (seeds on which it got worse for citizens, or better on the dashboard).',
    '',
    '| move | official measure | true measures that got worse (seeds) |',
    '| --- | --- | --- |',
  ];
  for (const row of rows) {
    const o = row.official;
    const m = OFFICIAL[row.move.games];
    const fmt = row.move.games === 'reportedDays' ? (x: number) => f(x) : pct;
    const official = `${m.label}: ${fmt(o.base)} -> ${fmt(o.moved)} (${o.better}/${nSeeds})`;
    const worse = (Object.keys(TRUE_MEASURES) as TrueMeasureId[])
      .filter((id) => meanWorse(TRUE_MEASURES[id], row.truths[id]) && row.truths[id].worse >= Math.ceil(0.9 * nSeeds))
      .map((id) => {
        const v = row.truths[id];
        const digits = Math.abs(v.base) < 2 ? 3 : 1;
        return `${TRUE_MEASURES[id].label} ${f(v.base, digits)} -> ${f(v.moved, digits)} (${v.worse})`;
      });
    const unchanged = (Object.keys(TRUE_MEASURES) as TrueMeasureId[]).every((id) => row.truths[id].same === nSeeds);
    lines.push(
      `| ${row.move.label} | ${official} | ${unchanged ? 'none: every true measure identical on every seed (its cost is blindness)' : worse.join('; ')} |`,
    );
  }
  return lines.join('\n');
}

function steadyTable(): string {
  const years = 4;
  const lines = [
    `Default deliverology, ${years} years after the inherited one, by year of arrival (seeds 1-3): mean end-to-end days of those helped, and the share who gave up by the end.`,
    '',
    `| seed | ${Array.from({ length: years }, (_, y) => `year ${y + 1}`).join(' | ')} | busiest role |`,
    `| --- | ${Array.from({ length: years }, () => '---').join(' | ')} | --- |`,
  ];
  for (const seed of [1, 2, 3]) {
    const { years: ys, report } = yearByYear(level, seed, 'deliverology', years);
    const busiest = Object.entries(report.queues).sort((a, b) => (b[1].utilisation ?? 0) - (a[1].utilisation ?? 0))[0]!;
    lines.push(
      `| ${seed} | ${ys.map((y) => `${f(y.endToEndMean)} d, ${pct(y.gaveUpShare)} gave up`).join(' | ')} | ${busiest[0]} ${pct(busiest[1].utilisation ?? 0)} |`,
    );
  }
  lines.push('', `Year ${years}'s citizens have had less time to finish, so their figures are lower; compare years 1-3.`);
  return lines.join('\n');
}

function overloadTable(): string {
  const factors = [0.5, 1, 1.5, 2, 2.5, 3];
  const curves = [
    ['deliverology (default)', overloadCurve(level, 'deliverology', factors, [1, 2], days)],
    ['deliverology, honest (no nil-qualifying)', overloadCurve(withDeliverology(level, HONEST_DESIGN), 'deliverology', factors, [1, 2], days)],
    ['redesigned flow', overloadCurve(level, 'systems', factors, [1, 2], days)],
  ] as const;
  const lines = [
    `Needs met a day by the whole office (inherited citizens too) as demand is multiplied; ${days} days, seeds 1-2. In brackets: the fall from the curve's peak.`,
    '',
    `| design | ${factors.map((x) => `${x}x (${f(level.demand.needsPerDay * x)}/day)`).join(' | ')} |`,
    `| --- | ${factors.map(() => '---').join(' | ')} |`,
  ];
  for (const [label, curve] of curves) {
    // The fall from the peak so far, once demand has passed the peak.
    let peak = 0;
    const cells = curve.map((c) => {
      const fall = peak > c.officeNeedsMetPerDay ? ` (-${pct(1 - c.officeNeedsMetPerDay / peak)})` : '';
      peak = Math.max(peak, c.officeNeedsMetPerDay);
      return `${f(c.officeNeedsMetPerDay)}${fall}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function redesignTable(): string {
  const offered = redesignPath(level, seeds);
  const cut = redesignPath(level, seeds, {
    after: [{ kind: 'staff', role: level.assign.casework, count: level.regimes.systems.staff[level.assign.casework]! }],
  });
  const row = (label: string, rows: typeof offered) => {
    const s = (f: (r: (typeof offered)[number]) => number) => spread(rows.map(f));
    const e2e = s((r) => r.laterEndToEndMean);
    const wait = s((r) => r.laterWaitingMean);
    const ratio = s((r) => r.costPerNeedMet / r.deliverologyCostPerNeedMet);
    const atSwitch = s((r) => r.openAtSwitch);
    const atEnd = s((r) => r.openAtEnd);
    const within = rows.filter((r) => r.laterEndToEndMean <= 10 && r.costPerNeedMet / r.deliverologyCostPerNeedMet <= 0.6).length;
    const staff = Object.entries(rows[0]!.staff)
      .filter(([, n]) => n > 0)
      .map(([id, n]) => `${n} ${id}`)
      .join(', ');
    return `| ${label} | ${staff} | ${f(atSwitch.mean, 0)} -> ${f(atEnd.mean, 0)} | ${f(e2e.mean)} (${f(e2e.min)}-${f(e2e.max)}) | ${f(wait.mean)} | ${f(ratio.mean, 3)} (max ${f(ratio.max, 3)}) | ${within}/${nSeeds} |`;
  };
  return [
    `Housing benefit: deliverology until day 90, then one \`regime\` action to the redesigned flow; ${days} days, seeds 1-${nSeeds}. Later citizens: those arriving from day 150.`,
    '',
    "| staffing after the switch | staff | citizens waiting: at the switch -> at the end | later citizens, end-to-end days (needs met) | later citizens, days waiting (every one) | cost per need met / deliverology's | seeds within 10 days and 0.6 |",
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('offered (people moved)', offered),
    row("cut to the redesign's own staffing", cut),
  ].join('\n');
}

function repairsLevelOrThrow() {
  const parsed = parseRepairsLevel(LEVEL_FILES['housing-repairs']);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

const REPAIRS_ROWS: [string, RepairsMeasureId, (x: number) => string, string, string][] = [
  ['days from first call to repair done (fixed)', 'endToEndMean', (x) => f(x), 'about 60', 'about 7 (at most 10)'],
  ['days waiting, every tenant (fixed or not)', 'waitingDaysMean', (x) => f(x), '', ''],
  ['fixed at the first visit', 'firstVisitFixShare', pct, 'about 45%', 'at least 95% (source: 99%)'],
  ['visits per repair', 'visitsPerNeed', (x) => f(x, 2), '', ''],
  ['failure demand share of calls', 'failureDemandShare', pct, '', ''],
  ['cost per repair (£)', 'costPerRepair', (x) => f(x, 0), 'baseline', 'at most half'],
  ['dashboard: jobs within target', 'jobsWithinTarget', pct, '', ''],
  ['dashboard: days per job', 'reportedDays', (x) => f(x), '', ''],
  ['fewest stars at an inspection', 'fewestStars', (x) => f(x, 0), '', ''],
];

function repairsTable(): string {
  const level = repairsLevelOrThrow();
  const c = repairsCalibration(level, seeds, level.days);
  const lines = [
    `Housing repairs, default settings, ${level.days} days, seeds 1-${nSeeds}: mean (min-max). Source: Portsmouth (waiting 60 -> 7 days, fixed at the first visit 45% -> 99%, cost per repair more than halved).`,
    '',
    '| measure | deliverology | source | redesigned flow | source |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [label, id, fmt, dSource, sSource] of REPAIRS_ROWS) {
    const d = c.deliverology[id];
    const s = c.systems[id];
    lines.push(`| ${label} | ${fmt(d.mean)} (${fmt(d.min)}-${fmt(d.max)}) | ${dSource} | ${fmt(s.mean)} (${fmt(s.min)}-${fmt(s.max)}) | ${sSource} |`);
  }
  lines.push('', `Cost per repair redesigned / deliverology's, seed by seed: mean ${f(c.costRatio.mean, 3)}, max ${f(c.costRatio.max, 3)}.`);
  return lines.join('\n');
}

function repairsLeverTable(): string {
  const level = repairsLevelOrThrow();
  const rows = repairsLevers(level, seeds, level.days);
  const shown: RepairsMeasureId[] = ['endToEndMean', 'firstVisitFixShare', 'failureDemandShare', 'costPerRepair', 'jobsWithinTarget'];
  const fmt = (id: RepairsMeasureId, x: number) =>
    id === 'firstVisitFixShare' || id === 'failureDemandShare' || id === 'jobsWithinTarget' ? pct(x) : f(x, id === 'costPerRepair' ? 0 : 1);
  const lines = [
    `Housing repairs: from each regime's own design, one lever turned alone (staffing as the regime has it); ${level.days} days, mean of seeds 1-${nSeeds}. Each cell: as designed -> with the lever turned.`,
    '',
    `| from | lever | kind | ${shown.map((id) => id).join(' | ')} |`,
    `| --- | --- | --- | ${shown.map(() => '---').join(' | ')} |`,
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.from} | ${r.key} = ${JSON.stringify(r.value)} | ${r.kind} | ${shown.map((id) => `${fmt(id, r.measures[id].before)} -> ${fmt(id, r.measures[id].after)}`).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

const sections: Record<string, () => string> = {
  calibration: calibrationTable,
  gaming: gamingTableText,
  steady: steadyTable,
  overload: overloadTable,
  redesign: redesignTable,
  repairs: repairsTable,
  'repairs-levers': repairsLeverTable,
};
const only = arg('only');
const texts: Record<string, string> = {};
for (const [name, make] of Object.entries(sections)) {
  if (only && only !== name) continue;
  const started = performance.now();
  texts[name] = make();
  console.log(`## ${name}\n\n${texts[name]}\n\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

if (process.argv.includes('--write')) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'model.md');
  let doc = readFileSync(file, 'utf8');
  for (const [name, text] of Object.entries(texts)) {
    const start = `<!-- table:${name} -->`;
    const end = `<!-- /table:${name} -->`;
    const a = doc.indexOf(start);
    const b = doc.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/model.md has no ${start} ... ${end} markers`);
    doc = `${doc.slice(0, a + start.length)}\n${text}\n${doc.slice(b)}`;
  }
  writeFileSync(file, doc);
  console.log(`wrote ${Object.keys(texts).join(', ')} into docs/model.md`);
}
