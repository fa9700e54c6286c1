// The title screen's words, and the game's name wherever the page shows it.
const GAME_NAME = "It's the System";

export const TITLE_WORDS = {
  heading: GAME_NAME,
  tagline: 'Run a council service. Hit your targets. Then find out what your citizens lived.',
  /** The pitch, with its words linked to the glossary. */
  intro: <T>(deliverology: T, targets: T, failureDemand: T) => [
    'You manage a UK council office run by ',
    deliverology,
    ': under ',
    targets,
    ' and inspection the dashboard may look fine while people call again and again (',
    failureDemand,
    '). Play a year, then compare what the dashboard said with what the same citizens went through.',
  ],
  targetsTerm: 'targets',
  play: 'Play',
  keys: 'Everything works with the keyboard: Tab to move, Enter to press, G for the glossary.',
  sources: 'Built on findings reported by John Seddon (Systems Thinking in the Public Sector, 2008) and David Boyle (The New Efficiency, 2011).',
  /** The browser tab's title on each screen. */
  documentTitle: (screen: string) => `${GAME_NAME} · ${screen}`,
  help: 'Help',
} as const;
