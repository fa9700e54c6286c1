// The demand study from the player's answers: their own analysis (counts by the type they chose,
// the failure share of what they sorted as failure), their accuracy, the predictable causes ranked
// with the lever that removes each, and the truth beside it. Also the study's words (content/study).
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/analysis/share';
import { CAUSES, STUDY_WORDS, type FailureCause } from '../../src/content/study';
import { citizenName } from '../../src/game/citizens';
import { analyse, answer, drawStudy, rankCauses, STUDY_SIZE, type DemandStudy } from '../../src/game/demandStudy';
import { DESIGN_LEVERS, type DesignLever } from '../../src/game/levers';
import { createSim, CONTACT_CAUSES, type ContactCause, type ContactReason, type Sim } from '../../src/services/housing-benefit';
import { isFailureDemand } from '../../src/services/housing-benefit/types';
import { count, percent } from '../../src/ui/format';
import { leverName } from '../../src/ui/screens/studyDialog';
import { level } from './helpers';

const FAILURE_CAUSES = CONTACT_CAUSES.filter((c): c is FailureCause => c !== 'none');

const sims = new Map<string, Sim>();
function sim60(seed: number, regime: 'deliverology' | 'systems' = 'deliverology'): Sim {
  const key = `${seed}:${regime}`;
  let sim = sims.get(key);
  if (!sim) {
    sim = createSim(level('housing-benefit'), seed, regime, { journal: true });
    sim.advanceDays(60);
    sims.set(key, sim);
  }
  return sim;
}

/** A study of the given contacts: [true reason, its cause]. */
function study(
  items: readonly [ContactReason, ContactCause][],
  population: DemandStudy['population'] = { contacts: 200, failure: 150, causes: { none: 50, silence: 100, 'not-told': 50 } },
): DemandStudy {
  return {
    from: 0,
    to: 28 * 1440,
    items: items.map(([reason, cause], i) => ({
      contact: i,
      needId: i + 1,
      name: citizenName(i + 1),
      channel: 'visit',
      day: i / 2,
      text: 'Words.',
      reason,
      cause,
    })),
    answers: [],
    population,
  };
}

function answerWith(s: DemandStudy, choices: readonly ContactReason[]): DemandStudy {
  let out = s;
  for (const c of choices) out = answer(out, c);
  return out;
}

const SAMPLE: [ContactReason, ContactCause][] = [
  ['new-claim', 'none'], // 0
  ['progress-chasing', 'silence'], // 1
  ['resend-evidence', 'not-told'], // 2
  ['send-evidence', 'none'], // 3
  ['reapply', 'nil-qualified'], // 4
  ['progress-chasing', 'silence'], // 5
  ['resend-evidence', 'not-told'], // 6
  ['complaint', 'silence'], // 7
  ['resend-evidence', 'form-hand-out'], // 8
  ['correct-error', 'wrong-decision'], // 9
];

describe("the player's analysis", () => {
  it('gives a player who answers everything "value" a failure share of 0, with the true share beside it', () => {
    const sim = sim60(1);
    const s = drawStudy(sim);
    const all = answerWith(
      s,
      s.items.map(() => 'new-claim'),
    );
    const a = analyse(all);
    const trulyFailure = s.items.filter((i) => isFailureDemand(i.reason)).length;
    expect(trulyFailure).toBeGreaterThan(STUDY_SIZE / 2);
    expect(a.yours.failure).toEqual(wilson(0, STUDY_SIZE));
    expect(a.yours.failure!.share).toBe(0);
    expect(a.yours.failure!.low).toBe(0);
    expect(a.yours.byReason['new-claim']).toBe(STUDY_SIZE);
    expect(a.yours.causes).toEqual([]);
    // The truth, beside it: the same contacts as the core says they were, and the whole window.
    expect(a.truth.failure).toEqual(wilson(trulyFailure, STUDY_SIZE));
    expect(a.truth.failure!.share).toBeGreaterThan(0.5);
    expect(a.populationShare).toBe(s.population.failure / s.population.contacts);
    expect(a.failureAsValue.length).toBe(trulyFailure);
    expect(a.valueAsFailure).toEqual([]);
    expect(a.rightKind).toBe(STUDY_SIZE - trulyFailure);
    expect(a.correct).toBe(s.items.filter((i) => i.reason === 'new-claim').length);
    expect(a.truth.causes.reduce((t, r) => t + r.count, 0)).toBe(trulyFailure);
  });

  it('gives a player who answers everything "failure" a share of 1 and every true cause, with the value demand uncaused', () => {
    const s = drawStudy(sim60(2));
    const a = analyse(
      answerWith(
        s,
        s.items.map(() => 'progress-chasing'),
      ),
    );
    const value = s.items.filter((i) => !isFailureDemand(i.reason)).length;
    expect(a.yours.failure!.share).toBe(1);
    expect(a.yours.byReason['progress-chasing']).toBe(STUDY_SIZE);
    expect(a.yours.causes).toEqual(a.truth.causes);
    expect(a.uncaused).toBe(value);
    expect(a.valueAsFailure.length).toBe(value);
    expect(a.failureAsValue).toEqual([]);
  });

  it('counts by the type the player chose, as far as they have answered', () => {
    const s = answerWith(study(SAMPLE), ['send-evidence', 'complaint', 'new-claim', 'send-evidence']);
    const a = analyse(s);
    expect(a.studied).toBe(4);
    expect(a.yours.studied).toBe(4);
    expect(a.yours.byReason).toEqual({
      'new-claim': 1,
      'send-evidence': 2,
      'progress-chasing': 0,
      'resend-evidence': 0,
      reapply: 0,
      'correct-error': 0,
      complaint: 1,
    });
    expect(a.truth.byReason).toEqual({
      'new-claim': 1,
      'send-evidence': 1,
      'progress-chasing': 1,
      'resend-evidence': 1,
      reapply: 0,
      'correct-error': 0,
      complaint: 0,
    });
    expect(a.yours.failure).toEqual(wilson(1, 4));
    expect(a.truth.failure).toEqual(wilson(2, 4));
  });
});

describe('accuracy', () => {
  it('counts the right answers and names each wrong one: value for failure, failure for value, the wrong type', () => {
    const answers: ContactReason[] = [
      'progress-chasing', // 0: value taken for failure
      'progress-chasing', // 1: right
      'send-evidence', // 2: failure taken for value
      'new-claim', // 3: value, but another type
      'reapply', // 4: right
      'complaint', // 5: failure, but another type
      'resend-evidence', // 6: right
      'complaint', // 7: right
      'new-claim', // 8: failure taken for value
      'correct-error', // 9: right
    ];
    const a = analyse(answerWith(study(SAMPLE), answers));
    expect(a.studied).toBe(10);
    expect(a.correct).toBe(5);
    expect(a.rightKind).toBe(7);
    expect(a.valueAsFailure).toEqual([{ index: 0, chosen: 'progress-chasing', truth: 'new-claim' }]);
    expect(a.failureAsValue).toEqual([
      { index: 2, chosen: 'send-evidence', truth: 'resend-evidence' },
      { index: 8, chosen: 'new-claim', truth: 'resend-evidence' },
    ]);
    expect(a.wrongType).toEqual([
      { index: 3, chosen: 'new-claim', truth: 'send-evidence' },
      { index: 5, chosen: 'complaint', truth: 'progress-chasing' },
    ]);
    // The player's failure share is theirs: 7 of 10 said failure (the truth: 8).
    expect(a.yours.failure).toEqual(wilson(7, 10));
    expect(a.truth.failure).toEqual(wilson(8, 10));
    expect(a.uncaused).toBe(1);
  });

  it('is perfect for the right answers and worst for the opposite kind', () => {
    const right = analyse(
      answerWith(
        study(SAMPLE),
        SAMPLE.map(([r]) => r),
      ),
    );
    expect(right.correct).toBe(SAMPLE.length);
    expect(right.rightKind).toBe(SAMPLE.length);
    expect(right.valueAsFailure.length + right.failureAsValue.length + right.wrongType.length).toBe(0);
    expect(right.yours).toEqual(right.truth);
    const opposite = analyse(
      answerWith(
        study(SAMPLE),
        SAMPLE.map(([r]) => (isFailureDemand(r) ? 'new-claim' : 'complaint')),
      ),
    );
    expect(opposite.correct).toBe(0);
    expect(opposite.rightKind).toBe(0);
    expect(opposite.valueAsFailure.map((m) => m.index)).toEqual([0, 3]);
    expect(opposite.failureAsValue.map((m) => m.index)).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it('words the score with numbers and plurals the English way', () => {
    expect(STUDY_WORDS.cause(CAUSES['not-told'].why)).toBe('Why: nobody told them exactly what to bring, so what they sent was not what the claim needed.');
    expect(STUDY_WORDS.score(count(17), STUDY_WORDS.contacts(20))).toBe('You sorted 17 of 20 contacts correctly.');
    expect(STUDY_WORDS.score(count(1), STUDY_WORDS.contacts(1))).toBe('You sorted 1 of 1 contact correctly.');
    expect(STUDY_WORDS.population(STUDY_WORDS.contacts(5810), percent(0.7902))).toBe(
      'Measured across all 5,810 contacts of the last four weeks: 79% failure demand.',
    );
  });
});

describe('the predictable causes', () => {
  it('ranks the causes of the failure demand heard, most common first, from what the player sorted as failure', () => {
    // Everything right: silence 3, nobody said 2, then one each in the order of CONTACT_CAUSES.
    const right = analyse(
      answerWith(
        study(SAMPLE),
        SAMPLE.map(([r]) => r),
      ),
    );
    expect(right.yours.causes.map((r) => [r.cause, r.count])).toEqual([
      ['silence', 3],
      ['not-told', 2],
      ['nil-qualified', 1],
      ['form-hand-out', 1],
      ['wrong-decision', 1],
    ]);
    // Chases taken for value demand drop out of the player's ranking, not the truth's.
    const answers = SAMPLE.map(([r]) => r);
    answers[1] = 'new-claim';
    answers[5] = 'send-evidence';
    answers[7] = 'new-claim';
    const missed = analyse(answerWith(study(SAMPLE), answers));
    expect(missed.yours.causes.map((r) => r.cause)).toEqual(['not-told', 'nil-qualified', 'form-hand-out', 'wrong-decision']);
    expect(missed.truth.causes).toEqual(right.truth.causes);
    expect(missed.truth.causes[0]!.cause).toBe('silence');
  });

  it('ranks the causes across the whole window as shares of its failure demand', () => {
    const a = analyse(study(SAMPLE));
    expect(a.populationCauses).toEqual([
      { cause: 'silence', share: 100 / 150 },
      { cause: 'not-told', share: 50 / 150 },
    ]);
    const real = analyse(drawStudy(sim60(1)));
    const total = real.populationCauses.reduce((t, c) => t + c.share, 0);
    expect(total).toBeCloseTo(1, 12);
    for (let i = 1; i < real.populationCauses.length; i++) expect(real.populationCauses[i]!.share).toBeLessThanOrEqual(real.populationCauses[i - 1]!.share);
  });

  it('never ranks value demand, and breaks ties in the order of CONTACT_CAUSES', () => {
    expect(rankCauses({ none: 50 })).toEqual([]);
    expect(rankCauses({ 'wrong-decision': 2, silence: 2, 'lost-document': 3 }).map((r) => r.cause)).toEqual(['lost-document', 'silence', 'wrong-decision']);
    expect(rankCauses({})).toEqual([]);
  });

  it('gives every cause a lever that removes it, from DESIGN_LEVERS, as the issue names them', () => {
    expect(Object.keys(CAUSES).sort()).toEqual([...FAILURE_CAUSES].sort());
    const keys = (c: FailureCause) => CAUSES[c].levers.map((l) => `${l.key}=${String(l.value)}`);
    expect(keys('not-told')).toEqual(['expertsAtFront=true', 'decideAtFirstContact=true']);
    expect(keys('silence')).toEqual(['caseOwner=true', 'pullEvidence=true']);
    expect(keys('nil-qualified')).toEqual(['nilQualifyDays=null']);
    expect(keys('form-hand-out')).toEqual(['formHandOut=false']);
    expect(keys('lost-document')).toEqual(['caseOwner=true']);
    expect(keys('wrong-decision')).toEqual(['caseOwner=true']);
    expect(keys('hard-to-find')).toEqual(['pullEvidence=true']);
    const lvl = level('housing-benefit');
    for (const cause of FAILURE_CAUSES) {
      const w = CAUSES[cause];
      expect(w.levers.length, cause).toBeGreaterThan(0);
      expect(w.label).toMatch(/^[A-Z][^.]*[a-z]$/);
      expect(w.why).toMatch(/^[A-Z].*\.$/);
      for (const l of w.levers) {
        const lever = DESIGN_LEVERS[l.key] as DesignLever;
        // A choice the office offers, a change from the targets regime, the redesigned flow's own.
        expect(lever.choices.map((c) => c.value)).toContain(l.value);
        expect(lvl.regimes.deliverology.design[l.key]).not.toEqual(l.value);
        expect(lvl.regimes.systems.design[l.key]).toEqual(l.value);
      }
    }
    expect(new Set(FAILURE_CAUSES.map((c) => CAUSES[c].label)).size).toBe(FAILURE_CAUSES.length);
    expect(new Set(FAILURE_CAUSES.map((c) => CAUSES[c].why)).size).toBe(FAILURE_CAUSES.length);
    // Every ranked cause of a real study carries its levers.
    const a = analyse(
      answerWith(
        drawStudy(sim60(3)),
        drawStudy(sim60(3)).items.map((i) => i.reason),
      ),
    );
    expect(a.truth.causes.length).toBeGreaterThan(1);
    for (const r of a.truth.causes) expect(r.levers).toBe(CAUSES[r.cause].levers);
  });

  it('names each lever as the office does', () => {
    expect(leverName({ key: 'caseOwner', value: true })).toBe('One owner per case');
    expect(leverName({ key: 'nilQualifyDays', value: null })).toBe('Close incomplete claims: Never');
    expect(leverName({ key: 'formHandOut', value: false })).toBe('Hand visitors a form: Off');
    expect(leverName({ key: 'expertsAtFront', value: true })).toBe('Experts at the front');
  });

  it('finds the causes the redesigned flow removes under targets, and not in the redesigned flow', () => {
    const removed: FailureCause[] = ['nil-qualified', 'form-hand-out', 'lost-document'];
    const d = drawStudy(sim60(1)).population.causes;
    const s = drawStudy(sim60(1, 'systems')).population.causes;
    for (const c of removed) {
      expect(d[c] ?? 0, c).toBeGreaterThan(0);
      expect(s[c] ?? 0, c).toBe(0);
    }
  });
});

describe('the study words', () => {
  it('fills every sentence with what it is given, and nothing else', () => {
    // These take a number, a contact reason, a list: they are tried on their own below.
    const notStrings = new Set(['contacts', 'reason', 'removedBy']);
    for (const [k, v] of Object.entries(STUDY_WORDS)) {
      if (typeof v === 'string') expect(v, k).toBe(v.trim());
      if (typeof v !== 'function' || notStrings.has(k)) continue;
      const args = ['A1', 'B2', 'C3', 'D4', 'E5'];
      const out = (v as (...a: string[]) => string | string[])(...args);
      // Sentences with glossary links come as parts, the links in their places.
      const text = Array.isArray(out) ? out.join('') : out;
      expect(text, k).not.toMatch(/undefined|\$\{| {2}/);
      for (const arg of args.slice(0, v.length)) expect(text.toLowerCase(), k).toContain(arg.toLowerCase());
    }
    expect(STUDY_WORDS.contacts(1)).toBe('1 contact');
    expect(STUDY_WORDS.contacts(1234)).toBe('1,234 contacts');
    expect(STUDY_WORDS.reason('progress-chasing')).toBe('progress chasing');
    expect(STUDY_WORDS.removedBy(['A', 'B']).join('')).toBe('Removed by: A, B');
  });
});
