// A gaming move offered by the deputy or a consultant, in their words, with what it will do to the
// dashboard. The player's answer is an action in the run's log; the debrief shows what it cost.
import type { Controller } from '../../game/controller';
import { OFFER_WORDS } from '../../content/offers';
import type { OpenOffer } from '../../services/housing-benefit/offers';
import { h } from '../dom';

export function offerDialog(offer: OpenOffer, ctl: Controller): HTMLDialogElement {
  const why = offer.reason;
  const dialog = h(
    'dialog',
    { className: 'card offer', 'aria-labelledby': 'offer-h', 'aria-describedby': 'offer-pitch' },
    h('h2', { id: 'offer-h' }, OFFER_WORDS.heading(offer.from)),
    why ? h('p', { className: 'pressure' }, OFFER_WORDS.why[why]) : null,
    h('blockquote', { id: 'offer-pitch' }, h('p', {}, offer.pitch)),
    h('p', {}, h('strong', {}, OFFER_WORDS.promise), offer.promise),
    h(
      'div',
      { className: 'row', role: 'group', 'aria-label': OFFER_WORDS.answerGroup },
      h('button', { type: 'button', className: 'primary', onclick: () => ctl.answerOffer(true) }, OFFER_WORDS.accept),
      h('button', { type: 'button', autofocus: true, onclick: () => ctl.answerOffer(false) }, OFFER_WORDS.decline),
    ),
  );
  // Escape is not an answer: the offer waits until the manager gives one.
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  return dialog;
}
