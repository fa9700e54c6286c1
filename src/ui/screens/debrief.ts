// The debrief, the point of the game: what the dashboard said beside what the same citizens
// lived; the two distributions; one citizen's journey; the other regime on the same seed; export.
import type { Controller } from '../../game/controller';
import { levelForRun, type LevelId } from '../../game/levels';
import { choicesSection } from './choicesSection';
import type { Comparison } from '../../game/store';
import type { GameState } from '../../game/store';
import type { Report } from '../../sim';
import type { FlowMeasures } from '../../sim/report';
import { distributionChart } from '../charts';
import { dashboardFigures, livedFigures, type Figure } from '../debriefFigures';
import { download, h } from '../dom';
import { count, counted, days, moneyExact, percent, ratio } from '../format';
import type { ScreenView } from './office';
import { timeline } from './timeline';
import { sourcesSection } from '../sources';
import { xmrFigure } from '../xmrChart';

function figureList(title: string, figures: Figure[], className: string): HTMLElement {
  const dl = h('dl', { className: 'figures' });
  for (const f of figures) {
    dl.appendChild(h('div', { 'data-figure': f.id }, h('dt', {}, f.label), h('dd', {}, f.value)));
  }
  return h('section', { className: `column ${className}`, 'aria-label': title }, h('h2', {}, title), dl);
}

/** What a comparison run is, honestly: this office the other way from a day, or the never-gamed reference. */
function comparisonLabel(c: Comparison, names: Record<string, string>): string {
  if (c.id === 'reference') return `${names.systems} from the start, never run to targets (the reference)`;
  const day = Math.floor(c.fromDay);
  return day > 0
    ? `This office kept as ${names[c.regime]} from day ${count(day)}, same staff budget`
    : c.regime === 'systems'
      ? `This office as ${names.systems} from day 0, its people moved into the new roles`
      : `This office as ${names.deliverology} from day 0, same staff budget`;
}

function comparisonTable(mine: Report, other: Report, label: string): HTMLElement {
  const rows: [string, (r: Report) => string][] = [
    ['Reported processing time', (r) => days(r.reportedDays.mean)],
    ['Average days without help, counting everyone', (r) => days(r.waitingDays.withoutHelpMean)],
    ['Helped within 8 weeks', (r) => percent(r.helpedWithin.d56)],
    ['Of those helped: average time to help', (r) => days(r.endToEndDays.mean)],
    ['Failure demand share', (r) => percent(r.failureDemandShare)],
    ['Contacts per citizen', (r) => ratio(r.contactsPerNeed)],
    ['Helped in one contact', (r) => percent(r.oneStopShare)],
    ['Cost per citizen helped', (r) => moneyExact(r.cost.perNeedMet)],
    ['Citizens harmed', (r) => count(r.needs.harmed)],
  ];
  const body = h('tbody', {});
  for (const [label, f] of rows) body.appendChild(h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, f(mine)), h('td', {}, f(other))));
  return h(
    'table',
    { className: 'data compare' },
    h('caption', {}, `Your run beside ${label.charAt(0).toLowerCase()}${label.slice(1)}: the same citizens, the same seed`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col' }, 'Your run'), h('th', { scope: 'col' }, label))),
    body,
  );
}

function flowsTable(flows: NonNullable<Report['flows']>): HTMLElement {
  const rows: [string, (f: FlowMeasures) => string][] = [
    ['Citizens', (f) => count(f.arrived)],
    ['Helped', (f) => count(f.met)],
    ['Average days without help, counting everyone', (f) => days(f.withoutHelpMean)],
    ['Of those helped: average time to help', (f) => days(f.endToEndMean)],
    ['1 in 20 waited longer than', (f) => days(f.endToEndP95)],
    ['Failure demand share', (f) => percent(f.failureDemandShare)],
    ['Contacts per citizen', (f) => ratio(f.contactsPerNeed)],
    ['Helped in one contact', (f) => percent(f.oneStopShare)],
  ];
  const body = h('tbody', {});
  for (const [label, f] of rows) body.appendChild(h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, f(flows.main)), h('td', {}, f(flows.pilot))));
  return h(
    'section',
    { className: 'journey', 'aria-labelledby': 'flows-h' },
    h('h2', { id: 'flows-h' }, 'Your pilot beside the usual flow'),
    h(
      'table',
      { className: 'data' },
      h('caption', {}, 'Citizens of this run, by the flow that handled them'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col' }, 'Usual flow'), h('th', { scope: 'col' }, 'Pilot'))),
      body,
    ),
  );
}

export function debriefScreen(state: GameState, ctl: Controller): ScreenView {
  const d = state.debrief!;
  const level = levelForRun(d.levelId as LevelId, d.scenario);
  const choices = choicesSection(d, level);
  const names = { deliverology: level.regimes.deliverology.name, systems: level.regimes.systems.name };
  const r = d.report;

  const compareSlot = h('section', { className: 'compare-slot', 'aria-labelledby': 'compare-h', 'aria-live': 'polite' });
  const journeySlot = h('div', { className: 'journey-slot', 'aria-live': 'polite' });

  const picker = h('select', { id: 'citizen-pick' });
  for (const n of d.notable) picker.appendChild(h('option', { value: n.needId }, n.label));
  const idInput = h('input', { id: 'citizen-id', type: 'number', min: d.firstNeedId, max: d.lastNeedId, step: 1, value: d.notable[0]?.needId ?? d.firstNeedId });
  picker.addEventListener('change', () => {
    idInput.value = picker.value;
    ctl.showJourney(Number(picker.value));
  });
  const showId = () => {
    const id = Math.round(Number(idInput.value));
    if (id >= d.firstNeedId && id <= d.lastNeedId) ctl.showJourney(id);
  };

  const el = h(
    'section',
    { className: 'screen debrief', 'aria-labelledby': 'debrief-h' },
    h('h1', { id: 'debrief-h' }, `What really happened: ${level.title}`),
    h('p', { className: 'lede' }, `${names[r.startRegime]}${r.regime !== r.startRegime ? ` then ${names[r.regime]}` : ''} · seed ${r.seed} · ${counted(r.days, 'day', 'days')} · ${counted(r.needs.arrived, 'citizen', 'citizens')} came to you.`),
    h('div', { className: 'columns' }, figureList('What the dashboard said', dashboardFigures(r), 'said'), figureList('What citizens lived', livedFigures(r), 'lived')),
    choices.el,
    distributionChart(
      'How long it took: the official clock per claim against the citizen’s wait per need met',
      { label: 'Official clock per claim decided', className: 'series-said', hist: d.reported },
      { label: 'Citizen’s wait, first contact to help', className: 'series-lived', hist: d.lived },
      d.unhelped,
    ),
    h(
      'section',
      { className: 'journey', 'aria-labelledby': 'xmr-h' },
      h('h2', { id: 'xmr-h' }, 'The voice of the process'),
      h('p', {}, 'Not a target: what this system actually delivers, week by week, and, once it is stable, what it will go on delivering unless the system changes.'),
      d.xmr ? xmrFigure(d.weeks, d.xmr) : h('p', { className: 'hint' }, 'Too few whole, settled weeks for a process behaviour chart: it needs at least two.'),
    ),
    h(
      'section',
      { className: 'journey', 'aria-labelledby': 'journey-h' },
      h('h2', { id: 'journey-h' }, 'Follow one citizen'),
      h(
        'div',
        { className: 'row' },
        h('label', { for: 'citizen-pick' }, 'A citizen to follow '),
        picker,
        h('label', { for: 'citizen-id' }, ` or by number (${d.firstNeedId}–${d.lastNeedId}) `),
        idInput,
        h('button', { type: 'button', onclick: showId }, 'Show journey'),
      ),
      journeySlot,
    ),
    r.flows ? flowsTable(r.flows) : null,
    compareSlot,
    sourcesSection(),
    h(
      'section',
      { className: 'actions', 'aria-label': 'What next' },
      h('button', { type: 'button', className: 'primary', onclick: () => ctl.playAgainOtherRegime() }, `Play again as ${names[r.startRegime === 'deliverology' ? 'systems' : 'deliverology']}, same seed`),
      h('button', { type: 'button', onclick: () => ctl.playAgain() }, 'Play the same again'),
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, 'Menu'),
      h('button', { type: 'button', onclick: () => {
        const json = ctl.exportJson();
        if (json) download(`its-the-system-${d.levelId}-${r.startRegime}-seed${r.seed}.json`, json, 'application/json');
      } }, 'Export run (JSON)'),
      h('button', { type: 'button', onclick: () => {
        const csv = ctl.exportCsv();
        if (csv) download(`its-the-system-${d.levelId}-${r.startRegime}-seed${r.seed}-needs.csv`, csv, 'text/csv');
      } }, 'Export citizens (CSV)'),
    ),
  );

  let shownJourney: unknown = undefined;
  let shownComparison: unknown = undefined;
  let shownReference: unknown = undefined;
  function update(s: GameState) {
    if (s.journey !== shownJourney) {
      shownJourney = s.journey;
      journeySlot.replaceChildren(
        s.journey ? h('div', { className: 'card' }, h('h3', {}, s.journey.headline), timeline(s.journey.lines, true)) : '',
      );
    }
    choices.update(s.choices);
    if (s.comparison !== shownComparison || s.reference !== shownReference) {
      shownComparison = s.comparison;
      shownReference = s.reference;
      compareSlot.replaceChildren(h('h2', { id: 'compare-h' }, 'The other way, same citizens'));
      for (const c of [s.comparison, s.reference]) {
        if (!c) continue;
        const label = comparisonLabel(c, names);
        if (c.status === 'running') compareSlot.appendChild(h('p', {}, `Running: ${label}…`));
        else if (c.status === 'failed' || !c.report) compareSlot.appendChild(h('p', { className: 'error' }, `The comparison run failed: ${label}.`));
        else compareSlot.appendChild(comparisonTable(r, c.report, label));
      }
    }
  }
  update(state);
  // After this screen is mounted, so its update() is the one that draws the journey.
  const first = d.notable[0];
  if (first) queueMicrotask(() => ctl.showJourney(first.needId));
  return { el, update, destroy() {} };
}
