// Housing repairs' debrief: what the dashboard said beside what tenants lived, on the same
// tenants; the same tenants run the other way; the run saved as a file the CLI replays.
import { REPAIRS_WORDS as W } from '../../../content/repairs';
import type { RepairsController } from '../../../game/repairs/repairsController';
import { repairsLevelFor } from '../../../game/repairs/repairsLevel';
import type { GameState } from '../../../game/store';
import { REASONS } from '../../../services/housing-repairs/catalogue';
import type { RepairsReport } from '../../../services/housing-repairs/index';
import { download, h } from '../../dom';
import { count, dayLabel, days, moneyExact, percent, ratio, stars } from '../../format';
import { leverValueWords } from './repairsOffice';

function row(label: string, value: string, id?: string): HTMLElement {
  return h('tr', id ? { 'data-measure': id } : {}, h('th', { scope: 'row' }, label), h('td', {}, value));
}

/** The lived figures a comparison shows, each with how it reads. */
export const LIVED_ROWS = [
  ['endToEnd', W.e2e, (r: RepairsReport) => days(r.endToEndDays.mean)],
  ['waiting', W.waiting, (r: RepairsReport) => days(r.waitingDays.mean)],
  ['firstVisit', W.firstVisit, (r: RepairsReport) => percent(r.firstVisitFixShare)],
  ['visits', W.visits, (r: RepairsReport) => ratio(r.visitsPerNeed)],
  ['failureDemand', W.failureDemand, (r: RepairsReport) => percent(r.failureDemandShare)],
  ['costPerRepair', W.costPerRepair, (r: RepairsReport) => moneyExact(r.cost.perRepair)],
] as const;

export function repairsDebriefScreen(state: GameState, ctl: RepairsController): HTMLElement {
  const r = state.repairs?.report;
  if (!r) return h('section', { className: 'screen debrief' }, h('h1', {}, W.debriefHeading));
  const said = h(
    'table',
    { className: 'data', 'aria-labelledby': 'said-h' },
    h(
      'tbody',
      {},
      row(W.measures.jobsWithinTarget, percent(r.dashboard.jobsWithinTarget), 'jobsWithinTarget'),
      row(W.measures.daysPerJob, days(r.dashboard.daysPerJob), 'daysPerJob'),
      row(W.measures.callsAnsweredIn20s, percent(r.dashboard.callsAnsweredIn20s), 'callsAnsweredIn20s'),
      ...r.inspections.map((i) => row(W.inspections, W.inspectionRow(dayLabel(i.day), stars(i.stars)))),
    ),
  );
  const lived = h(
    'table',
    { className: 'data', 'aria-labelledby': 'lived-h' },
    h(
      'tbody',
      {},
      row(W.e2e, days(r.endToEndDays.mean), 'endToEnd'),
      row(W.waiting, days(r.waitingDays.mean), 'waiting'),
      row(W.firstVisit, percent(r.firstVisitFixShare), 'firstVisit'),
      row(W.visits, ratio(r.visitsPerNeed), 'visits'),
      row(W.jobs, ratio(r.jobsPerNeed), 'jobs'),
      row(W.failedVisits, count(r.failedVisits['no-access'] + r.failedVisits['wrong-trade'] + r.failedVisits['no-parts']), 'failedVisits'),
      row(W.failureDemand, percent(r.failureDemandShare), 'failureDemand'),
      row(W.costPerRepair, moneyExact(r.cost.perRepair), 'costPerRepair'),
      row(W.repairsDone, count(r.repairsDone), 'repairsDone'),
      row(W.found, count(r.faults.found), 'found'),
    ),
  );
  const reasons = h('ul', {}, ...REASONS.map((reason) => h('li', {}, `${W.reasons[reason]}: ${count(r.contacts.byReason[reason])}`)));
  const hours = h(
    'ul',
    {},
    ...(['phone', 'trades'] as const).map((who) =>
      h(
        'li',
        {},
        W.staffTimeRow(
          W.staffWho[who],
          W.hours(count(Math.round(r.staffTime[who].value))),
          W.hours(count(Math.round(r.staffTime[who].failure))),
          W.hours(count(Math.round(r.staffTime[who].paid))),
        ),
      ),
    ),
  );
  // The advice the run was given, and the answers (a scenario with offers only).
  const offers = r.offers
    ? h(
        'section',
        { 'aria-labelledby': 'offers-h' },
        h('h2', { id: 'offers-h' }, W.offersHeading),
        r.offers.length === 0
          ? h('p', {}, W.offersNone)
          : h(
              'ul',
              { className: 'offers' },
              ...r.offers.map((o) => {
                const offer = repairsLevelFor(state.repairs?.scenario ?? null).offers.find((x) => x.id === o.id);
                const move = Object.entries(offer?.design ?? {})
                  .map(([key, value]) => W.offerMove(W.levers[key as keyof typeof W.levers], leverValueWords(key as keyof typeof W.levers, value)))
                  .join('; ');
                const raised = o.raisedDay === null ? W.offerAnsweredBefore : W.offerRaised(dayLabel(o.raisedDay), W.offerReasons[o.reason ?? 'deadline']);
                const answer =
                  o.answer === 'accepted'
                    ? W.offerAnswers.accepted(dayLabel(o.answeredDay!))
                    : o.answer === 'declined'
                      ? W.offerAnswers.declined(dayLabel(o.answeredDay!))
                      : W.offerAnswers.unanswered;
                return h('li', { 'data-offer': o.id, 'data-answer': o.answer ?? 'none' }, W.offerRow(W.offerFrom[o.from], move, raised, answer));
              }),
            ),
      )
    : null;
  const other = state.repairs?.other;
  const compare = h('section', { 'aria-labelledby': 'compare-h', 'aria-live': 'polite' }, h('h2', { id: 'compare-h' }, W.compareHeading));
  if (!other || other.status === 'running') compare.appendChild(h('p', { className: 'hint' }, W.comparing));
  else if (other.report) {
    const o = other.report;
    compare.appendChild(
      h(
        'table',
        { className: 'data compare' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, W.measure),
            h('th', { scope: 'col' }, W.regimeNames[r.startRegime]),
            h('th', { scope: 'col' }, W.regimeNames[other.regime]),
          ),
        ),
        h(
          'tbody',
          {},
          ...LIVED_ROWS.map(([id, label, show]) =>
            h('tr', { 'data-measure': id }, h('th', { scope: 'row' }, label), h('td', {}, show(r)), h('td', {}, show(o))),
          ),
        ),
      ),
    );
  }
  const name = `its-the-system-housing-repairs-${r.startRegime}-seed${r.seed}`;
  const save = h('button', { type: 'button', onclick: () => download(`${name}.json`, ctl.exportJson(), 'application/json') }, W.exportRun);
  const saveCsv = h(
    'button',
    {
      type: 'button',
      onclick: () => {
        const csv = ctl.exportCsv();
        if (csv) download(`${name}-faults.csv`, csv, 'text/csv');
      },
    },
    W.exportFaults,
  );
  return h(
    'section',
    { className: 'screen debrief repairs', 'aria-labelledby': 'debrief-h' },
    h('h1', { id: 'debrief-h' }, W.debriefHeading),
    h(
      'div',
      { className: 'columns' },
      h('section', { className: 'ledger' }, h('h2', { id: 'said-h' }, W.said), said),
      h(
        'section',
        { className: 'ledger' },
        h('h2', { id: 'lived-h' }, W.lived),
        lived,
        h('p', { className: 'hint' }, W.e2eDetail(days(r.endToEndDays.p50), days(r.endToEndDays.p95))),
        h('h3', {}, W.callsByReason),
        reasons,
        h('h3', {}, W.staffTime),
        hours,
      ),
    ),
    offers,
    h('section', { 'aria-labelledby': 'shows-h' }, h('h2', { id: 'shows-h' }, W.whatThisShows), h('p', {}, W.shows[r.startRegime])),
    compare,
    h(
      'p',
      { className: 'row' },
      save,
      saveCsv,
      h('button', { type: 'button', className: 'primary', onclick: () => ctl.choose() }, W.playAgain),
      h('button', { type: 'button', onclick: () => ctl.showLevels() }, W.levels),
    ),
  );
}
