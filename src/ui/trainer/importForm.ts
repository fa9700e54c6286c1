// The trainer's "Import result codes": codes from students who played alone, pasted one per line.
// The server re-simulates each; the list says, code by code, what became of it. Codes refused stay
// in the box to be mended; the others leave it.
import { RESULT_CODE_WORDS as W } from '../../content/resultCode';
import type { Answer } from '../../room/http';
import type { ImportResult } from '../../room/resultCode';
import { h, setText } from '../dom';

export type SendCodes = (codes: string[]) => Promise<Answer<{ results: ImportResult[] }>>;

function resultText(r: ImportResult): string {
  if (r.status === 'refused') return W.refused(r.error);
  if (r.status === 'already') return W.already(r.team);
  return r.verified ? W.accepted(r.team) : W.acceptedMismatch(r.team, r.mismatch ?? '');
}

export function importForm(send: SendCodes): HTMLElement {
  const box = h('textarea', { id: 'import-codes', rows: 5, spellcheck: 'false', autocomplete: 'off' });
  const button = h('button', { type: 'submit' }, W.importButton);
  const status = h('p', { className: 'import-status', role: 'status' });
  const list = h('ul', { className: 'import-results' });

  async function submit(e: Event) {
    e.preventDefault();
    const lines = box.value.split(/\r?\n/).map((l, i) => ({ text: l.trim(), line: i + 1 }));
    const codes = lines.filter((l) => l.text !== '');
    if (codes.length === 0) {
      setText(status, W.importNone);
      return;
    }
    button.disabled = true;
    setText(status, W.importing(codes.length));
    const r = await send(codes.map((c) => c.text));
    button.disabled = false;
    if (!r.ok) {
      setText(status, W.importFailed(r.error));
      return;
    }
    const results = r.value.results;
    const refused = results.filter((x) => x.status === 'refused').length;
    setText(status, W.importDone(results.length - refused, refused));
    list.replaceChildren(
      ...codes.map((c, i) => {
        const result = results[i];
        return h(
          'li',
          { className: result?.status === 'refused' ? 'refused' : result?.status === 'accepted' && !result.verified ? 'mismatch' : 'accepted' },
          h('strong', {}, W.line(c.line)),
          ' ',
          h('code', {}, c.text.length > 24 ? `${c.text.slice(0, 20)}…` : c.text),
          ': ',
          result ? resultText(result) : '',
        );
      }),
    );
    box.value = codes
      .filter((_, i) => results[i]?.status === 'refused')
      .map((c) => c.text)
      .join('\n');
  }

  return h(
    'section',
    { className: 'import-codes', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, W.importHeading),
    h('p', { className: 'hint' }, W.importIntro),
    h('form', { onsubmit: (e: Event) => void submit(e) }, h('label', { for: 'import-codes' }, W.importLabel), box, button),
    status,
    list,
  );
}
