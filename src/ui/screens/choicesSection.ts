// "What your choices cost": one row per choice, measured by re-running the year without it (rows
// arrive from a worker as each re-run ends); where the days went; where the staff hours went; and
// what this shows, in plain words.
import { CHOICE_WORDS, choiceRow, daysWentLines, whatThisShows } from '../../content/choices';
import type { Debrief } from '../../game/debriefData';
import type { ChoicesCost } from '../../game/store';
import type { Level } from '../../levels/schema';
import type { Attribution } from '../../services/housing-benefit/attribution';
import { h } from '../dom';
import { count } from '../format';
import { staffChart } from '../staffChart';

function row(a: Attribution, level: Level): HTMLElement {
  // Each cell carries its column's name, so a narrow screen can show a row as a card.
  return h(
    'tr',
    { 'data-choice': a.index },
    ...choiceRow(a, level).map((c, i) => h('td', { className: c.tone === 'same' ? '' : c.tone, 'data-label': CHOICE_WORDS.columns[i]! }, c.text)),
  );
}

export interface ChoicesSectionView {
  el: HTMLElement;
  update(choices: ChoicesCost | null): void;
}

export function choicesSection(d: Debrief, level: Level): ChoicesSectionView {
  const status = h('p', { className: 'hint', role: 'status' });
  const body = h('tbody', {});
  const table = h(
    'table',
    { className: 'data choices' },
    h('caption', {}, CHOICE_WORDS.caption),
    h('thead', {}, h('tr', {}, ...CHOICE_WORDS.columns.map((c) => h('th', { scope: 'col' }, c)))),
    body,
  );
  const shows = h('div', { className: 'shows' });
  const split = d.daysSplit;
  const el = h(
    'section',
    { className: 'journey choices-cost', 'aria-labelledby': 'choices-h' },
    h('h2', { id: 'choices-h' }, CHOICE_WORDS.heading),
    h('p', {}, CHOICE_WORDS.intro),
    status,
    table,
    h('h3', {}, CHOICE_WORDS.daysHeading),
    split
      ? h('ul', { className: 'days-went' }, ...daysWentLines(d.report.reportedDays.mean, split).map((l) => h('li', {}, l)))
      : h('p', {}, CHOICE_WORDS.nobodyHelped),
    h('h3', {}, CHOICE_WORDS.staffHeading),
    h('p', {}, CHOICE_WORDS.staffIntro),
    d.staffWeeks.length > 0 ? staffChart(d.staffWeeks, d.changedWeek, CHOICE_WORDS.staffCaption) : null,
    releasedLine(d),
    h('h3', {}, CHOICE_WORDS.showsHeading),
    shows,
  );
  let shown: ChoicesCost | null | undefined;
  return {
    el,
    update(c) {
      if (c === shown) return;
      shown = c;
      const rows = [...(c?.rows ?? [])].sort((a, b) => a.index - b.index);
      body.replaceChildren(...rows.map((r) => row(r, level)));
      table.hidden = rows.length === 0;
      if (!c || c.total === 0) status.textContent = CHOICE_WORDS.none;
      else if (c.status === 'running') status.textContent = CHOICE_WORDS.running(rows.length, c.measured);
      else if (c.status === 'failed') status.textContent = CHOICE_WORDS.failed;
      else status.textContent = c.total > c.measured ? CHOICE_WORDS.tooMany(c.total, c.measured) : '';
      el.dataset.status = c?.status ?? 'none';
      const done = c?.status !== 'running';
      shows.replaceChildren(...(done ? whatThisShows(rows, level, split, d.report.reportedDays.mean) : []).map((p) => h('p', {}, p)));
    },
  };
}

/** Idle hours a week after a redesign, once the backlog has gone: the capacity it released. */
function releasedLine(d: Debrief): HTMLElement | null {
  if (d.changedWeek === null) return null;
  const after = d.staffWeeks.slice(-8);
  if (after.length === 0 || d.staffWeeks.length - 8 < d.changedWeek) return null;
  const idle = after.reduce((a, w) => a + w.idle, 0) / after.length;
  return h('p', {}, CHOICE_WORDS.released(count(Math.round(idle))));
}
