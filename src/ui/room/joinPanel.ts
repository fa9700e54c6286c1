// Joining a trainer's session from the title screen: a code (or the one in the link) and a team
// name. The room's code is the app's (see roomEntry.ts); this only draws and asks.
import { ROOM_WORDS as W } from '../../content/room';
import { h } from '../dom';

export interface JoinIntent {
  /** The code from the page's link, if it had one. */
  code: string | null;
  /** A seat kept in this browser, to take again with one press. */
  rejoin: { code: string; name: string } | null;
  join(code: string, name: string): Promise<string | null>;
  rejoinSeat(): Promise<string | null>;
}

export function joinPanel(intent: JoinIntent): HTMLElement {
  const code = h('input', {
    id: 'join-code',
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 6,
    required: true,
    value: intent.code ?? '',
  });
  const name = h('input', { id: 'join-team', name: 'team', autocomplete: 'off', maxlength: 40, required: true });
  const status = h('p', { className: 'join-status', role: 'status' });
  const button = h('button', { type: 'submit', className: 'primary' }, W.join);
  const busy = async (work: () => Promise<string | null>) => {
    button.disabled = true;
    status.textContent = W.joining;
    const error = await work();
    button.disabled = false;
    status.textContent = error ? W.joinFailed(error) : '';
  };
  const form = h(
    'form',
    {
      className: 'join-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void busy(() => intent.join(code.value.trim().toUpperCase(), name.value));
      },
    },
    h('label', { for: 'join-code' }, W.codeLabel),
    code,
    h('label', { for: 'join-team' }, W.teamLabel),
    name,
    button,
  );
  const rejoin = intent.rejoin
    ? h(
        'button',
        { type: 'button', className: 'rejoin', onclick: () => void busy(() => intent.rejoinSeat()) },
        W.rejoin(intent.rejoin.name, intent.rejoin.code),
      )
    : null;
  const panel = h(
    'section',
    { className: 'join-panel', 'aria-labelledby': 'join-heading' },
    h('h2', { id: 'join-heading' }, W.joinHeading),
    h('p', {}, W.joinIntro),
    rejoin,
    form,
    status,
  );
  if (intent.code) queueMicrotask(() => name.focus());
  return panel;
}
