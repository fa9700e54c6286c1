// The room's predictions, for the dashboard and the projector: every team's guess for the question
// asked, the spread of the guesses, and, once the answer is shown, each team's own lived figure.
import { ROOM_WORDS as W } from '../../content/room';
import type { Dashboard, DashboardTeam, PredictionQuestion } from '../../room/protocol';
import { h } from '../dom';
import { days, percent } from '../format';

const shown = (q: PredictionQuestion, v: number | null | undefined) => (q === 'failure-share' ? percent(v) : days(v));
const lived = (q: PredictionQuestion, t: DashboardTeam) =>
  q === 'failure-share' ? (t.summary?.lived.failureDemandShare ?? null) : (t.summary?.lived.waitingDaysMean ?? null);

export function predictionsView() {
  const el = h('section', { className: 'predictions', 'aria-labelledby': 'predictions-heading', hidden: true });
  return {
    el,
    show(d: Dashboard) {
      // The question asked now, else the newest answered.
      const question = d.room.asking ?? d.room.answered[d.room.answered.length - 1] ?? null;
      el.hidden = question === null;
      if (!question) return;
      const answered = d.room.answered.includes(question);
      const guesses = d.teams.map((t) => t.predictions[question]).filter((v): v is number => v !== undefined);
      const sorted = [...guesses].sort((a, b) => a - b);
      const spread =
        sorted.length > 0
          ? h('p', { className: 'spread' }, W.spread(sorted.length, shown(question, sorted[0]), shown(question, sorted[sorted.length - 1])))
          : '';
      el.replaceChildren(
        h('h2', { id: 'predictions-heading' }, W.predictionsHeading),
        h('p', { className: 'question' }, W.questions[question]),
        spread,
        h(
          'ul',
          {},
          ...d.teams.map((t) => {
            const guess = t.predictions[question];
            return h(
              'li',
              {},
              W.predictionRow(t.name, guess === undefined ? W.noPrediction : shown(question, guess), answered ? shown(question, lived(question, t)) : null),
            );
          }),
        ),
      );
    },
  };
}
