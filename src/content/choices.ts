// Words for "What your choices cost": each choice in the player's own terms, and the plain-words
// reading of what the choices and the days show.
import { DESIGN_LEVERS, choiceIndex } from '../game/levers';
import type { Level } from '../levels/schema';
import type { Action } from '../services/housing-benefit';
import type { Attribution } from '../services/housing-benefit/attribution';
import type { DaysSplit } from '../analysis/whereTheDaysWent';
import { numberFormat, plural } from './intl';
import { SETTING_WORDS } from './levers';
import { OFFER_FROM } from './offers';
import { UNIT_WORDS } from './units';

const ONE_DECIMAL = numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1 });
const WHOLE = numberFormat({ maximumFractionDigits: 0 });
const daysText = (x: number) => UNIT_WORDS.days(x, ONE_DECIMAL);
/** A setting the lever does not name (a level's own value), as plainly as it can be said. */
const rawSetting = (v: unknown) => (typeof v === 'number' ? WHOLE.format(v) : String(v));
const choices = (n: number) => plural(n, { one: 'One choice', other: '# choices' }, WHOLE);

export const CHOICE_WORDS = {
  heading: 'What your choices cost',
  intro:
    'Each of your choices measured the only honest way: the same year, the same citizens, run again without that choice (for advice you were offered, with the other answer). Positive days mean longer waits.',
  columns: [
    'Day',
    'Your choice',
    'On the dashboard: reported days',
    'Stars (average)',
    'For citizens: days waiting',
    'Citizens harmed',
    'Complicated claims: days waiting',
    'Cost per need met',
  ],
  none: 'You made no choices this run: the office ran as you found it.',
  caption: 'Each choice: this run minus the same run without it',
  running: (done: number, total: number) => `Measuring your choices: ${WHOLE.format(done)} of ${WHOLE.format(total)} re-run so far…`,
  failed: 'The choices could not be measured in this browser.',
  tooMany: (n: number, max: number) =>
    `You made ${plural(n, { one: '# choice', other: '# choices' }, WHOLE)}; only the first ${WHOLE.format(max)} are measured here. The command line measures them all the same way.`,
  nobodyHelped: 'Nobody was helped in this run.',
  staffCaption: 'Paid staff hours a week',
  daysHeading: 'Where the days went',
  staffHeading: 'Where the staff hours went',
  staffIntro:
    'Each bar is one week of paid staff hours: value work (what the service is for), failure work (handling failure demand and the rework it brings) and idle time.',
  released: (hours: string) => `After the redesign, about ${hours} hours a week were idle: capacity released, to work off the backlog and then for other work.`,
  showsHeading: 'What this shows',
} as const;

/** A choice in the player's words: the actions of one minute, joined. */
function describeChoice(actions: readonly Action[], level: Level): string {
  return actions.map((a) => describeAction(a, level)).join('; ');
}

function describeAction(a: Action, level: Level): string {
  switch (a.kind) {
    case 'staff':
      return `${level.roles[a.role]?.label ?? a.role}: ${WHOLE.format(a.count)} on shift`;
    case 'regime':
      return a.regime === 'systems'
        ? 'Dropped the targets: adopted the redesigned flow, your people moved into the new roles'
        : 'Went back to the approved process';
    case 'design': {
      const lever = DESIGN_LEVERS[a.key];
      const choice = lever.choices[choiceIndex(lever as never, a.value)];
      return SETTING_WORDS.setting(lever.label, choice?.label ?? rawSetting(a.value));
    }
    case 'offer': {
      const offer = level.offers.find((o) => o.id === a.offer);
      const move = offer
        ? Object.entries(offer.design)
            .map(([k, v]) => {
              const lever = DESIGN_LEVERS[k as keyof typeof DESIGN_LEVERS];
              return SETTING_WORDS.setting(lever.label, lever.choices[choiceIndex(lever as never, v)]?.label ?? rawSetting(v)).toLowerCase();
            })
            .join(', ')
        : a.offer;
      const who = offer ? OFFER_FROM[offer.from] : 'Someone';
      return `${a.accept ? 'Took' : 'Turned down'} the advice of ${who.toLowerCase()} (${move})`;
    }
    case 'event':
      return ROOM_EVENT_WORDS[a.event];
  }
}

/** What a trainer's injected event did, in the words of the debrief and the room. */
const ROOM_EVENT_WORDS = {
  'budget-cut': 'The centre cut the staff budget',
  'national-target': 'The centre set a new national target for processing days',
  'surprise-inspection': 'The inspectors arrived without warning',
  'demand-surge': 'Demand surged for a few weeks',
} as const;

/** The reported and the lived figure side by side, and what made the difference. */
export function daysWentLines(reportedMean: number | null, split: DaysSplit): string[] {
  const lines = [
    `The dashboard reported ${reportedMean === null ? 'no figure' : daysText(reportedMean)} per claim decided. The citizens it helped lived ${daysText(split.lived)}, from first getting in touch to money paid.`,
  ];
  const parts: [number, string][] = [
    [split.onClosedClaims, 'on claims closed as incomplete before they applied again'],
    [split.beforeTheClock, 'on their claim before the official clock started'],
    [split.onTheClock, 'on the official clock: the only days the dashboard counts'],
    [split.toPayment, 'between the decision and the money arriving'],
  ];
  for (const [d, what] of parts) if (d >= 0.05) lines.push(`${daysText(d)} ${what}.`);
  if (split.reapplied > 0)
    lines.push(`${WHOLE.format(split.reapplied)} of the ${WHOLE.format(split.helped)} citizens helped had to apply again after a claim was closed.`);
  return lines;
}

/** A short reading in plain words of what the choices did. */
export function whatThisShows(rows: readonly Attribution[], level: Level, split: DaysSplit | null, reportedMean: number | null): string[] {
  const out: string[] = [];
  if (split && reportedMean !== null && split.lived > reportedMean * 1.5) {
    out.push(
      `The dashboard saw about ${WHOLE.format((reportedMean / split.lived) * 100)}% of the time citizens waited. The rest was kept off the clock by the rules, not by doing the work faster.`,
    );
  }
  const flattering = rows.filter((r) => (r.delta.reportedDays ?? 0) < -1 && (r.delta.waitingDaysMean ?? 0) > 0.5);
  const blind = rows.filter((r) => (r.delta.reportedDays ?? 0) < -1 && Math.abs(r.delta.waitingDaysMean ?? 0) <= 0.5);
  const helpful = rows.filter((r) => (r.delta.waitingDaysMean ?? 0) < -0.5);
  if (flattering.length > 0) {
    out.push(
      `${choices(flattering.length)} made the dashboard look better while citizens waited longer: ${flattering.map((r) => describeChoice(r.actions, level).toLowerCase()).join('; ')}.`,
    );
  }
  if (blind.length > 0) {
    out.push(
      `${choices(blind.length)} changed only what the dashboard counts, not what anyone lived: ${blind.map((r) => describeChoice(r.actions, level).toLowerCase()).join('; ')}.`,
    );
  }
  if (helpful.length > 0) {
    out.push(`${choices(helpful.length)} shortened citizens' waits: ${helpful.map((r) => describeChoice(r.actions, level).toLowerCase()).join('; ')}.`);
  }
  // Better on average can still be worse for a few: easy claims first makes the complicated ones wait.
  const atTheirCost = rows.filter((r) => (r.delta.waitingDaysMean ?? 0) <= 0.5 && (r.delta.hardWaitingDaysMean ?? 0) > 2);
  if (atTheirCost.length > 0) {
    out.push(
      `${choices(atTheirCost.length)} left complicated claims, often the people with the most complicated lives, waiting longer: ${atTheirCost.map((r) => describeChoice(r.actions, level).toLowerCase()).join('; ')}.`,
    );
  }
  if (out.length === 0) out.push('None of your choices moved the figures by much: what citizens lived came from the system you inherited.');
  return out;
}

const SIGNED_1 = numberFormat({ signDisplay: 'exceptZero', maximumFractionDigits: 1, minimumFractionDigits: 1 });
const SIGNED_2 = numberFormat({ signDisplay: 'exceptZero', maximumFractionDigits: 2, minimumFractionDigits: 2 });
const SIGNED_0 = numberFormat({ signDisplay: 'exceptZero', maximumFractionDigits: 0 });
const SIGNED_MONEY = numberFormat({ style: 'currency', currency: 'GBP', signDisplay: 'exceptZero', maximumFractionDigits: 2, minimumFractionDigits: 2 });

export type Tone = 'better' | 'worse' | 'same';
export interface ChoiceCell {
  text: string;
  tone: Tone;
}

/** A change and whether it is good news (lower is better unless `higherBetter`), said in words too, never by colour alone. */
function deltaCell(v: number | null, fmt: Intl.NumberFormat, higherBetter = false): ChoiceCell {
  if (v === null) return { text: UNIT_WORDS.notAvailable, tone: 'same' };
  if (v === 0) return { text: fmt.format(0), tone: 'same' };
  const good = higherBetter ? v > 0 : v < 0;
  return { text: `${fmt.format(v)} (${good ? 'better' : 'worse'})`, tone: good ? 'better' : 'worse' };
}

/** The cells of one row of "What your choices cost", in CHOICE_WORDS.columns order. */
export function choiceRow(a: Attribution, level: Level): ChoiceCell[] {
  const d = a.delta;
  return [
    { text: WHOLE.format(Math.floor(a.action.at / 1440)), tone: 'same' },
    { text: describeChoice(a.actions, level), tone: 'same' },
    deltaCell(d.reportedDays, SIGNED_1),
    deltaCell(d.stars, SIGNED_2, true),
    deltaCell(d.waitingDaysMean, SIGNED_1),
    deltaCell(d.harmed, SIGNED_0),
    deltaCell(d.hardWaitingDaysMean, SIGNED_1),
    deltaCell(d.costPerNeedMet, SIGNED_MONEY),
  ];
}
