import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import housingBenefit from '../../levels/housing-benefit.json';
import { runCli } from './helpers';
import type { Report } from '../../src/services/housing-benefit/report';

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'its-the-system-'));

describe('npm run sim', () => {
  it('prints a readable report', () => {
    const r = run('--level', 'front-desk', '--seed', '2', '--days', '5');
    expect(r.code).toBe(0);
    expect(r.out).toContain('What the dashboard said');
    expect(r.out).toContain('What citizens lived');
    expect(r.err).toBe('');
  });

  it('runs the front desk as a textbook queue: more clerks, shorter waits; options it has no use for are refused', () => {
    const two = run('--level', 'front-desk-queue', '--days', '200', '--json');
    const three = run('--level', 'front-desk-queue', '--days', '200', '--set', 'clerks=3', '--json');
    expect(two.code).toBe(0);
    const a = JSON.parse(two.out) as { service: string; meanWaitMinutes: number; visitors: { arrived: number } };
    const b = JSON.parse(three.out) as typeof a;
    expect(a.service).toBe('front-desk');
    expect(b.visitors.arrived).toBe(a.visitors.arrived);
    expect(b.meanWaitMinutes).toBeLessThan(a.meanWaitMinutes / 3);
    expect(run('--level', 'front-desk-queue', '--days', '5').out).toContain('waited at all');
    const refused = run('--level', 'front-desk-queue', '--scenario', 'takeover');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--scenario: not available for the front desk');
  });

  it('--json prints the documented fields', () => {
    const r = run('--level', 'housing-benefit', '--regime', 'systems', '--seed', '4', '--days', '60', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report).toMatchObject({ level: 'housing-benefit', regime: 'systems', seed: 4, days: 60 });
    for (const key of ['arrived', 'met', 'open', 'abandoned']) expect(report.needs).toHaveProperty(key);
    for (const key of ['opened', 'decided', 'nilQualified', 'open']) expect(report.claims).toHaveProperty(key);
    for (const key of ['mean', 'p50', 'p95', 'max']) expect(report.endToEndDays).toHaveProperty(key);
    expect(report.reportedDays).toHaveProperty('mean');
    for (const key of ['total', 'value', 'failure']) expect(report.contacts).toHaveProperty(key);
    expect(report).toHaveProperty('failureDemandShare');
    expect(report).toHaveProperty('oneStopShare');
    expect(report.cost).toHaveProperty('total');
    expect(report.cost).toHaveProperty('perNeedMet');
    expect(report.wip).toHaveProperty('meanNeedsOpen');
    expect(report.throughput).toHaveProperty('needsMetPerDay');
    expect(report.queues.assessor).toHaveProperty('meanWaitMinutes');
    expect(report.queues.assessor).toHaveProperty('utilisation');
  });

  it('--needs-csv writes rows from which the report can be recomputed', () => {
    const file = join(dir, 'needs.csv');
    const r = run('--level', 'housing-benefit', '--seed', '5', '--days', '120', '--json', '--needs-csv', file);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
    expect(header).toBe('id,arrivedDay,closedDay,outcome,contacts,failureContacts,claims');
    const rows = lines.map((l) => {
      const [id, arrived, closed, outcome, contacts, failure, claims] = l.split(',');
      return {
        id: Number(id),
        arrived: Number(arrived),
        closed: closed === '' ? null : Number(closed),
        outcome,
        contacts: Number(contacts),
        failure: Number(failure),
        claims: Number(claims),
      };
    });
    expect(rows.length).toBe(report.needs.arrived);
    const met = rows.filter((x) => x.outcome === 'met');
    expect(met.length).toBe(report.needs.met);
    expect(rows.filter((x) => x.outcome === 'abandoned').length).toBe(report.needs.abandoned);
    expect(rows.filter((x) => x.outcome === 'open' && x.closed === null).length).toBe(report.needs.open);
    const meanE2e = met.reduce((s, x) => s + (x.closed! - x.arrived), 0) / met.length;
    expect(meanE2e).toBeCloseTo(report.endToEndDays.mean!, 3);
    const contacts = rows.reduce((s, x) => s + x.contacts, 0);
    const failures = rows.reduce((s, x) => s + x.failure, 0);
    expect(contacts).toBe(report.contacts.total);
    expect(failures).toBe(report.contacts.failure);
    expect(met.filter((x) => x.contacts === 1).length / met.length).toBeCloseTo(report.oneStopShare!, 4);
    const openDays = rows.reduce((s, x) => s + Math.min(x.closed ?? report.days, report.days) - x.arrived, 0);
    expect(openDays / report.days).toBeCloseTo(report.wip.meanNeedsOpen, 2);
  });

  it('--actions replays a log; the same log gives the same report', () => {
    const file = join(dir, 'actions.json');
    writeFileSync(
      file,
      JSON.stringify([
        { at: 1440 * 10, kind: 'staff', role: 'assessor', count: 8 },
        { at: 1440 * 20, kind: 'regime', regime: 'systems' },
      ]),
    );
    const a = run('--level', 'housing-benefit', '--days', '40', '--json', '--actions', file);
    const b = run('--level', 'housing-benefit', '--days', '40', '--json', '--actions', file);
    const plain = run('--level', 'housing-benefit', '--days', '40', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(plain.out);
    expect((JSON.parse(a.out) as Report).regime).toBe('systems');
  });

  it('an exported run replays on its own seed unless --seed says otherwise', () => {
    const file = join(dir, 'exported-seed.json');
    writeFileSync(file, JSON.stringify({ format: 'its-the-system/run', seed: 7, regime: 'deliverology', actions: [] }));
    const replay = JSON.parse(run('--level', 'front-desk', '--days', '5', '--json', '--actions', file).out) as Report;
    expect(replay.seed).toBe(7);
    expect(JSON.parse(run('--level', 'front-desk', '--days', '5', '--json', '--actions', file, '--seed', '2').out).seed).toBe(2);
    expect(JSON.parse(run('--level', 'front-desk', '--days', '5', '--json').out).seed).toBe(1);
    const repairs = JSON.parse(run('--level', 'housing-repairs', '--days', '5', '--json', '--actions', file).out) as { seed: number };
    expect(repairs.seed).toBe(7);
  });

  it('a --set that the scenario undoes is named, with the path that would take effect', () => {
    const hb = run('--level', 'housing-benefit', '--days', '5', '--scenario', 'takeover', '--set', 'regimes.deliverology.design.nilQualifyDays=28');
    expect(hb.code).toBe(0);
    expect(hb.err).toMatch(
      /--set regimes\.deliverology\.design\.nilQualifyDays has no effect in scenario "takeover".*--set scenarios\.1\.design\.nilQualifyDays=/,
    );
    const repairs = run('--level', 'housing-repairs', '--days', '5', '--scenario', 'takeover', '--set', 'regimes.deliverology.design.closeAndReraise=true');
    expect(repairs.err).toMatch(/closeAndReraise has no effect in scenario "takeover"/);
    expect(run('--level', 'housing-repairs', '--days', '5', '--set', 'regimes.deliverology.design.closeAndReraise=false').err).toBe('');
  });

  it('--set overrides a level field by its dotted path', () => {
    const r = run('--level', 'housing-benefit', '--days', '30', '--json', '--set', 'regimes.deliverology.staff.assessor=9');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).queues.assessor!.staff).toBe(9);
  });

  it('bad arguments: usage on stderr, exit 2', () => {
    for (const argv of [
      [],
      ['--level'],
      ['--level', 'housing-benefit', '--seed', 'x'],
      ['--level', 'housing-benefit', '--regime', 'chaos'],
      ['--level', 'housing-benefit', '--bogus'],
      ['--level', 'nowhere'],
    ]) {
      const r = run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('Usage');
      expect(r.out).toBe('');
    }
  });

  it('a bad level: the validation message naming the field, exit 2', () => {
    const bad = structuredClone(housingBenefit) as Record<string, unknown>;
    (bad.demand as Record<string, unknown>).needsPerDay = -3;
    bad.colour = 'red';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = run('--level', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('demand.needsPerDay');
    expect(r.err).toContain('unknown field "colour"');

    const typo = run('--level', 'housing-benefit', '--set', 'regimes.deliverology.staf.assessor=3');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('no field');

    const range = run('--level', 'housing-benefit', '--set', 'handoffs.itemLost=1.5');
    expect(range.code).toBe(2);
    expect(range.err).toContain('handoffs.itemLost');

    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(run('--level', join(dir, 'broken.json')).code).toBe(2);
  });

  it('a bad action log is refused with the field named', () => {
    const file = join(dir, 'bad-actions.json');
    writeFileSync(file, JSON.stringify([{ at: 0, kind: 'staff', role: 'wizard', count: 2 }]));
    const r = run('--level', 'housing-benefit', '--actions', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('actions.0.role');
  });

  it('bad input found from outside: each refused with a message and exit 2, before any run', () => {
    const csv = run('--level', 'housing-benefit', '--needs-csv', join(dir, 'no-such-dir', 'needs.csv'));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('cannot write --needs-csv');
    expect(csv.out).toBe('');
    expect(run('--level', 'housing-benefit', '--needs-csv', dir).err).toContain('is a directory');

    for (const [flag, value] of [
      ['--seed', '-5'],
      ['--days', '-1'],
    ] as const) {
      const r = run('--level', 'housing-benefit', flag, value);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${flag} must be a whole number, not "${value}"`);
    }

    const huge = run('--level', 'housing-benefit', '--set', 'demand.needsPerDay=10000');
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('demand.needsPerDay');
    const long = run('--level', 'housing-benefit', '--set', 'demand.needsPerDay=100', '--days', '3650');
    expect(long.code).toBe(2);
    expect(long.err).toContain('fit in one run');

    const teamless = run('--level', 'housing-benefit', '--set', 'regimes.deliverology.design.pilotShare=0.3');
    expect(teamless.code).toBe(2);
    expect(teamless.err).toContain('regimes.deliverology.design.pilotTeam');
  });

  it('an action log: every error names the field and what was expected; nothing is dropped silently', () => {
    const file = join(dir, 'actions-bad.json');
    writeFileSync(
      file,
      JSON.stringify([
        { at: 0, kind: 'staff', role: 'assessor', count: 'many' },
        { at: 0, kind: 'design', key: 'nilQ', value: 1 },
        { at: 0, kind: 'hire' },
        { at: 10, kind: 'design', key: 'cherryPick', value: 'yes' },
      ]),
    );
    const r = run('--level', 'housing-benefit', '--actions', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('actions.0.count');
    expect(r.err).toContain('actions.1.key: expected one of');
    expect(r.err).toContain('actions.2.kind: expected "staff", "design", "regime", "offer" or "event"');
    expect(r.err).toContain('actions.3.value');
    expect(r.err).not.toContain('Invalid input\n');

    const late = join(dir, 'actions-late.json');
    writeFileSync(late, JSON.stringify([{ at: 1440 * 50, kind: 'regime', regime: 'systems' }]));
    const l = run('--level', 'housing-benefit', '--days', '40', '--actions', late);
    expect(l.code).toBe(2);
    expect(l.err).toContain("actions.0.at: minute 72000 is after the run's end (day 40");

    const teamless = join(dir, 'actions-teamless.json');
    writeFileSync(teamless, JSON.stringify([{ at: 0, kind: 'design', key: 'pilotShare', value: 0.2 }]));
    const t = run('--level', 'housing-benefit', '--days', '40', '--actions', teamless);
    expect(t.code).toBe(2);
    expect(t.err).toContain('needs a pilot team');
  });

  it('--attribute: what each action cost, by the same run without it', () => {
    const file = join(dir, 'actions-attribute.json');
    const log = [
      { at: 1440 * 5, kind: 'design', key: 'clockStart', value: 'received' },
      { at: 1440 * 10, kind: 'design', key: 'nilQualifyDays', value: null },
    ];
    writeFileSync(file, JSON.stringify(log));
    const r = run('--level', 'housing-benefit', '--days', '60', '--json', '--actions', file, '--attribute');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report & { attribution: { index: number; action: unknown; delta: Record<string, number | null> }[] };
    expect(report.attribution.map((a) => a.index)).toEqual([0, 1]);
    expect(report.attribution[0]!.action).toEqual(log[0]);
    for (const key of ['reportedDays', 'endToEndMean', 'waitingDaysMean', 'contactsPerNeed', 'failureContacts', 'costPerNeedMet', 'harmed', 'stars']) {
      expect(report.attribution[0]!.delta).toHaveProperty(key);
    }
    // The clock rule moves only the figure: every true measure is the same without it.
    const clock = report.attribution[0]!.delta;
    expect(clock.reportedDays).toBeGreaterThan(0);
    expect([clock.endToEndMean, clock.waitingDaysMean, clock.contactsPerNeed, clock.failureContacts, clock.harmed]).toEqual([0, 0, 0, 0, 0]);
    const text = run('--level', 'housing-benefit', '--days', '60', '--actions', file, '--attribute');
    expect(text.out).toContain('What each choice cost');
    expect(run('--level', 'housing-benefit', '--attribute').err).toContain('--attribute needs --actions');
  });
});
