// The debrief's two columns as rows of text, from a report alone. The page shows these and the
// end-to-end test recomputes them from the Node sim's report: same function, same words.
import type { Report } from '../sim';
import { count, days, moneyExact, percent, ratio } from './format';

export interface Figure {
  id: string;
  label: string;
  value: string;
}

export function dashboardFigures(r: Report): Figure[] {
  const last = r.inspections[r.inspections.length - 1];
  const figures: Figure[] = [
    { id: 'reported-days', label: 'Average processing time', value: days(r.reportedDays.mean) },
    { id: 'claims-decided', label: 'Claims processed', value: count(r.claims.decided) },
    { id: 'claims-nil', label: 'Claims closed as incomplete', value: count(r.claims.nilQualified) },
    { id: 'calls-20s', label: 'Calls answered within 20 seconds', value: percent(r.dashboard.callsAnsweredIn20s) },
    { id: 'visitors-15m', label: 'Visitors seen within 15 minutes', value: percent(r.dashboard.visitorsSeenIn15m) },
  ];
  if (last) {
    figures.push({ id: 'stars', label: 'Stars at the last inspection', value: `${last.stars} of 4` });
    figures.push({ id: 'league', label: 'League position', value: `${last.leaguePosition} of ${last.leagueSize}` });
  }
  return figures;
}

/** What citizens lived: first the measures that count every citizen, helped or not. */
export function livedFigures(r: Report): Figure[] {
  return [
    { id: 'without-help', label: 'Average days without help, counting everyone (giving up does not end it)', value: days(r.waitingDays.withoutHelpMean) },
    { id: 'helped-28', label: 'Helped within 4 weeks of first getting in touch', value: percent(r.helpedWithin.d28) },
    { id: 'helped-56', label: 'Helped within 8 weeks', value: percent(r.helpedWithin.d56) },
    { id: 'e2e-mean', label: 'Of those helped: average time from first contact to help', value: days(r.endToEndDays.mean) },
    { id: 'e2e-p50', label: 'Of those helped: half within', value: days(r.endToEndDays.p50) },
    { id: 'e2e-p95', label: 'Of those helped: 1 in 20 waited longer than', value: days(r.endToEndDays.p95) },
    { id: 'hard-wait', label: 'Complicated claims: average wait', value: days(r.byComplexity.hard.waitingDaysMean) },
    { id: 'needs-met', label: 'Citizens helped', value: `${count(r.needs.met)} of ${count(r.needs.arrived)}` },
    { id: 'failure-share', label: 'Contacts that were failure demand', value: percent(r.failureDemandShare) },
    { id: 'contacts-per-need', label: 'Contacts per citizen', value: ratio(r.contactsPerNeed) },
    { id: 'one-stop', label: 'Helped in a single contact', value: percent(r.oneStopShare) },
    { id: 'cost-per-need', label: 'Cost per citizen helped', value: moneyExact(r.cost.perNeedMet) },
    { id: 'harmed', label: 'Citizens harmed by the wait', value: count(r.needs.harmed) },
    { id: 'gave-up', label: 'Citizens who gave up', value: count(r.needs.abandoned) },
    { id: 'failure-work', label: 'Staff time spent on failure work', value: percent(r.staffTime.failureShare) },
  ];
}
