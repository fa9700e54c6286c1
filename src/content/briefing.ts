// The briefing's words: how the service is run, the office taken over, the targets, the seed.
// Each regime's briefing and each scenario's summary are the level file's.
import { plural } from './intl';

export const BRIEFING_WORDS = {
  regimes: 'How the service is run',
  scenarios: 'The office you take over',
  /** The regime's words, linked to the glossary. */
  deliverologyTerms: <T>(deliverology: T, targets: T, nilQualify: T | null) =>
    nilQualify === null
      ? ['New to this? The glossary (G) explains ', deliverology, ', ', targets, '.']
      : ['New to this? The glossary (G) explains ', deliverology, ', ', targets, ', and closing incomplete claims, known as ', nilQualify, '.'],
  targetsTerms: <T>(targets: T) => ['New to this? The glossary (G) explains ', targets, '.'],
  systemsTerms: <T>(endToEnd: T, oneStop: T) => [
    'Days from first contact to money paid are measured ',
    endToEnd,
    '; a need decided on the spot is ',
    oneStop,
    ', settled in one contact.',
  ],
  nilQualifyTerm: 'nil-qualifying',
  targets: 'Your targets',
  processWithin: (days: string) => `Process claims within ${days} on average`,
  answerCalls: (share: string) => `Answer ${share} of calls within 20 seconds`,
  seeVisitors: (share: string) => `See ${share} of visitors within 15 minutes`,
  inspectors: (everyDays: number) => `Inspectors visit every ${plural(everyDays, { one: 'day', other: '# days' })} and award up to 4 stars`,
  runLasts: (days: number) => `The run lasts ${plural(days, { one: '# day', other: '# days' })}.`,
  inherit: ' You inherit an office that is already running, backlog and all.',
  seed: 'Seed (the same seed gives everyone the same citizens) ',
  back: 'Back',
  start: 'Start',
} as const;
