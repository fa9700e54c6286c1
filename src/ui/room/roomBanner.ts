// The room's banner above the office and the debrief: the team's seat, the phase and its gate,
// the trainer's pause and message, and whether its updates are getting through.
import { ROOM_WORDS as W } from '../../content/room';
import type { GameState, GameStore, RoomView } from '../../game/store';
import { h, setText } from '../dom';

export function roomBanner(store: GameStore): HTMLElement {
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
  };
  update(store.getState());
  store.subscribe(update);
  return el;
}
