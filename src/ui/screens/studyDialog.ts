// Studying demand: one real contact at a time, in the citizen's words. The player sorts it into
// value or failure demand and names its type; the analysis builds beside it.
import type { Controller } from '../../game/controller';
import { analyse, MINUTES_PER_CONTACT, type DemandStudy } from '../../game/demandStudy';
import { EXPLANATIONS, REASON_LABELS } from '../../game/demandText';
import { dayLabel } from '../../game/citizens';
import { FAILURE_REASONS, VALUE_REASONS, type ContactReason } from '../../sim/types';
import { h } from '../dom';
import { percent } from '../format';

const CHANNEL_WORDS = { phone: 'on the phone', visit: 'at the front desk', letter: 'by letter' };

function analysisView(study: DemandStudy): HTMLElement {
  const a = analyse(study);
  const rows = h('tbody', {});
  for (const r of [...VALUE_REASONS, ...FAILURE_REASONS]) {
    rows.appendChild(h('tr', {}, h('th', { scope: 'row' }, REASON_LABELS[r]), h('td', {}, String(a.byReason[r]))));
  }
  const share = a.failure
    ? `Failure demand in your sample: ${percent(a.failure.share)} (95% band ${percent(a.failure.low)} to ${percent(a.failure.high)}, from ${a.studied} contacts)`
    : 'Listen to some contacts to see the share of failure demand.';
  const done = study.answers.length >= study.items.length;
  return h(
    'section',
    { className: 'analysis', 'aria-label': 'Demand analysis', 'aria-live': 'polite' },
    h('h3', {}, 'Your demand analysis'),
    h('p', { className: 'share', 'data-study': 'share' }, share),
    a.failure
      ? h('span', { hidden: true, 'data-band-low': a.failure.low, 'data-band-high': a.failure.high, 'data-sample-share': a.failure.share, 'data-sample-size': a.failure.n })
      : null,
    h('table', { className: 'data' }, h('caption', {}, 'Contacts by type'), rows),
    a.ranked.length > 0
      ? h('div', {}, h('h4', {}, 'Predictable reasons for failure demand, most common first'), h('ol', {}, ...a.ranked.map((r) => h('li', {}, `${REASON_LABELS[r.reason]}: ${r.count}`))))
      : null,
    done && a.populationShare !== null
      ? h('p', { className: 'truth', 'data-study': 'population', 'data-share': a.populationShare }, `Measured across all ${study.population.contacts} contacts of the last four weeks: ${percent(a.populationShare)} failure demand.`)
      : null,
  );
}

/**
 * The study dialog stays open from the first contact to the last; only its contents change, so
 * the feedback line (a live region) is announced after each answer.
 */
export function studyDialog(first: DemandStudy, ctl: Controller): { dialog: HTMLDialogElement; update(study: DemandStudy): void } {
  const feedback = h('p', { className: 'feedback', role: 'status' });
  const body = h('div', { className: 'study-body' });
  const close = h('button', { type: 'button', onclick: () => ctl.closeStudy() });
  const dialog = h(
    'dialog',
    { className: 'card study', 'aria-labelledby': 'study-h' },
    h('h2', { id: 'study-h' }, 'Studying demand: what do citizens call about?'),
    h('p', { className: 'hint' }, `Each contact takes ${MINUTES_PER_CONTACT} minutes of your time; the office runs on while you listen.`),
    feedback,
    body,
    close,
  );
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    ctl.closeStudy();
  });

  function update(study: DemandStudy) {
    const i = study.answers.length;
    const item = study.items[i];
    const last = study.answers[i - 1];
    const lastItem = study.items[i - 1];
    if (last && lastItem) {
      feedback.className = last.correct ? 'feedback right' : 'feedback wrong';
      feedback.textContent = `${last.correct ? 'Right. ' : `Not quite: it was ${REASON_LABELS[lastItem.reason].toLowerCase()}. `}${EXPLANATIONS[lastItem.reason]}`;
    } else {
      feedback.className = 'feedback';
      feedback.textContent =
        'Listen, then say what kind of demand this is. Value demand is what the service is for; failure demand is caused by a failure to do something, or to do it right.';
    }
    const button = (r: ContactReason) => h('button', { type: 'button', onclick: () => ctl.answerStudy(r) }, REASON_LABELS[r]);
    const contact = item
      ? h(
          'div',
          { className: 'contact' },
          h('p', { className: 'who' }, `Contact ${i + 1} of ${study.items.length}: ${item.name}, ${CHANNEL_WORDS[item.channel]}, ${dayLabel(item.day)}`),
          h('blockquote', {}, `“${item.text}”`),
          h(
            'div',
            { className: 'sort', role: 'group', 'aria-label': 'What kind of demand is this?' },
            h('div', { className: 'kind value' }, h('h4', {}, 'Value demand'), ...VALUE_REASONS.map(button)),
            h('div', { className: 'kind failure' }, h('h4', {}, 'Failure demand'), ...FAILURE_REASONS.map(button)),
          ),
        )
      : h('p', { className: 'contact' }, `You have listened to all ${study.items.length} contacts.`);
    body.replaceChildren(contact, analysisView(study));
    close.textContent = item ? 'Stop studying for now' : 'Back to the office';
    close.className = item ? '' : 'primary';
    // Keep the keyboard on the answers from one contact to the next, then on the way out.
    (body.querySelector<HTMLElement>('.sort button') ?? close).focus();
  }

  update(first);
  return { dialog, update };
}
