// Studying demand: one real contact at a time, in the citizen's words. The player sorts it into
// value or failure demand and names its type; their own analysis builds beside it from their
// answers. At the end (or when they stop to look) they see how they did, and the truth.
import type { Controller } from '../../game/controller';
import { analyse, MINUTES_PER_CONTACT, type DemandAnalysis, type DemandStudy, type Mistake, type RankedCause } from '../../game/demandStudy';
import { EXPLANATIONS, REASON_LABELS } from '../../content/demand';
import { SETTING_WORDS } from '../../content/levers';
import { DESIGN_LEVERS, type DesignLever } from '../../game/levers';
import { CAUSES, STUDY_WORDS as W, type LeverSetting } from '../../content/study';
import { REASONS } from '../../services/housing-benefit/catalogue';
import type { ContactReason } from '../../services/housing-benefit/types';
import { h } from '../dom';
import { count, dayLabel, percent } from '../format';
import { termLink } from '../glossary';

const contacts = W.contacts;
const lower = W.reason;
/** Mistakes of one kind listed open up to this many; more stay folded. */
const MISTAKES_OPEN = 8;

/** A lever as the office names it: "One owner per case", "Close incomplete claims: Never". */
export function leverName(s: LeverSetting): string {
  const lever = DESIGN_LEVERS[s.key] as DesignLever;
  if (s.value === true) return lever.label;
  const choice = lever.choices.find((c) => c.value === s.value);
  return choice ? SETTING_WORDS.setting(lever.label, choice.label) : lever.label;
}

function levers(list: readonly LeverSetting[]): HTMLElement {
  return h('span', { className: 'levers' }, ...W.removedBy(list.map((s) => h('span', { className: 'lever', 'data-lever': s.key }, leverName(s)))));
}

function causeItem(r: RankedCause, detail: string): HTMLElement {
  return h(
    'li',
    { 'data-cause': r.cause, 'data-count': r.count },
    h('span', { className: 'cause' }, W.causeCount(CAUSES[r.cause].label, detail)),
    ' ',
    levers(r.levers),
  );
}

function byTypeTable(a: DemandAnalysis, withTruth: boolean): HTMLElement {
  const rows = h('tbody', {});
  for (const { id: r, failure } of REASONS) {
    rows.appendChild(
      h(
        'tr',
        { className: failure ? 'failure' : 'value' },
        h('th', { scope: 'row' }, REASON_LABELS[r]),
        h('td', { 'data-yours': r }, count(a.yours.byReason[r])),
        withTruth ? h('td', { 'data-truth': r }, count(a.truth.byReason[r])) : null,
      ),
    );
  }
  return h(
    'table',
    { className: 'data' },
    h('caption', {}, W.byType),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, W.typeHeader),
        h('th', { scope: 'col' }, W.yourColumn),
        withTruth ? h('th', { scope: 'col' }, W.truthColumn) : null,
      ),
    ),
    rows,
  );
}

function analysisView(a: DemandAnalysis, ended: boolean): HTMLElement {
  const f = a.yours.failure;
  const share = f ? W.yourShare(percent(f.share), percent(f.low), percent(f.high), contacts(f.n)) : W.nothingYet;
  return h(
    'section',
    { className: 'analysis', 'aria-label': W.yours },
    h('h3', {}, W.yours),
    h('p', { className: 'hint' }, W.yoursNote),
    h('p', { className: 'share', 'data-study': 'share' }, share),
    f
      ? h('span', { hidden: true, 'data-study': 'yours', 'data-your-low': f.low, 'data-your-high': f.high, 'data-your-share': f.share, 'data-your-size': f.n })
      : null,
    byTypeTable(a, ended),
    a.studied > 0
      ? h(
          'div',
          { className: 'causes', 'data-study': 'your-causes' },
          h('h4', {}, W.causesHeading),
          a.yours.causes.length > 0 ? h('ol', {}, ...a.yours.causes.map((r) => causeItem(r, count(r.count)))) : h('p', {}, W.causesNone),
          a.uncaused > 0 ? h('p', { className: 'hint' }, W.notFailure(contacts(a.uncaused))) : null,
        )
      : null,
  );
}

/** One kind of mistake, each contact named; open when the list is short enough to read at a glance. */
function mistakes(study: DemandStudy, label: string, list: readonly Mistake[], kind: string, open: boolean): HTMLElement | null {
  if (list.length === 0) return null;
  return h(
    'details',
    { className: 'mistakes', 'data-mistakes': kind, 'data-count': list.length, open: open && list.length <= MISTAKES_OPEN },
    h('summary', {}, W.mistakes(label, count(list.length))),
    h('ul', {}, ...list.map((m) => h('li', {}, W.mistake(count(m.index + 1), study.items[m.index]!.name, lower(m.chosen), lower(m.truth))))),
  );
}

function truthView(study: DemandStudy, a: DemandAnalysis): HTMLElement {
  const t = a.truth.failure;
  // Every cause the core found in the four weeks, ranked by what was heard, then by the whole window.
  const popShare = new Map(a.populationCauses.map((c) => [c.cause, c.share]));
  const heard = new Set(a.truth.causes.map((r) => r.cause));
  const ranked: RankedCause[] = [
    ...a.truth.causes,
    ...a.populationCauses.filter((c) => !heard.has(c.cause)).map((c) => ({ cause: c.cause, count: 0, levers: CAUSES[c.cause].levers })),
  ];
  return h(
    'section',
    { className: 'truth', 'aria-label': W.truth, 'data-study': 'truth' },
    h('h3', {}, W.truth),
    h(
      'p',
      { className: 'score', 'data-study': 'score', 'data-correct': a.correct, 'data-studied': a.studied, 'data-right-kind': a.rightKind },
      W.score(count(a.correct), contacts(a.studied)),
      ' ',
      W.kinds(contacts(a.rightKind)),
    ),
    t ? h('p', { className: 'share' }, W.trueShare(percent(t.share), percent(t.low), percent(t.high), contacts(t.n))) : null,
    t ? h('span', { hidden: true, 'data-band-low': t.low, 'data-band-high': t.high, 'data-sample-share': t.share, 'data-sample-size': t.n }) : null,
    a.populationShare !== null
      ? h('p', { 'data-study': 'population', 'data-share': a.populationShare }, W.population(contacts(study.population.contacts), percent(a.populationShare)))
      : null,
    ranked.length > 0
      ? h(
          'div',
          { className: 'causes', 'data-study': 'true-causes' },
          h('h4', {}, W.trueCausesHeading),
          h('ol', {}, ...ranked.map((r) => causeItem(r, W.trueCause(count(r.count), percent(popShare.get(r.cause) ?? 0))))),
        )
      : null,
    mistakes(study, W.valueAsFailure, a.valueAsFailure, 'value-as-failure', true),
    mistakes(study, W.failureAsValue, a.failureAsValue, 'failure-as-value', true),
    mistakes(study, W.wrongType, a.wrongType, 'wrong-type', false),
  );
}

/**
 * The study dialog stays open from the first contact to the last; only its contents change, so
 * the feedback line (a live region) is announced after each answer.
 */
export function studyDialog(first: DemandStudy, ctl: Controller): { dialog: HTMLDialogElement; update(study: DemandStudy): void } {
  const feedback = h('p', { className: 'feedback', role: 'status' });
  const body = h('div', { className: 'study-body' });
  const actions = h('div', { className: 'actions' });
  const dialog = h(
    'dialog',
    { className: 'card study', 'aria-labelledby': 'study-h' },
    h('h2', { id: 'study-h' }, W.heading),
    h('p', { className: 'hint' }, W.hint(count(MINUTES_PER_CONTACT))),
    h('p', { className: 'hint terms' }, ...W.terms(termLink('value-demand', W.valueTerm), termLink('failure-demand', W.failureTerm))),
    feedback,
    body,
    actions,
  );
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    ctl.closeStudy();
  });

  /** The player stopped to see how they did, with contacts still to hear. */
  let stopped = false;
  let current = first;
  let wasEnded = false;
  function see(results: boolean) {
    stopped = results;
    update(current);
  }

  function update(study: DemandStudy) {
    current = study;
    const i = study.answers.length;
    const item = study.items[i];
    const ended = !item || stopped;
    const last = study.answers[i - 1];
    const lastItem = study.items[i - 1];
    if (last && lastItem) {
      feedback.className = last.correct ? 'feedback right' : 'feedback wrong';
      const verdict = last.correct ? W.right : W.wrong(lower(lastItem.reason));
      const why = lastItem.cause === 'none' ? '' : ` ${W.cause(CAUSES[lastItem.cause].why)}`;
      feedback.textContent = `${verdict} ${EXPLANATIONS[lastItem.reason]}${why}`;
    } else {
      feedback.className = 'feedback';
      feedback.textContent = W.intro;
    }
    const a = analyse(study);
    const button = (r: ContactReason) => h('button', { type: 'button', onclick: () => ctl.answerStudy(r) }, REASON_LABELS[r]);
    const left =
      item && !stopped
        ? h(
            'div',
            { className: 'contact' },
            h('p', { className: 'who' }, W.contact(count(i + 1), count(study.items.length), item.name, W.channel[item.channel], dayLabel(item.day))),
            h('blockquote', {}, W.quote(item.text)),
            h(
              'div',
              { className: 'sort', role: 'group', 'aria-label': W.sortGroup },
              h('div', { className: 'kind value' }, h('h4', {}, W.value), ...REASONS.filter((r) => !r.failure).map((r) => button(r.id))),
              h('div', { className: 'kind failure' }, h('h4', {}, W.failure), ...REASONS.filter((r) => r.failure).map((r) => button(r.id))),
            ),
          )
        : h(
            'div',
            { className: 'contact' },
            h('p', {}, item ? W.stoppedAt(count(i), contacts(study.items.length)) : W.allHeard(contacts(study.items.length))),
            a.studied > 0 ? truthView(study, a) : null,
          );
    body.replaceChildren(left, analysisView(a, ended));

    const back = h('button', { type: 'button', className: ended ? 'primary' : '', onclick: () => ctl.closeStudy() }, ended ? W.back : W.stop);
    const look = !ended && i > 0 ? h('button', { type: 'button', onclick: () => see(true) }, W.seeResults) : null;
    const resume = ended && item ? h('button', { type: 'button', onclick: () => see(false) }, W.resume) : null;
    actions.replaceChildren(...[look, resume, back].filter((b): b is HTMLButtonElement => b !== null));
    // Keep the keyboard on the answers from one contact to the next, then on the way out, with
    // the score in view.
    (body.querySelector<HTMLElement>('.sort button') ?? back).focus({ preventScroll: ended });
    if (ended && !wasEnded) dialog.scrollTop = 0;
    wasEnded = ended;
  }

  update(first);
  return { dialog, update };
}
