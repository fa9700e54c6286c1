// The glossary: a modal dialog with the game's words in plain English and, as its second part,
// the evidence behind the game's figures. It opens from a button reachable on every screen, from
// `G`, and from `termLink` buttons wherever a screen uses a term. Built once, on first use, in the
// page's body, so it outlives the screens.
import { EVIDENCE, EVIDENCE_IDS, cited, formatFigure, type Citation, type EvidenceCard, type EvidenceId } from '../content/evidence';
import { GLOSSARY, GLOSSARY_WORDS as W, TERMS, type TermId } from '../content/glossary';
import { h } from './dom';

const DIALOG_ID = 'glossary';
const termAnchor = (id: TermId) => `glossary-term-${id}`;
const evidenceAnchor = (prefix: string, id: EvidenceId) => `${prefix}-evidence-${id}`;

let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;

/** One citation: author, title (year), publisher; section. */
export function citation(c: Citation): HTMLElement {
  const w = cited(c);
  return h('span', { className: 'citation' }, ...W.citation(w.author, h('cite', {}, w.title), w.year, w.publishedBy, w.section));
}

function sourcesLine(label: string, cs: readonly Citation[]): HTMLElement {
  const p = h('p', { className: 'from' }, `${label} `);
  cs.forEach((c, i) => {
    if (i > 0) p.append('. ');
    p.append(citation(c));
  });
  p.append('.');
  return p;
}

/** A label and its links, as a list that wraps (buttons do not break like words). */
function linkList(label: string, links: readonly HTMLElement[]): HTMLElement | null {
  if (links.length === 0) return null;
  return h('div', { className: 'see' }, h('span', {}, label), h('ul', {}, ...links.map((l) => h('li', {}, l))));
}

/**
 * An evidence card: the finding at a glance, its figures (formatted with Intl.NumberFormat), the
 * finding in our words, where the game uses it, the sources, and the words it uses as glossary
 * links. `prefix` keeps element ids unique where cards show twice (the debrief and the glossary).
 */
export function evidenceCard(id: EvidenceId, card: EvidenceCard, prefix: string, level: 'h3' | 'h4'): HTMLElement {
  const headingId = `${evidenceAnchor(prefix, id)}-h`;
  return h(
    'article',
    { className: `evidence-card${card.critique ? ' critique' : ''}`, id: evidenceAnchor(prefix, id), 'aria-labelledby': headingId, tabindex: -1 },
    h(level, { id: headingId }, card.headline),
    card.figures.length > 0
      ? h('ul', { className: 'evidence-figures' }, ...card.figures.map((f) => h('li', {}, h('strong', {}, formatFigure(f)), ' ', f.label)))
      : null,
    ...card.finding.map((p) => h('p', {}, p)),
    h('p', { className: 'in-game' }, h('strong', {}, W.inGame), card.inGame),
    sourcesLine(card.sources.length > 1 ? W.sources : W.source, card.sources),
    linkList(
      W.cardWords,
      card.terms.map((t) => termLink(t)),
    ),
  );
}

function build(): HTMLDialogElement {
  const close = () => d.close();
  const terms = h(
    'dl',
    { className: 'glossary-terms' },
    ...TERMS.map((t) =>
      h(
        'div',
        { className: 'term', id: termAnchor(t.id) },
        h('dt', { tabindex: -1 }, t.name),
        h(
          'dd',
          {},
          ...t.definition.map((p) => h('p', {}, p)),
          t.inGame ? h('p', { className: 'in-game' }, h('strong', {}, W.inGame), t.inGame) : null,
          t.sources ? sourcesLine(W.from, t.sources) : null,
          linkList(
            W.seeAlso,
            t.related.map((r) => termLink(r)),
          ),
          linkList(
            W.theEvidence,
            t.evidence.map((e) => evidenceLink(e)),
          ),
        ),
      ),
    ),
  );
  const index = h(
    'nav',
    { className: 'glossary-index', 'aria-label': W.contents },
    h('ul', {}, ...TERMS.map((t) => h('li', {}, termLink(t.id))), h('li', {}, jumpButton(W.evidence, 'glossary-evidence-h'))),
  );
  const d = h(
    'dialog',
    { className: 'card glossary', id: DIALOG_ID, 'aria-labelledby': 'glossary-h' },
    h(
      'div',
      { className: 'glossary-head' },
      h('h2', { id: 'glossary-h' }, W.heading),
      h('button', { type: 'button', className: 'quiet', onclick: close }, W.close),
    ),
    h('p', { className: 'hint' }, W.hint),
    index,
    h('section', { 'aria-labelledby': 'glossary-words-h' }, h('h3', { id: 'glossary-words-h', tabindex: -1 }, W.words), terms),
    h(
      'section',
      { 'aria-labelledby': 'glossary-evidence-h', className: 'evidence' },
      h('h3', { id: 'glossary-evidence-h', tabindex: -1 }, W.evidence),
      h('p', {}, W.evidenceIntro),
      ...EVIDENCE_IDS.map((id) => evidenceCard(id, EVIDENCE[id], 'glossary', 'h4')),
    ),
    h('p', { className: 'row' }, h('button', { type: 'button', className: 'primary', onclick: close }, W.closeGlossary)),
  );
  d.addEventListener('close', () => {
    const back = opener;
    opener = null;
    if (back?.isConnected) back.focus();
  });
  document.body.appendChild(d);
  return d;
}

function jumpButton(text: string, targetId: string): HTMLButtonElement {
  return h('button', { type: 'button', className: 'term-link', onclick: () => showAt(targetId) }, text);
}

function evidenceLink(id: EvidenceId): HTMLButtonElement {
  return jumpButton(EVIDENCE[id].headline, evidenceAnchor('glossary', id));
}

/** Opens the dialog (if it is not open) and brings the element with that id into view, focused. */
function showAt(targetId: string | null): void {
  dialog ??= build();
  if (!dialog.open) {
    const active = document.activeElement;
    opener = active instanceof HTMLElement && active !== document.body ? active : null;
    dialog.showModal();
  }
  const target = targetId ? dialog.querySelector<HTMLElement>(`#${CSS.escape(targetId)}`) : null;
  for (const el of dialog.querySelectorAll('.current')) el.classList.remove('current');
  if (target) {
    target.classList.add('current');
    // A term's own name takes the focus, so a screen reader starts at the word asked about.
    const focusable = target.matches('[tabindex]') ? target : (target.querySelector<HTMLElement>('[tabindex="-1"]') ?? target);
    focusable.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  } else {
    dialog.querySelector<HTMLElement>('#glossary-h')?.setAttribute('tabindex', '-1');
    dialog.querySelector<HTMLElement>('#glossary-h')?.focus();
    dialog.scrollTop = 0;
  }
}

/** Opens the glossary, at a term if one is given. */
export function openGlossary(term?: TermId): void {
  showAt(term ? termAnchor(term) : null);
}

export function isGlossaryOpen(): boolean {
  return dialog?.open ?? false;
}

/**
 * An inline, button-styled link that opens the glossary at a term: `termLink('failure-demand')`,
 * or with the screen's own words, `termLink('failure-demand', 'call again and again')`.
 */
export function termLink(id: TermId, text?: string): HTMLButtonElement {
  const term = GLOSSARY[id];
  return h(
    'button',
    {
      type: 'button',
      className: 'term-link',
      'aria-haspopup': 'dialog',
      'data-term': id,
      title: W.linkTitle(term.name),
      onclick: () => openGlossary(id),
    },
    text ?? term.name,
  );
}

/** The button that opens the glossary from every screen (its key is G). */
export function glossaryButton(): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', className: 'glossary-open', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'G', onclick: () => openGlossary() },
    W.open,
  );
}
