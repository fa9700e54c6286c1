// Where the game's facts come from: named in the game, as the sources ask, in our own words.
import { h } from './dom';

export const SOURCES: readonly { finding: string; source: string }[] = [
  {
    finding:
      'In one council, closing incomplete claims ("nil-qualifying" some 40% of them) let the official average read 28 days when claimants actually waited 98.',
    source: 'David Boyle, The New Efficiency (2011), reporting John Seddon’s work',
  },
  {
    finding: 'Up to 78% of calls were people chasing the cause of a delay rather than making new claims; in one council only 3% of claims were settled in one call or visit.',
    source: 'David Boyle, The New Efficiency (2011)',
  },
  {
    finding: 'Visitors were "seen within 15 minutes" by being handed a form and sent home; people came back five, six, even ten times with documents they had brought before.',
    source: 'David Boyle, The New Efficiency (2011)',
  },
  {
    finding: 'Authorities that studied the work and redesigned it paid housing benefit in about a week instead of 56 days.',
    source: 'John Seddon, Systems Thinking in the Public Sector (Triarchy Press, 2008), as reviewed',
  },
];

export function sourcesSection(): HTMLElement {
  return h(
    'section',
    { className: 'journey sources', 'aria-labelledby': 'sources-h' },
    h('h2', { id: 'sources-h' }, 'Where this comes from'),
    h('p', {}, 'The citizens in this game are simulated; the mechanisms and the scale of the gaps are taken from real services:'),
    h('ul', {}, ...SOURCES.map((s) => h('li', {}, s.finding, ' ', h('cite', {}, `(${s.source})`)))),
  );
}
