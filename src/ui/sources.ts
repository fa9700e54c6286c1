// Where the game's facts come from: the evidence cards (content/evidence.ts), each with its
// author, title, year and section, and the critics' side. The same cards are the glossary's
// second part.
import { EVIDENCE, EVIDENCE_IDS } from '../content/evidence';
import { h } from './dom';
import { evidenceCard, openGlossary } from './glossary';

export function sourcesSection(): HTMLElement {
  return h(
    'section',
    { className: 'journey sources', 'aria-labelledby': 'sources-h' },
    h('h2', { id: 'sources-h' }, 'Where this comes from'),
    h(
      'p',
      {},
      'The citizens in this game are simulated; the mechanisms and the scale of the gaps are taken from real services. Each figure below is from a named source, in our own words, and the last card gives the critics’ side. ',
      h('button', { type: 'button', className: 'term-link', 'aria-haspopup': 'dialog', onclick: () => openGlossary() }, 'Open the glossary'),
      ' for the words.',
    ),
    h('div', { className: 'evidence-cards' }, ...EVIDENCE_IDS.map((id) => evidenceCard(id, EVIDENCE[id], 'sources', 'h3'))),
  );
}
