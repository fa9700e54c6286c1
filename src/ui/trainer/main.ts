// The trainer's page: start a session, then watch and command the room (or, with
// &view=projector, show the room to itself). Reads the session service; never runs the sim.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '../game.css';
import './trainer.css';
import { ROOM_WORDS as W } from '../../content/room';
import type { Dashboard } from '../../room/protocol';
import { joinCode } from '../../room/protocol';
import { h } from '../dom';
import { createForm } from './createForm';
import { dashboardView } from './dashboardView';
import { projectorView } from './projectorView';
import { addBots, createSession, importResults, keepToken, keptSessions, keptToken, sendCommand, streamUrl, verifyAll } from './trainerApi';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const code = joinCode.safeParse(params.get('code') ?? '');
// A trainer link carries the key after #, which no server sees; keep it here and take it out of the address bar.
const fromHash = /^#key=([A-Za-z0-9_-]{20,100})$/.exec(location.hash)?.[1] ?? null;
if (fromHash && code.success) {
  keepToken(code.data, fromHash);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
const page = (here: string) => `${location.origin}${location.pathname}${here}`;

function startPage() {
  const kept = keptSessions();
  root.replaceChildren(
    h(
      'section',
      { className: 'screen trainer-start' },
      h('h1', {}, W.trainerTitle),
      createForm(async (config) => {
        const r = await createSession(config);
        if (!r.ok) return r.error;
        keepToken(r.value.code, r.value.trainerToken);
        location.assign(page(`?code=${r.value.code}`));
        return null;
      }),
      kept.length > 0
        ? h(
            'nav',
            { 'aria-label': W.yourSessions },
            h('h2', {}, W.yourSessions),
            h('ul', {}, ...kept.map((c) => h('li', {}, h('a', { href: page(`?code=${c}`) }, W.openSession(c))))),
          )
        : null,
    ),
  );
}

function roomPage(code: string, token: string) {
  const projector = params.get('view') === 'projector';
  const dashboard = dashboardView(code, token, {
    command: async (command) => {
      const r = await sendCommand(code, token, command);
      return r.ok ? null : r.error;
    },
    verifyAll: async () => {
      const r = await verifyAll(code, token);
      return r.ok ? null : r.error;
    },
    addBots: async () => {
      const r = await addBots(code, token);
      return r.ok ? null : r.error;
    },
    importResults: (codes) => importResults(code, token, codes),
    projectorUrl: page(`?code=${code}&view=projector`),
    trainerUrl: page(`?code=${code}#key=${token}`),
  });
  const view = projector ? projectorView() : dashboard;
  const back = projector ? h('a', { className: 'back', href: page(`?code=${code}`) }, W.backToRoom) : null;
  root.replaceChildren(
    h(
      'section',
      { className: `screen trainer${projector ? ' on-projector' : ''}` },
      projector ? null : h('h1', {}, `${W.trainerTitle} · ${code}`),
      view.el,
      back,
    ),
  );
  document.title = `${W.trainerTitle} · ${code}`;
  // The browser reconnects a dropped stream by itself; the first dashboard after it is complete.
  const stream = new EventSource(streamUrl(code, token));
  stream.addEventListener('dashboard', (e) => view.show(JSON.parse((e as MessageEvent<string>).data) as Dashboard));
  stream.addEventListener('error', () => dashboard.lost());
}

if (!code.success) startPage();
else {
  const token = keptToken(code.data);
  if (token) roomPage(code.data, token);
  else root.replaceChildren(h('section', { className: 'screen' }, h('h1', {}, W.trainerTitle), h('p', {}, W.noToken)));
}
root.dataset.ready = 'true';
