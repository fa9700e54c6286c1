// The debrief's "Your result code": for a housing-benefit run played alone, the code a student
// copies for a trainer, with an optional name (checked as a team name is). The code is plain text
// too, selected whole by a click, for a browser that will not copy.
import { RESULT_CODE_WORDS as W } from '../../content/resultCode';
import type { Controller } from '../../game/controller';
import { finishedRun, makeResultCode, studentName } from '../../game/resultCode';
import type { GameState } from '../../game/store';
import { h, setText } from '../dom';

function selectAll(el: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function resultCodeSection(state: GameState, ctl: Pick<Controller, 'roomFigures'>): HTMLElement | null {
  const run = finishedRun(state, ctl);
  if (!run) return null;
  const name = h('input', { id: 'result-name', maxlength: 40, autocomplete: 'off', spellcheck: 'false' });
  const code = h('code', { className: 'result-code', id: 'result-code', tabindex: 0, 'data-ready': 'false' }, W.making);
  const size = h('span', { className: 'hint result-size' });
  const status = h('p', { className: 'hint result-status', role: 'status' });
  const copy = h('button', { type: 'button', className: 'primary', disabled: true }, W.copy);

  let made = 0;
  let current = '';
  async function remake() {
    const n = studentName(name.value);
    if (n === null) {
      setText(status, W.nameTooLong);
      return;
    }
    const mine = ++made;
    const r = await makeResultCode(run!, n);
    if (mine !== made) return;
    if (!r.ok) {
      setText(code, '');
      setText(status, r.why === 'unsupported' ? W.unsupported : W.tooBig);
      copy.disabled = true;
      return;
    }
    current = r.code;
    setText(code, r.code);
    setText(size, W.length(r.code.length));
    code.dataset.ready = 'true';
    copy.disabled = false;
    setText(status, '');
  }

  name.addEventListener('input', () => void remake());
  code.addEventListener('click', () => selectAll(code));
  code.addEventListener('focus', () => selectAll(code));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(current);
      setText(status, W.copied);
    } catch {
      selectAll(code);
      setText(status, W.copyFailed);
    }
  });
  void remake();

  return h(
    'section',
    { className: 'journey result-code-section', 'aria-labelledby': 'result-code-h' },
    h('h2', { id: 'result-code-h' }, W.heading),
    h('p', {}, W.intro),
    h('div', { className: 'row' }, h('label', { for: 'result-name' }, W.nameLabel), name),
    h('p', { className: 'result-code-box' }, code),
    h('div', { className: 'row' }, copy, size),
    status,
  );
}
