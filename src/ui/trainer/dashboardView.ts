// The trainer's dashboard: how to join, the room's controls, and every team with the official
// dashboard and what citizens lived side by side. Redrawn from each dashboard the server streams.
import { ROOM_WORDS as W } from '../../content/room';
import { type Command, type Dashboard, type DashboardTeam, PREDICTION_QUESTIONS, type PredictionQuestion } from '../../room/protocol';
import { predictionsView } from './predictionsView';
import { ROOM_EVENT_KINDS, type RoomEventKind } from '../../services/housing-benefit/types';
import { h, setText } from '../dom';
import { count, days, money, percent } from '../format';
import { exportUrl, qrUrl } from './trainerApi';
import { importForm, type SendCodes } from './importForm';

export interface DashboardActions {
  command(command: Command): Promise<string | null>;
  verifyAll(): Promise<string | null>;
  addBots(): Promise<string | null>;
  importResults: SendCodes;
  projectorUrl: string;
  trainerUrl: string;
}

function teamRow(t: DashboardTeam, now: number): HTMLElement {
  const s = t.summary;
  const status = t.connected ? W.connected : W.disconnected((now - t.lastSeen) / 60_000);
  // Checked as it plays: a verdict for an earlier day than the figures says how far it reaches.
  const verdict =
    t.verdict === null
      ? W.verifiedNotYet
      : !t.verdict.verified
        ? W.verifiedNo(t.verdict.mismatch)
        : s && t.verdict.at < s.at
          ? W.verifiedTo(Math.floor(t.verdict.at / 1440))
          : W.verifiedYes;
  return h(
    'tr',
    { className: `${t.connected ? 'online' : 'offline'}${t.verdict && !t.verdict.verified ? ' mismatch' : ''}`, 'data-team': t.id },
    h('th', { scope: 'row' }, t.name),
    h('td', { className: 'status' }, status, t.atGate ? h('span', { className: 'gate-tag' }, ` · ${W.waitingAtGate}`) : null),
    h('td', { className: 'num' }, s ? count(Math.floor(s.at / 1440)) : '—'),
    h('td', { className: 'num official' }, days(s?.official.processingDays)),
    h('td', { className: 'num official' }, percent(s?.official.callsAnsweredIn20s)),
    h('td', { className: 'num official' }, s?.official.stars === null || !s ? '—' : '★'.repeat(s.official.stars)),
    h('td', { className: 'num lived' }, days(s?.lived.waitingDaysMean)),
    h('td', { className: 'num lived' }, percent(s?.lived.failureDemandShare)),
    h('td', { className: 'num lived' }, s ? count(s.lived.met) : '—'),
    h('td', { className: 'num lived' }, money(s?.lived.costPerNeedMet)),
    h('td', { className: 'verdict' }, verdict),
  );
}

export function dashboardView(code: string, token: string, actions: DashboardActions) {
  const C = W.columns;
  const stateEl = h('p', { className: 'room-state', role: 'status' });
  const lostEl = h('p', { className: 'room-lost', role: 'alert', hidden: true }, W.lost);
  const body = h('tbody', {});
  const empty = h('p', { className: 'no-teams' }, W.noTeams);
  const feedback = h('p', { className: 'command-status', role: 'status' });
  const act = async (work: () => Promise<string | null>) => setText(feedback, (await work()) ?? '');

  const pause = h('button', {
    type: 'button',
    className: 'primary',
    onclick: () => void act(() => actions.command({ kind: last?.room.paused ? 'resume' : 'pause' })),
  });
  const release = h('button', { type: 'button', onclick: () => void act(() => actions.command({ kind: 'release', phase: (last?.room.phase ?? 0) + 1 })) });
  const message = h('input', { id: 'broadcast', maxlength: 280 });
  const questionChoice = h('select', { id: 'ask-question' }, ...PREDICTION_QUESTIONS.map((q) => h('option', { value: q }, W.questions[q])));
  const answer = h(
    'button',
    { type: 'button', onclick: () => last?.room.asking && void act(() => actions.command({ kind: 'answer', question: last!.room.asking! })) },
    W.showAnswer,
  );
  const predictions = predictionsView();
  const eventChoice = h('select', { id: 'inject-event' }, ...ROOM_EVENT_KINDS.map((k) => h('option', { value: k }, W.events[k])));
  const reveal = h('button', { type: 'button', onclick: () => void act(() => actions.command({ kind: 'reveal' })) }, W.reveal);
  const controls = h(
    'section',
    { className: 'room-controls', 'aria-labelledby': 'controls-heading' },
    h('h2', { id: 'controls-heading' }, W.controlsHeading),
    h(
      'div',
      { className: 'buttons' },
      pause,
      release,
      reveal,
      h('button', { type: 'button', onclick: () => void act(actions.verifyAll) }, W.verifyAll),
      h('button', { type: 'button', onclick: () => void act(actions.addBots) }, W.addBots),
    ),
    h(
      'form',
      {
        className: 'broadcast',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const text = message.value.trim();
          if (text) void act(() => actions.command({ kind: 'broadcast', message: text })).then(() => (message.value = ''));
        },
      },
      h('label', { for: 'broadcast' }, W.broadcastLabel),
      message,
      h('button', { type: 'submit' }, W.broadcast),
    ),
    h(
      'form',
      {
        className: 'inject',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void act(() => actions.command({ kind: 'inject', event: eventChoice.value as RoomEventKind }));
        },
      },
      h('label', { for: 'inject-event' }, W.injectLabel),
      eventChoice,
      h('button', { type: 'submit' }, W.inject),
    ),
    h(
      'form',
      {
        className: 'ask',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void act(() => actions.command({ kind: 'ask', question: questionChoice.value as PredictionQuestion }));
        },
      },
      h('label', { for: 'ask-question' }, W.askLabel),
      questionChoice,
      h('button', { type: 'submit' }, W.ask),
      answer,
    ),
    h(
      'p',
      { className: 'links' },
      h('a', { href: exportUrl(code, token, 'json'), download: `session-${code}.json` }, W.exportJson),
      h('a', { href: exportUrl(code, token, 'csv'), download: `session-${code}.csv` }, W.exportCsv),
      h('a', { href: actions.projectorUrl }, W.projector),
    ),
    feedback,
  );
  const joinLink = h('a', { className: 'join-link' });
  const qr = h('img', { className: 'qr', src: qrUrl(code), alt: '', width: 220, height: 220 });
  const share = h(
    'section',
    { className: 'share', 'aria-labelledby': 'share-heading' },
    h('h2', { id: 'share-heading' }, W.shareHeading),
    h('p', { className: 'join-code' }, h('span', {}, W.shareCode), h('strong', { 'data-code': code }, code)),
    h('p', {}, h('span', {}, W.shareLink), ' ', joinLink),
    qr,
    h('details', {}, h('summary', {}, W.trainerLink), h('code', { className: 'trainer-link' }, actions.trainerUrl)),
  );
  const table = h(
    'table',
    { className: 'teams' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', { colspan: 3 }),
        h('th', { colspan: 3, scope: 'colgroup', className: 'official' }, C.officialHeading),
        h('th', { colspan: 4, scope: 'colgroup', className: 'lived' }, C.livedHeading),
        h('td', {}),
      ),
      h(
        'tr',
        {},
        ...[C.team, C.status, C.day, C.processing, C.calls, C.stars, C.waited, C.failure, C.helped, C.cost, C.verified].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    body,
  );
  const el = h(
    'div',
    { className: 'trainer-room' },
    share,
    h(
      'div',
      { className: 'room-main' },
      stateEl,
      lostEl,
      controls,
      predictions.el,
      h('section', { 'aria-labelledby': 'teams-heading' }, h('h2', { id: 'teams-heading' }, W.dashboardHeading), empty, table),
      importForm(actions.importResults),
    ),
  );

  let last: Dashboard | null = null;
  return {
    el,
    show(d: Dashboard) {
      last = d;
      lostEl.hidden = true;
      joinLink.textContent = d.joinUrl;
      joinLink.setAttribute('href', d.joinUrl);
      qr.alt = W.qrAlt(d.joinUrl);
      const phase = d.config.phases[d.room.phase]!;
      const atGate = d.teams.filter((t) => t.atGate).length;
      setText(stateEl, W.roomState(phase.label, d.room.gateDay, d.room.paused, d.teams.length, atGate));
      setText(pause, d.room.lastEvent === 0 ? W.start : d.room.paused ? W.resume : W.pause);
      const next = d.config.phases[d.room.phase + 1];
      release.disabled = !next;
      setText(release, next ? W.release(next.label) : W.allReleased);
      reveal.disabled = d.room.revealed;
      answer.disabled = d.room.asking === null;
      predictions.show(d);
      setText(reveal, d.room.revealed ? W.revealed : W.reveal);
      empty.hidden = d.teams.length > 0;
      table.hidden = d.teams.length === 0;
      const now = Date.now();
      body.replaceChildren(...d.teams.map((t) => teamRow(t, now)));
    },
    lost() {
      lostEl.hidden = false;
    },
  };
}
