// The debrief's two columns as rows of text, from a report alone. The page shows these and the
// end-to-end test recomputes them from the Node sim's report: same function, same words.
import { DEBRIEF_WORDS, FIGURE_LABELS, type FigureId } from '../content/debrief';
import type { Report } from '../services/housing-benefit';
import { count, days, moneyExact, percent, ratio } from './format';

export interface Figure {
  id: FigureId;
  label: string;
  value: string;
}

const figure = (id: FigureId, value: string): Figure => ({ id, label: FIGURE_LABELS[id], value });

export function dashboardFigures(r: Report): Figure[] {
  const last = r.inspections[r.inspections.length - 1];
  const figures: Figure[] = [
    figure('reported-days', days(r.reportedDays.mean)),
    figure('claims-decided', count(r.claims.decided)),
    figure('claims-nil', count(r.claims.nilQualified)),
    figure('calls-20s', percent(r.dashboard.callsAnsweredIn20s)),
    figure('visitors-15m', percent(r.dashboard.visitorsSeenIn15m)),
  ];
  if (last) {
    figures.push(figure('stars', DEBRIEF_WORDS.ofFour(last.stars)));
    figures.push(figure('league', DEBRIEF_WORDS.of(count(last.leaguePosition), count(last.leagueSize))));
  }
  return figures;
}

/** What citizens lived: first the measures that count every citizen, helped or not. */
export function livedFigures(r: Report): Figure[] {
  return [
    figure('without-help', days(r.waitingDays.withoutHelpMean)),
    figure('helped-28', percent(r.helpedWithin.d28)),
    figure('helped-56', percent(r.helpedWithin.d56)),
    figure('e2e-mean', days(r.endToEndDays.mean)),
    figure('e2e-p50', days(r.endToEndDays.p50)),
    figure('e2e-p95', days(r.endToEndDays.p95)),
    figure('hard-wait', days(r.byComplexity.hard.waitingDaysMean)),
    figure('needs-met', DEBRIEF_WORDS.of(count(r.needs.met), count(r.needs.arrived))),
    figure('failure-share', percent(r.failureDemandShare)),
    figure('contacts-per-need', ratio(r.contactsPerNeed)),
    figure('one-stop', percent(r.oneStopShare)),
    figure('cost-per-need', moneyExact(r.cost.perNeedMet)),
    figure('harmed', count(r.needs.harmed)),
    figure('gave-up', count(r.needs.abandoned)),
    figure('failure-work', percent(r.staffTime.failureShare)),
  ];
}
