// The debrief, the point of the game: what the dashboard said beside what the same citizens
// lived; the two distributions; one citizen's journey; the other regime on the same seed; export.
import type { Controller } from '../../game/controller';
import { levelForRun, type LevelId } from '../../game/levels';
import { choicesSection } from './choicesSection';
import { resultCodeSection } from './resultCodeSection';
import type { Comparison } from '../../game/store';
import type { GameState } from '../../game/store';
import type { Regime, Report } from '../../services/housing-benefit';
import type { FlowMeasures } from '../../services/housing-benefit/report';
import { distributionChart } from '../charts';
import { dashboardFigures, livedFigures, type Figure } from '../debriefFigures';
import { download, h, later } from '../dom';
import { DEBRIEF_WORDS as W, MEASURE_LABELS as M } from '../../content/debrief';
import { count, days, moneyExact, percent, ratio } from '../format';
import { termLink } from '../glossary';
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
function comparisonLabel(c: Comparison, names: Record<Regime, string>): string {
  if (c.id === 'reference') return W.reference(names.systems);
  const day = Math.floor(c.fromDay);
  return day > 0 ? W.keptFrom(names[c.regime], day) : c.regime === 'systems' ? W.movedFromStart(names.systems) : W.fromStart(names.deliverology);
}

function comparisonTable(mine: Report, other: Report, label: string): HTMLElement {
  const rows: [string, (r: Report) => string][] = [
    [M.reported, (r) => days(r.reportedDays.mean)],
    [M.withoutHelp, (r) => days(r.waitingDays.withoutHelpMean)],
    [M.helped56, (r) => percent(r.helpedWithin.d56)],
    [M.timeToHelp, (r) => days(r.endToEndDays.mean)],
    [M.failureShare, (r) => percent(r.failureDemandShare)],
    [M.contactsPerNeed, (r) => ratio(r.contactsPerNeed)],
    [M.oneStop, (r) => percent(r.oneStopShare)],
    [M.costPerNeed, (r) => moneyExact(r.cost.perNeedMet)],
    [M.harmed, (r) => count(r.needs.harmed)],
  ];
  const body = h('tbody', {});
  for (const [label, f] of rows) body.appendChild(h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, f(mine)), h('td', {}, f(other))));
  return h(
    'table',
    { className: 'data compare' },
    h('caption', {}, W.compareCaption(label)),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, W.measure), h('th', { scope: 'col' }, W.yourRun), h('th', { scope: 'col' }, label))),
    body,
  );
}

function flowsTable(flows: NonNullable<Report['flows']>): HTMLElement {
  const rows: [string, (f: FlowMeasures) => string][] = [
    [M.citizens, (f) => count(f.arrived)],
    [M.helped, (f) => count(f.met)],
    [M.withoutHelp, (f) => days(f.withoutHelpMean)],
    [M.timeToHelp, (f) => days(f.endToEndMean)],
    [M.p95, (f) => days(f.endToEndP95)],
    [M.failureShare, (f) => percent(f.failureDemandShare)],
    [M.contactsPerNeed, (f) => ratio(f.contactsPerNeed)],
    [M.oneStop, (f) => percent(f.oneStopShare)],
  ];
  const body = h('tbody', {});
  for (const [label, f] of rows) body.appendChild(h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, f(flows.main)), h('td', {}, f(flows.pilot))));
  return h(
    'section',
    { className: 'journey', 'aria-labelledby': 'flows-h' },
    h('h2', { id: 'flows-h' }, W.flows),
    h('p', { className: 'hint terms' }, ...W.flowsTerms(termLink('pilot', W.pilotTerm))),
    h(
      'table',
      { className: 'data' },
      h('caption', {}, W.flowsCaption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, W.measure), h('th', { scope: 'col' }, W.usualFlow), h('th', { scope: 'col' }, W.pilotFlow))),
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
  const idInput = h('input', {
    id: 'citizen-id',
    type: 'number',
    min: d.firstNeedId,
    max: d.lastNeedId,
    step: 1,
    value: d.notable[0]?.needId ?? d.firstNeedId,
  });
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
    h('h1', { id: 'debrief-h' }, W.heading(level.title)),
    h('p', { className: 'lede' }, W.lede(names[r.startRegime], r.regime !== r.startRegime ? names[r.regime] : null, r.seed, r.days, r.needs.arrived)),
    h('div', { className: 'columns' }, figureList(W.said, dashboardFigures(r), 'said'), figureList(W.lived, livedFigures(r), 'lived')),
    h(
      'p',
      { className: 'hint terms' },
      ...W.columnsTerms(
        termLink('deliverology'),
        termLink('targets', W.targetsTerm),
        termLink('nil-qualify', W.nilQualifyTerm),
        termLink('end-to-end', W.endToEndTerm),
        termLink('failure-demand', W.failureDemandTerm),
        termLink('one-stop', W.oneStopTerm),
        termLink('harmed', W.harmedTerm),
      ),
    ),
    // What follows the figures comes a frame or more later, a part a frame: the screen shows
    // without a long wait (its first frame builds and lays out only the figures and the buttons).
    later(() => choices.el),
    later(() =>
      distributionChart(
        W.distribution,
        { label: W.officialClock, className: 'series-said', hist: d.reported },
        { label: W.citizensWait, className: 'series-lived', hist: d.lived },
        d.unhelped,
      ),
    ),
    later(
      () =>
        h(
          'section',
          { className: 'journey', 'aria-labelledby': 'xmr-h' },
          h('h2', { id: 'xmr-h' }, W.voice),
          h('p', {}, W.voiceIntro, ' ', ...W.voiceTerms(termLink('process-behaviour-chart', W.chartTerm), termLink('natural-limits', W.limitsTerm))),
          d.xmr ? xmrFigure(d.weeks, d.xmr) : h('p', { className: 'hint' }, W.tooFewWeeks),
        ),
      2,
    ),
    later(
      () =>
        h(
          'section',
          { className: 'journey', 'aria-labelledby': 'journey-h' },
          h('h2', { id: 'journey-h' }, W.follow),
          h(
            'div',
            { className: 'row' },
            h('label', { for: 'citizen-pick' }, W.pick),
            picker,
            h('label', { for: 'citizen-id' }, W.byNumber(d.firstNeedId, d.lastNeedId)),
            idInput,
            h('button', { type: 'button', onclick: showId }, W.showJourney),
          ),
          journeySlot,
        ),
      2,
    ),
    r.flows ? later(() => flowsTable(r.flows!), 3) : null,
    later(() => compareSlot, 2),
    later(() => sourcesSection(), 3),
    later(() => resultCodeSection(state, ctl), 3),
    h(
      'section',
      { className: 'actions', 'aria-label': W.next },
      h(
        'button',
        { type: 'button', className: 'primary', onclick: () => ctl.playAgainOtherRegime() },
        W.playOther(names[r.startRegime === 'deliverology' ? 'systems' : 'deliverology']),
      ),
      h('button', { type: 'button', onclick: () => ctl.playAgain() }, W.playSame),
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, W.menu),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const json = ctl.exportJson();
            if (json) download(`its-the-system-${d.levelId}-${r.startRegime}-seed${r.seed}.json`, json, 'application/json');
          },
        },
        W.exportJson,
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const csv = ctl.exportCsv();
            if (csv) download(`its-the-system-${d.levelId}-${r.startRegime}-seed${r.seed}-needs.csv`, csv, 'text/csv');
          },
        },
        W.exportCsv,
      ),
    ),
  );

  let shownJourney: unknown;
  let shownComparison: unknown;
  let shownReference: unknown;
  function update(s: GameState) {
    if (s.journey !== shownJourney) {
      shownJourney = s.journey;
      journeySlot.replaceChildren(s.journey ? h('div', { className: 'card' }, h('h3', {}, s.journey.headline), timeline(s.journey.lines, true)) : '');
    }
    choices.update(s.choices);
    if (s.comparison !== shownComparison || s.reference !== shownReference) {
      shownComparison = s.comparison;
      shownReference = s.reference;
      compareSlot.replaceChildren(h('h2', { id: 'compare-h' }, W.compare));
      for (const c of [s.comparison, s.reference]) {
        if (!c) continue;
        const label = comparisonLabel(c, names);
        if (c.status === 'running') compareSlot.appendChild(h('p', {}, W.running(label)));
        else if (c.status === 'failed' || !c.report) compareSlot.appendChild(h('p', { className: 'error' }, W.failed(label)));
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
