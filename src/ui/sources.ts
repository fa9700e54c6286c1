// Where the game's facts come from: the evidence cards (content/evidence.ts), each with its
// author, title, year and section, and the critics' side. The same cards are the glossary's
// second part.
import { SOURCES_WORDS as W } from '../content/debrief';
import { EVIDENCE, EVIDENCE_IDS } from '../content/evidence';
import { h } from './dom';
import { evidenceCard, openGlossary } from './glossary';

export function sourcesSection(): HTMLElement {
  return h(
    'section',
    { className: 'journey sources', 'aria-labelledby': 'sources-h' },
    h('h2', { id: 'sources-h' }, W.heading),
    h(
      'p',
      {},
      W.intro,
      h('button', { type: 'button', className: 'term-link', 'aria-haspopup': 'dialog', onclick: () => openGlossary() }, W.open),
      W.forTheWords,
    ),
    h('div', { className: 'evidence-cards' }, ...EVIDENCE_IDS.map((id) => evidenceCard(id, EVIDENCE[id], 'sources', 'h3'))),
  );
}
