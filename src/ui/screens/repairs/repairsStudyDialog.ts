// Studying demand on the repairs line: one call at a time in the tenant's words, sorted by the
// manager into value or failure demand, the truth after each answer, and at the end the sample
// beside what the core counted over every call of the four weeks.
import { REPAIRS_WORDS as W } from '../../../content/repairs';
import type { RepairsController } from '../../../game/repairs/repairsController';
import { kindOf, type RepairsStudy, studyScore } from '../../../game/repairs/repairsStudy';
import { h } from '../../dom';
import { count, dayLabel, percent } from '../../format';

export interface RepairsStudyView {
  dialog: HTMLDialogElement;
  update(study: RepairsStudy): void;
}

export function repairsStudyDialog(ctl: RepairsController): RepairsStudyView {
  const body = h('div', { className: 'repairs-study-body', 'aria-live': 'polite' });
  const dialog = h('dialog', { className: 'card study', 'aria-labelledby': 'repairs-study-h' }, h('h2', { id: 'repairs-study-h' }, W.study.heading), body);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    ctl.closeStudy();
  });

  function update(study: RepairsStudy): void {
    const n = study.items.length;
    const i = study.answers.length;
    const last = i > 0 ? study.items[i - 1]! : null;
    const lastRight = last ? study.answers[i - 1] === kindOf(last.reason) : null;
    const truth = last
      ? h(
          'p',
          { className: lastRight ? 'ok' : 'miss', 'data-truth': last.reason },
          `${lastRight ? W.study.right : W.study.wrong} ${W.study.truth[last.reason]}`,
        )
      : h('p', { className: 'hint' }, W.study.intro(n));
    if (i < n) {
      const item = study.items[i]!;
      const fault = W.faults[item.trade]?.[item.faultId % 3] ?? W.faults[0]![0]!;
      const value = h('button', { type: 'button', className: 'primary', onclick: () => ctl.answerStudy('value') }, W.study.value);
      body.replaceChildren(
        truth,
        h('p', { className: 'hint' }, `${W.study.progress(count(i + 1), count(n))} · ${dayLabel(item.day)}`),
        h('blockquote', { className: 'call' }, W.calls[item.reason](fault)),
        h(
          'div',
          { className: 'row', role: 'group', 'aria-label': W.study.heading },
          value,
          h('button', { type: 'button', onclick: () => ctl.answerStudy('failure') }, W.study.failure),
        ),
      );
      if (dialog.open) value.focus();
      return;
    }
    const score = studyScore(study);
    const p = study.population;
    const close = h('button', { type: 'button', className: 'primary', onclick: () => ctl.closeStudy() }, W.study.close);
    body.replaceChildren(
      truth,
      h('p', { className: 'study-score' }, W.study.summary(count(score.right), count(score.answered))),
      h('p', {}, W.study.heard(percent(score.failureHeard))),
      h('p', { 'data-measured': 'failure-share' }, W.study.measured(percent(p.calls === 0 ? null : p.failure / p.calls), count(p.calls))),
      h('div', { className: 'row' }, close),
    );
    if (dialog.open) close.focus();
  }

  return { dialog, update };
}
