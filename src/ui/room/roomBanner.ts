// The room's banner above the office and the debrief: the team's seat, the phase and its gate,
// the trainer's pause and message, and whether its updates are getting through.
import { ROOM_WORDS as W } from '../../content/room';
import type { GameState, GameStore, RoomView } from '../../game/store';
import type { PredictionQuestion } from '../../room/protocol';
import { h, setText } from '../dom';
import { days, percent } from '../format';

/** A share is asked and shown as a per cent; days as days. */
function shown(question: PredictionQuestion, value: number | null | undefined): string {
  return question === 'failure-share' ? percent(value) : days(value);
}

/** The trainer's question, a number to answer it with, and, once answered, the team's own figure beside its guess. */
function predictionPanel(predict: (q: PredictionQuestion, v: number) => Promise<string | null>) {
  const label = h('label', { for: 'room-prediction' });
  const input = h('input', { id: 'room-prediction', type: 'number', min: 0, step: 'any', required: true });
  const unit = h('span', { className: 'unit' });
  const status = h('p', { className: 'prediction-status', role: 'status' });
  let question: PredictionQuestion | null = null;
  const form = h(
    'form',
    {
      className: 'room-prediction',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (!question) return;
        const raw = Number(input.value);
        const error = await predict(question, question === 'failure-share' ? raw / 100 : raw);
        // Taken: the banner says so from the room's state; refused: say why here.
        if (error) setText(status, error);
      },
    },
    label,
    input,
    unit,
    h('button', { type: 'submit' }, W.predict),
  );
  const el = h('div', { className: 'prediction', hidden: true }, form, status);
  return {
    el,
    update(r: RoomView) {
      const answered = (Object.keys(r.answers) as PredictionQuestion[]).filter((q) => r.predictions[q] !== undefined);
      const lines = answered.map((q) => W.predictionAnswer(shown(q, r.predictions[q]), shown(q, r.answers[q])));
      question = r.asking;
      const waiting = r.asking !== null && r.predictions[r.asking] !== undefined;
      form.hidden = r.asking === null || waiting;
      if (r.asking) {
        setText(label, W.questions[r.asking]);
        setText(unit, W.questionUnit[r.asking]);
      }
      if (waiting && r.asking) lines.unshift(W.predicted(shown(r.asking, r.predictions[r.asking])));
      setText(status, lines.join(' '));
      el.hidden = form.hidden && lines.length === 0;
    },
  };
}

export function roomBanner(store: GameStore, predict: (q: PredictionQuestion, v: number) => Promise<string | null>): HTMLElement {
  const prediction = predictionPanel(predict);
  const teamEl = h('strong', { className: 'room-team' });
  const phaseEl = h('span', { className: 'room-phase' });
  const holdEl = h('span', { className: 'room-hold', role: 'status' });
  const netEl = h('span', { className: 'room-net' });
  const messageEl = h('p', { className: 'room-message', 'aria-live': 'polite', hidden: true });
  const refusedEl = h('p', { className: 'room-refused', role: 'alert', hidden: true });
  const rejoin = h('a', { className: 'room-rejoin' }, W.rejoinLink);
  const el = h(
    'aside',
    { className: 'room-banner', 'aria-label': W.bannerLabel, hidden: true },
    h('div', { className: 'room-line' }, teamEl, phaseEl, holdEl, netEl, rejoin),
    messageEl,
    prediction.el,
    refusedEl,
  );
  let shown: RoomView | null = null;
  let atGate = false;
  const update = (s: GameState) => {
    const r = s.room;
    const gate = r !== null && s.snapshot !== null && s.snapshot.day >= r.gateDay && s.screen === 'office';
    if (r === shown && gate === atGate) return;
    shown = r;
    atGate = gate;
    el.hidden = r === null;
    if (!r) return;
    setText(teamEl, W.team(r.team, r.code));
    setText(phaseEl, W.phase(r.phase, r.gateDay));
    setText(holdEl, r.paused ? W.paused : gate ? W.atGate : '');
    el.classList.toggle('held', r.paused || gate);
    setText(netEl, !r.online ? W.offline(r.unsent) : r.unsent > 1 ? W.sending(r.unsent) : W.online);
    netEl.classList.toggle('offline', !r.online);
    const said = [r.message ? W.trainerSays(r.message) : '', r.injected ? W.centreSays[r.injected] : ''].filter(Boolean).join(' ');
    messageEl.hidden = said === '';
    setText(messageEl, said);
    refusedEl.hidden = r.refused === null;
    setText(refusedEl, r.refused ? W.refused(r.refused) : '');
    rejoin.setAttribute('href', r.rejoinUrl);
    prediction.update(r);
  };
  update(store.getState());
  store.subscribe(update);
  return el;
}
