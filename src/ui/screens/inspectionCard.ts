// The quarterly inspection's report card: stars, a headline, and the pressure that follows a miss.
import { dayLabel } from '../../game/citizens';
import type { Controller } from '../../game/controller';
import type { Level } from '../../levels/schema';
import type { Inspection } from '../../sim/inspection';
import { h } from '../dom';
import { days, money, percent, stars } from '../format';

const HEADLINES = [
  'Failing: the centre will intervene',
  'Poor: special measures are being considered',
  'Requires improvement',
  'Good, with some areas for improvement',
  'Excellent: a beacon authority',
];

export function inspectionDialog(ins: Inspection, level: Level, ctl: Controller): HTMLDialogElement {
  const onClose = () => ctl.closeInspection();
  const t = level.inspection!.targets;
  const missed: string[] = [];
  if (!ins.targetsMet.processingDays) missed.push('processing time');
  if (!ins.targetsMet.callsAnsweredIn20s) missed.push('calls answered in 20 seconds');
  if (!ins.targetsMet.visitorsSeenIn15m) missed.push('visitors seen in 15 minutes');
  const line = (label: string, value: string, target: string, ok: boolean) =>
    h('li', { className: ok ? 'ok' : 'miss' }, `${label}: ${value} (target ${target}) ${ok ? '✓ met' : '✗ missed'}`);
  const pressure: string[] = [];
  if (missed.length > 0) pressure.push(`Scrutiny: the regional office wants a recovery plan for ${missed.join(' and ')} before the next visit.`);
  if (ins.budget !== null && ins.budgetChange < 0) pressure.push(`Budget: the centre cuts your staff budget by ${money(-ins.budgetChange)} to ${money(ins.budget)} a week.`);
  if (ins.markedDown) pressure.push('Marked down one star for departing from the approved process.');
  if (pressure.length === 0) pressure.push('The inspectors are satisfied. Keep the numbers where they are.');

  const dialog = h(
    'dialog',
    { className: 'card inspection', 'aria-labelledby': 'inspection-h' },
    h('h2', { id: 'inspection-h' }, `Inspection report, ${dayLabel(ins.day)}`),
    h('p', { className: 'stars big', role: 'img', 'aria-label': `${ins.stars} of 4 stars` }, stars(ins.stars)),
    h('p', { className: 'headline' }, HEADLINES[ins.stars] ?? HEADLINES[0]!),
    h(
      'ul',
      {},
      line('Processing time', days(ins.dashboard.processingDays), days(t.processingDays), ins.targetsMet.processingDays),
      line('Calls answered in 20 s', percent(ins.dashboard.callsAnsweredIn20s), percent(t.callsAnsweredIn20s), ins.targetsMet.callsAnsweredIn20s),
      line('Visitors seen in 15 min', percent(ins.dashboard.visitorsSeenIn15m), percent(t.visitorsSeenIn15m), ins.targetsMet.visitorsSeenIn15m),
    ),
    h('p', {}, `League table: ${ins.leaguePosition} of ${ins.leagueSize}.`),
    ...pressure.map((p) => h('p', { className: 'pressure' }, p)),
    ins.markedDown
      ? h(
          'div',
          { className: 'row', role: 'group', 'aria-label': 'How do you answer the inspector?' },
          h('p', {}, 'The inspector asks why you have left the approved process. How do you answer?'),
          h('button', { type: 'button', className: 'primary', autofocus: true, onclick: () => ctl.answerInspector('stand-firm') }, 'Stand firm: show them the end-to-end measures'),
          h('button', { type: 'button', onclick: () => ctl.answerInspector('comply') }, 'Comply: go back to the approved process'),
        )
      : h('button', { type: 'button', className: 'primary', autofocus: true, onclick: onClose }, 'Back to work'),
  );
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    onClose();
  });
  return dialog;
}
