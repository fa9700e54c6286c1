// The quarterly inspection's report card: stars, a headline, and the pressure that follows a miss.
import { INSPECTION_WORDS as W } from '../../content/inspection';
import type { Controller } from '../../game/controller';
import type { Level } from '../../levels/schema';
import type { Inspection } from '../../services/housing-benefit/inspection';
import { h } from '../dom';
import { inspectionLines } from '../officialDashboard';
import { catalogue } from '../../services/housing-benefit/catalogue';
import { dayLabel, money, stars } from '../format';
import { termLink } from '../glossary';

export function inspectionDialog(ins: Inspection, level: Level, ctl: Controller): HTMLDialogElement {
  const onClose = () => ctl.closeInspection();
  const t = level.inspection!.targets;
  const keys = catalogue.official.map((m) => m.id as keyof typeof W.targets);
  const missed = keys.filter((k) => !ins.targetsMet[k]).map((k) => W.targets[k].missed);
  const labels = Object.fromEntries(keys.map((k) => [k, W.targets[k].label])) as Record<keyof typeof W.targets, string>;
  const pressure: string[] = [];
  if (missed.length > 0) pressure.push(W.scrutiny(missed));
  if (ins.budget !== null && ins.budgetChange < 0) pressure.push(W.budgetCut(money(-ins.budgetChange), money(ins.budget)));
  if (ins.markedDown) pressure.push(W.markedDown);
  if (pressure.length === 0) pressure.push(W.satisfied);

  const dialog = h(
    'dialog',
    { className: 'card inspection', 'aria-labelledby': 'inspection-h' },
    h('h2', { id: 'inspection-h' }, W.heading(dayLabel(ins.day))),
    h('p', { className: 'stars big', role: 'img', 'aria-label': W.starsLabel(ins.stars) }, stars(ins.stars)),
    h('p', { className: 'headline' }, W.headlines[ins.stars] ?? W.headlines[0]),
    h('ul', {}, ...inspectionLines(catalogue.official, labels, ins.dashboard, t, ins.targetsMet)),
    h('p', {}, W.league(ins.leaguePosition, ins.leagueSize)),
    ...pressure.map((p) => h('p', { className: 'pressure' }, p)),
    // The words, beside the answer (never inside its buttons).
    h('p', { className: 'hint terms' }, ...W.terms(termLink('targets', W.targetsTerm), termLink('end-to-end', W.endToEndTerm))),
    ins.markedDown
      ? h(
          'div',
          { className: 'row', role: 'group', 'aria-label': W.answerGroup },
          h('p', {}, W.question),
          h('button', { type: 'button', className: 'primary', autofocus: true, onclick: () => ctl.answerInspector('stand-firm') }, W.standFirm),
          h('button', { type: 'button', onclick: () => ctl.answerInspector('comply') }, W.comply),
        )
      : h('button', { type: 'button', className: 'primary', autofocus: true, onclick: onClose }, W.backToWork),
  );
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    onClose();
  });
  return dialog;
}
