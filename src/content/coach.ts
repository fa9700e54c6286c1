// The coach: a few words at the moments a new manager most needs them, in housing benefit. It can be
// turned off, and says each thing once a run.
export type CoachMoment = 'red-target' | 'inspection' | 'offer' | 'study';

export const COACH: Record<CoachMoment, string> = {
  'red-target': 'A target has gone red. Before you push people harder, ask what the figure counts, and what it leaves out. Who is still waiting?',
  inspection: 'The inspectors see only the dashboard. Stars and league places are about the figures, not about the citizens behind them.',
  offer: 'Advice like this works on the dashboard. Ask what it does to the citizens: the debrief will show you both, for every choice you make.',
  study:
    'Listen for why people got in touch. A contact caused by something the office failed to do is failure demand: it costs the same as real work and helps nobody.',
};

export const COACH_WORDS = {
  label: 'Coach',
  gotIt: 'Got it',
  off: 'Turn the coach off',
  on: 'Turn the coach back on',
  turnedOff: 'The coach is off. You can turn it on again from the level screen.',
} as const;
