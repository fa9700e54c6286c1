// Studying demand: what citizens say (demandText), the share band a sample gives (share) and the
// study itself, drawn from a real run's contacts (demandStudy).
import { modelOf } from '../../src/services/housing-benefit/run';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { wilson, Z95, type ShareBand } from '../../src/analysis/share';
import { findNeed, citizenName } from '../../src/game/citizens';
import { analyse, answer, drawStudy, learn, STUDY_SIZE, STUDY_WINDOW_DAYS, type DemandStudy, type StudyItem } from '../../src/game/demandStudy';
import { EXPLANATIONS, PHRASINGS, REASON_LABELS } from '../../src/content/demand';
import { contactText, type ContactContext } from '../../src/game/demandText';
import { createSim, DAY, type ContactCause, type ContactReason, type Regime, type Sim } from '../../src/services/housing-benefit';
import { FAILURE_REASONS, isFailureDemand, VALUE_REASONS } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

const ALL_REASONS: readonly ContactReason[] = [...VALUE_REASONS, ...FAILURE_REASONS];

const contextArb: fc.Arbitrary<ContactContext> = fc.record({
  daysSinceFirst: fc.integer({ min: 0, max: 400 }),
  earlierContacts: fc.integer({ min: 0, max: 30 }),
  documents: fc.integer({ min: 0, max: 8 }),
  claims: fc.integer({ min: 0, max: 6 }),
  channel: fc.constantFrom('phone' as const, 'visit' as const, 'letter' as const),
});

const CTX: ContactContext = { daysSinceFirst: 20, earlierContacts: 2, documents: 3, claims: 1, channel: 'phone' };

/** A sentence a citizen could say: filled in, capitalised, punctuated, no leftovers. */
function expectWellFormed(text: string): void {
  expect(typeof text).toBe('string');
  expect(text.length).toBeGreaterThan(10);
  expect(text).toBe(text.trim());
  expect(text).toMatch(/^[A-Z]/);
  expect(text).toMatch(/[.?!]$/);
  for (const leftover of ['{', '}', '$', 'undefined', 'NaN', 'null', 'Infinity', '[object', '  ', ' ,', ' .']) {
    expect(text).not.toContain(leftover);
  }
  // Listening, not spotting a label: the words never give the classification away.
  expect(text.toLowerCase()).not.toContain('demand');
}

// ------------------------------------------------------------------------------------ demandText

describe('demandText', () => {
  it('has phrasings, an explanation and a label for exactly the contact reasons', () => {
    expect(new Set(ALL_REASONS).size).toBe(7);
    for (const table of [PHRASINGS, EXPLANATIONS, REASON_LABELS]) {
      expect(Object.keys(table).sort()).toEqual([...ALL_REASONS].sort());
    }
  });

  it('gives every reason at least four phrasings', () => {
    for (const reason of ALL_REASONS) {
      expect(PHRASINGS[reason].length, reason).toBeGreaterThanOrEqual(4);
      for (const f of PHRASINGS[reason]) expect(typeof f).toBe('function');
    }
  });

  it('fills every phrasing into a well-formed sentence, for any context and any non-negative pick', () => {
    fc.assert(
      fc.property(contextArb, fc.nat(), (ctx, pick) => {
        for (const reason of ALL_REASONS) {
          for (const f of PHRASINGS[reason]) expectWellFormed(f(ctx, pick));
          expectWellFormed(contactText(reason, ctx, pick));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('picks a phrasing by pick modulo the number of phrasings, negative picks included', () => {
    fc.assert(
      fc.property(contextArb, fc.integer(), fc.constantFrom(...ALL_REASONS), (ctx, pick, reason) => {
        const list = PHRASINGS[reason];
        const i = ((pick % list.length) + list.length) % list.length;
        expect(contactText(reason, ctx, pick)).toBe(list[i]!(ctx, pick));
      }),
      { numRuns: 300 },
    );
    // Whole cycles of both the phrasings and the documents list give the same words.
    fc.assert(
      fc.property(contextArb, fc.nat({ max: 1_000_000 }), fc.constantFrom(...ALL_REASONS), (ctx, pick, reason) => {
        expect(contactText(reason, ctx, pick + 5 * 4 * 6 * 7)).toBe(contactText(reason, ctx, pick));
      }),
      { numRuns: 300 },
    );
  });

  it('is well formed for negative picks on the reasons whose phrasings take no documents list', () => {
    // send-evidence and resend-evidence are left out: see the report (negative picks print "undefined").
    const noDocs: ContactReason[] = ['new-claim', 'progress-chasing', 'reapply', 'correct-error', 'complaint'];
    fc.assert(
      fc.property(contextArb, fc.integer({ max: -1 }), (ctx, pick) => {
        for (const reason of noDocs) expectWellFormed(contactText(reason, ctx, pick));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(contextArb, fc.integer(), fc.constantFrom(...ALL_REASONS), (ctx, pick, reason) => {
        const a = contactText(reason, ctx, pick);
        const b = contactText(reason, { ...ctx }, pick);
        expect(b).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it('says different things for different picks', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        for (const reason of ALL_REASONS) {
          const texts = new Set<string>();
          for (let pick = 0; pick < 24; pick++) texts.add(contactText(reason, ctx, pick));
          expect(texts.size, reason).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives each phrasing of a reason its own wording', () => {
    for (const reason of ALL_REASONS) {
      const texts = PHRASINGS[reason].map((f) => f(CTX, 0));
      expect(new Set(texts).size, reason).toBe(texts.length);
    }
    // And no sentence is shared between two reasons.
    const owner = new Map<string, ContactReason>();
    for (const reason of ALL_REASONS) {
      for (let pick = 0; pick < 30; pick++) {
        const t = contactText(reason, CTX, pick);
        const seen = owner.get(t);
        if (seen !== undefined) expect(seen).toBe(reason);
        owner.set(t, reason);
      }
    }
  });

  it("fills in the citizen's own details", () => {
    const ctx = (o: Partial<ContactContext>): ContactContext => ({ ...CTX, ...o });
    const chasing = PHRASINGS['progress-chasing'];
    expect(chasing[0]!(ctx({ daysSinceFirst: 1 }), 0)).toContain('I applied a day ago');
    expect(chasing[0]!(ctx({ daysSinceFirst: 5 }), 0)).toContain('I applied 5 days ago');
    expect(chasing[0]!(ctx({ daysSinceFirst: 13 }), 0)).toContain('13 days ago');
    expect(chasing[0]!(ctx({ daysSinceFirst: 14 }), 0)).toContain('2 weeks ago');
    expect(chasing[0]!(ctx({ daysSinceFirst: 20 }), 0)).toContain('3 weeks ago');
    expect(chasing[2]!(ctx({ daysSinceFirst: 70 }), 0)).toContain('It has been 10 weeks.');

    expect(chasing[1]!(ctx({ earlierContacts: 0 }), 0)).toContain('This is the first time');
    expect(chasing[1]!(ctx({ earlierContacts: 1 }), 0)).toContain('This is the second time');
    expect(chasing[1]!(ctx({ earlierContacts: 2 }), 0)).toContain('This is the third time');
    expect(chasing[1]!(ctx({ earlierContacts: 3 }), 0)).toContain('This is the fourth time');
    expect(chasing[1]!(ctx({ earlierContacts: 9 }), 0)).toContain('This is the tenth time');
    expect(chasing[1]!(ctx({ earlierContacts: 11 }), 0)).toContain('This is the 12th time');
    expect(chasing[1]!(ctx({ earlierContacts: 20 }), 0)).toContain('This is the 21st time');
    expect(chasing[1]!(ctx({ earlierContacts: 22 }), 0)).toContain('This is the 23rd time');
    // Day 0 reads naturally, never "today ago".
    expect(chasing[0]!(ctx({ daysSinceFirst: 0 }), 0)).toContain('less than a day ago');
    // Any whole number picks a phrasing, negative ones too, with every document named.
    for (const pick of [-1, -4, -7, -1000]) {
      for (const reason of ['send-evidence', 'resend-evidence'] as const) {
        expect(contactText(reason, ctx({ documents: 3 }), pick)).not.toMatch(/undefined| {2}/);
      }
    }

    expect(chasing[4]!(ctx({ earlierContacts: 1 }), 0)).toContain('in touch once already');
    expect(chasing[4]!(ctx({ earlierContacts: 2 }), 0)).toContain('in touch twice already');
    expect(chasing[4]!(ctx({ earlierContacts: 7 }), 0)).toContain('in touch 7 times already');

    expect(PHRASINGS.reapply[1]!(ctx({ claims: 2 }), 0)).toContain('claim number 3');
    expect(PHRASINGS.complaint[1]!(ctx({ earlierContacts: 4 }), 0)).toContain('4 times');
  });

  it('lists the documents asked for: one to three of them, none repeated', () => {
    const docs = ['payslips', 'tenancy agreement', 'bank statements', 'letter from the landlord', 'proof of savings', 'council tax bill'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.nat({ max: 1_000_000 }), (documents, pick) => {
        // Phrasing 0 of send-evidence: "You asked for my <list>. Here they are."
        const text = PHRASINGS['send-evidence'][0]!({ ...CTX, documents }, pick);
        const m = /^You asked for my (.+)\. Here they are\.$/.exec(text);
        expect(m).not.toBeNull();
        const parts = m![1]!.split(/, | and /);
        expect(parts.length).toBe(Math.max(1, Math.min(documents, 3)));
        expect(new Set(parts).size).toBe(parts.length);
        for (const p of parts) expect(docs).toContain(p);
        if (parts.length === 1) expect(m![1]).not.toContain(' and ');
        else expect(m![1]).toMatch(/ and [a-z ]+$/);
      }),
      { numRuns: 300 },
    );
  });

  it('explains value demand and failure demand, and labels every reason', () => {
    for (const reason of VALUE_REASONS) {
      expect(EXPLANATIONS[reason], reason).toMatch(/^Value demand: /);
      expect(EXPLANATIONS[reason]).not.toContain('Failure demand');
    }
    for (const reason of FAILURE_REASONS) {
      expect(EXPLANATIONS[reason], reason).toMatch(/^Failure demand: /);
      expect(EXPLANATIONS[reason]).not.toContain('Value demand');
    }
    for (const reason of ALL_REASONS) {
      expect(EXPLANATIONS[reason]).toMatch(/\.$/);
      expect(EXPLANATIONS[reason].length).toBeGreaterThan('Failure demand: '.length + 10);
      expect(REASON_LABELS[reason]).toMatch(/^[A-Z]\S/);
      expect(REASON_LABELS[reason]).toBe(REASON_LABELS[reason].trim());
    }
    expect(new Set(Object.values(REASON_LABELS)).size).toBe(ALL_REASONS.length);
    expect(new Set(Object.values(EXPLANATIONS)).size).toBe(ALL_REASONS.length);
  });
});

// ----------------------------------------------------------------------------------------- share

/** Does pi solve the Wilson quadratic n (p - pi)^2 = z^2 pi (1 - pi)? (The band's ends are its roots.) */
function wilsonResidual(successes: number, n: number, pi: number, z = Z95): number {
  const p = successes / n;
  return n * (p - pi) ** 2 - z * z * pi * (1 - pi);
}

function binomialPmf(n: number, k: number, p: number): number {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

function width(b: ShareBand | null): number {
  return b!.high - b!.low;
}

describe('wilson', () => {
  it('has z for a 95% interval', () => {
    expect(Z95).toBeCloseTo(1.96, 2);
    // Phi(1.959964) = 0.975 (erf by series, enough terms for 1e-9).
    const x = Z95 / Math.SQRT2;
    let erf = 0;
    let term = x;
    for (let k = 0; k < 60; k++) {
      erf += term / (2 * k + 1);
      term *= (-x * x) / (k + 1);
    }
    erf *= 2 / Math.sqrt(Math.PI);
    expect((1 + erf) / 2).toBeCloseTo(0.975, 9);
  });

  it('returns null when there is no sample or the count is impossible', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(0, -5)).toBeNull();
    expect(wilson(-1, 10)).toBeNull();
    expect(wilson(11, 10)).toBeNull();
    expect(wilson(1, 0)).toBeNull();
    expect(wilson(0, 1)).not.toBeNull();
    expect(wilson(1, 1)).not.toBeNull();
  });

  it('matches the published Wilson intervals (Newcombe 1998, method 3)', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0.0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [s, n, low, high] of cases) {
      const b = wilson(s, n)!;
      expect(b.n).toBe(n);
      expect(b.share).toBeCloseTo(s / n, 12);
      expect(b.low).toBeCloseTo(low, 4);
      expect(b.high).toBeCloseTo(high, 4);
    }
  });

  it('gives the closed forms at 0/n and n/n, and a symmetric band at n/2', () => {
    const z2 = Z95 * Z95;
    const none = wilson(0, 10)!;
    expect(none.share).toBe(0);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(z2 / (10 + z2), 12); // 0.27753
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilson(10, 10)!;
    expect(all.share).toBe(1);
    expect(all.low).toBeCloseTo(10 / (10 + z2), 12); // 0.72247
    expect(all.high).toBeCloseTo(1, 12);
    const half = wilson(5, 10)!;
    expect(half.share).toBe(0.5);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    expect(half.low + half.high).toBeCloseTo(1, 12);
  });

  it('has ends that solve the Wilson quadratic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const b = wilson(s, n)!;
          // Scale: the terms are of order n, so compare relative to it.
          if (s > 0) expect(Math.abs(wilsonResidual(s, n, b.low)) / n).toBeLessThan(1e-9);
          if (s < n) expect(Math.abs(wilsonResidual(s, n, b.high)) / n).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('puts the share inside a band within [0, 1], mirrored for the complementary count', () => {
    // At s = 0 and s = n the band ends exactly at the share: no rounding sliver.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const b = wilson(s, n)!;
          expect(b.n).toBe(n);
          expect(b.share).toBe(s / n);
          expect(b.low).toBeGreaterThanOrEqual(0);
          expect(b.high).toBeLessThanOrEqual(1);
          expect(b.low).toBeLessThanOrEqual(b.share);
          expect(b.share).toBeLessThanOrEqual(b.high);
          if (s > 0) expect(b.low).toBeGreaterThan(0);
          if (s < n) expect(b.high).toBeLessThan(1);
          if (s === 0) expect(b.low).toBe(0);
          if (s === n) expect(b.high).toBe(1);
          if (s > 0 && s < n) {
            expect(b.low).toBeLessThan(b.share);
            expect(b.high).toBeGreaterThan(b.share);
          }
          const m = wilson(n - s, n)!;
          expect(m.low).toBeCloseTo(1 - b.high, 12);
          expect(m.high).toBeCloseTo(1 - b.low, 12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('narrows as the sample grows for the same share', () => {
    const widths = [10, 100, 1000, 10000].map((n) => width(wilson(0.3 * n, n)));
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeLessThan(widths[i - 1]!);
    // Roughly 1 / sqrt(n) once n is large: a hundred times the sample, a tenth of the width.
    expect(widths[1]! / widths[3]!).toBeGreaterThan(9);
    expect(widths[1]! / widths[3]!).toBeLessThan(11);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 2, max: 20 }),
        ([s, n], k) => {
          expect(width(wilson(s * k, n * k))).toBeLessThan(width(wilson(s, n)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('widens with z and collapses to the share at z = 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const z0 = wilson(s, n, 0)!;
          expect(z0.low).toBeCloseTo(s / n, 12);
          expect(z0.high).toBeCloseTo(s / n, 12);
          const b90 = wilson(s, n, 1.6448536269514722)!;
          const b95 = wilson(s, n)!;
          const b99 = wilson(s, n, 2.5758293035489004)!;
          const eps = 1e-15;
          expect(b90.low).toBeGreaterThanOrEqual(b95.low - eps);
          expect(b95.low).toBeGreaterThanOrEqual(b99.low - eps);
          expect(b90.high).toBeLessThanOrEqual(b95.high + eps);
          expect(b95.high).toBeLessThanOrEqual(b99.high + eps);
          expect(width(b99)).toBeGreaterThan(width(b90));
        },
      ),
      { numRuns: 300 },
    );
  });

  const TRUE_SHARES = [0.1, 0.3, 0.5, 0.7] as const;
  const N = 40;

  it('covers about 95% at n = 40 (exact binomial coverage)', () => {
    for (const p of TRUE_SHARES) {
      let coverage = 0;
      for (let k = 0; k <= N; k++) {
        const b = wilson(k, N)!;
        if (b.low <= p && p <= b.high) coverage += binomialPmf(N, k, p);
      }
      // Wilson's coverage wobbles around the nominal 95% but stays close at n = 40.
      expect(coverage, `p = ${p}`).toBeGreaterThan(0.93);
      expect(coverage, `p = ${p}`).toBeLessThan(0.975);
    }
  });

  it('contains the true share in about 95% of simulated samples of 40', () => {
    // Exact coverages (from the binomial) are 0.943, 0.944, 0.962 and 0.944; over 2000 trials
    // the observed rate has a standard error of about 0.005, so [0.92, 0.98] is > 4 SE either side.
    fc.assert(
      fc.property(fc.constantFrom(...TRUE_SHARES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (p, seed) => {
        const rng = seedrandom(`wilson-coverage:${seed}`);
        const trials = 2000;
        let hits = 0;
        for (let t = 0; t < trials; t++) {
          let s = 0;
          for (let i = 0; i < N; i++) if (rng() < p) s++;
          const b = wilson(s, N)!;
          if (b.low <= p && p <= b.high) hits++;
        }
        const rate = hits / trials;
        expect(rate).toBeGreaterThan(0.92);
        expect(rate).toBeLessThan(0.98);
      }),
      { numRuns: 12 },
    );
  });
});

// ----------------------------------------------------------------------------------- demandStudy

const simCache = new Map<string, Sim>();

/** A housing-benefit run with a journal, advanced `days` days (cached: tests only read it). */
function sim60(seed: number, regime: Regime = 'deliverology', days = 60): Sim {
  const key = `${seed}:${regime}:${days}`;
  let sim = simCache.get(key);
  if (!sim) {
    sim = freshSim(seed, regime, days);
    simCache.set(key, sim);
  }
  return sim;
}

function freshSim(seed: number, regime: Regime = 'deliverology', days = 60): Sim {
  const sim = createSim(level('housing-benefit'), seed, regime, { journal: true });
  sim.advanceDays(days);
  return sim;
}

/** Indices of the contacts made in the study window, counted directly. */
function windowOf(sim: Sim): { indices: number[]; failure: number; causes: Partial<Record<ContactCause, number>> } {
  const to = sim.now;
  const from = to - STUDY_WINDOW_DAYS * DAY;
  const indices: number[] = [];
  let failure = 0;
  const causes: Partial<Record<ContactCause, number>> = {};
  // Every contact walked directly (not by contactsBetween), numbered as the study numbers them: by place in the window.
  modelOf(sim).contacts.forEach((c) => {
    if (c.at >= from && c.at <= to) {
      indices.push(indices.length);
      if (c.failure) failure++;
      causes[c.cause] = (causes[c.cause] ?? 0) + 1;
    }
  });
  return { indices, failure, causes };
}

/** The cause the core gives a contact of this reason (re-sent evidence: a lost document, here). */
function causeFor(reason: ContactReason): ContactCause {
  switch (reason) {
    case 'new-claim':
    case 'send-evidence':
      return 'none';
    case 'progress-chasing':
    case 'complaint':
      return 'silence';
    case 'reapply':
      return 'nil-qualified';
    case 'correct-error':
      return 'wrong-decision';
    case 'resend-evidence':
      return 'lost-document';
  }
}

/** Answers every item with the true reason. */
function answerAll(study: DemandStudy, choose: (item: StudyItem) => ContactReason = (item) => item.reason): DemandStudy {
  let s = study;
  for (const item of study.items) s = answer(s, choose(item));
  return s;
}

function syntheticStudy(
  reasons: readonly ContactReason[],
  population: DemandStudy['population'] = { contacts: 100, failure: 60, causes: { none: 40, silence: 60 } },
): DemandStudy {
  return {
    from: 0,
    to: STUDY_WINDOW_DAYS * DAY,
    items: reasons.map((reason, i) => ({
      contact: i * 3,
      needId: i + 1,
      name: citizenName(i + 1),
      channel: 'phone',
      day: i,
      text: contactText(reason, CTX, i),
      reason,
      cause: causeFor(reason),
    })),
    answers: [],
    population,
  };
}

const reasonArb = fc.constantFrom(...ALL_REASONS);

describe('drawStudy', () => {
  it('has a four-week window and samples forty contacts', () => {
    expect(STUDY_WINDOW_DAYS).toBe(28);
    expect(STUDY_SIZE).toBe(40);
  });

  it('samples distinct contacts from the last four weeks, in contact order', () => {
    for (const seed of [1, 2, 3]) {
      const sim = sim60(seed);
      const study = drawStudy(sim);
      const contacts = sim.contactsBetween(study.from, study.to);
      expect(study.to).toBe(sim.now);
      expect(study.from).toBe(sim.now - STUDY_WINDOW_DAYS * DAY);
      expect(study.answers).toEqual([]);
      expect(study.items.length).toBe(STUDY_SIZE);
      const idx = study.items.map((i) => i.contact);
      expect(new Set(idx).size).toBe(idx.length);
      for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
      for (const item of study.items) {
        const c = contacts[item.contact]!;
        expect(c).toBeDefined();
        expect(Number.isInteger(item.contact)).toBe(true);
        expect(c.at).toBeGreaterThanOrEqual(study.from);
        expect(c.at).toBeLessThanOrEqual(study.to);
        expect(item.needId).toBe(c.needId);
        expect(item.reason).toBe(c.reason);
        expect(item.cause).toBe(c.cause);
        expect(item.cause === 'none').toBe(!isFailureDemand(item.reason));
        expect(item.channel).toBe(c.channel);
        expect(item.day).toBeCloseTo(c.at / DAY, 9);
        expect(item.day).toBeGreaterThanOrEqual(60 - STUDY_WINDOW_DAYS);
        expect(item.day).toBeLessThanOrEqual(60);
        expect(item.name).toBe(citizenName(c.needId));
      }
    }
  });

  it("words each contact with one of its true reason's phrasings, filled with that citizen's details", () => {
    const sim = sim60(4);
    const study = drawStudy(sim);
    const contacts = sim.contactsBetween(study.from, study.to);
    for (const item of study.items) {
      const c = contacts[item.contact]!;
      const need = findNeed(sim, c.needId)!;
      expect(need).not.toBeNull();
      const ctx: ContactContext = {
        daysSinceFirst: Math.max(0, Math.floor((c.at - need.arrivedAt) / DAY)),
        earlierContacts: modelOf(sim)
          .journeyOf(c.needId)
          .filter((s) => s.kind === 'contact' && s.at < c.at).length,
        documents: need.required,
        claims: need.claims,
        channel: c.channel,
      };
      const possible = new Set<string>();
      for (let pick = 0; pick < 1000; pick++) possible.add(contactText(c.reason, ctx, pick));
      expect(possible.has(item.text), `${c.reason}: ${item.text}`).toBe(true);
      expectWellFormed(item.text);
    }
    // Forty contacts are not all said the same way.
    expect(new Set(study.items.map((i) => i.text)).size).toBeGreaterThan(8);
  });

  it('counts the whole window for the population, as a direct count does', () => {
    for (const seed of [1, 5, 9]) {
      for (const regime of ['deliverology', 'systems'] as const) {
        const sim = sim60(seed, regime);
        const study = drawStudy(sim);
        const direct = windowOf(sim);
        expect(direct.indices.length).toBeGreaterThan(STUDY_SIZE);
        expect(study.population).toEqual({ contacts: direct.indices.length, failure: direct.failure, causes: direct.causes });
        expect(Object.values(study.population.causes).reduce((a, b) => a + (b ?? 0), 0)).toBe(direct.indices.length);
        expect(direct.indices.length - (study.population.causes.none ?? 0)).toBe(direct.failure);
        const sampled = new Set(direct.indices);
        for (const item of study.items) expect(sampled.has(item.contact)).toBe(true);
      }
    }
  });

  it('hears the inherited weeks before day 0 too', () => {
    // The office ran before the player arrived: at day 0 and day 5 the window reaches back into it.
    const start = createSim(level('housing-benefit'), 8, 'deliverology', { journal: true });
    expect(start.now).toBe(0);
    const atStart = drawStudy(start);
    expect(atStart.from).toBe(-STUDY_WINDOW_DAYS * DAY);
    expect(atStart.population).toEqual({ contacts: windowOf(start).indices.length, failure: windowOf(start).failure, causes: windowOf(start).causes });
    expect(atStart.items.length).toBe(STUDY_SIZE);
    for (const item of atStart.items) {
      expect(item.day).toBeLessThanOrEqual(0);
      expect(item.day).toBeGreaterThanOrEqual(-STUDY_WINDOW_DAYS);
    }
    start.advanceDays(5);
    const day5 = drawStudy(start, 1_000_000);
    expect(day5.items.map((i) => i.contact)).toEqual(windowOf(start).indices);
    expect(day5.items.some((i) => i.day < 0)).toBe(true);
    expect(day5.items.some((i) => i.day > 0)).toBe(true);
  });

  it('takes every contact in the window when asked for more than there are, and none for size 0', () => {
    const sim = sim60(2);
    const direct = windowOf(sim);
    const all = drawStudy(sim, 1_000_000);
    expect(all.items.map((i) => i.contact)).toEqual(direct.indices);
    expect(all.population.contacts).toBe(direct.indices.length);
    expect(drawStudy(sim, 0).items).toEqual([]);
    for (const size of [1, 7, 25]) {
      const s = drawStudy(sim, size);
      expect(s.items.length).toBe(size);
      expect(new Set(s.items.map((i) => i.contact)).size).toBe(size);
      expect(s.population).toEqual(all.population);
    }
  });

  it('draws the same sample at the same moment of the same run, and another at another moment', () => {
    const a = sim60(3);
    const first = drawStudy(a);
    const again = drawStudy(a);
    expect(again).toEqual(first);
    // An independent replay of the run, studied at the same moment, hears the same contacts.
    const replay = freshSim(3);
    expect(drawStudy(replay)).toEqual(first);
    // A day later: a different window and a different sample.
    replay.advanceDays(1);
    const later = drawStudy(replay);
    expect(later.to).toBe(first.to + DAY);
    expect(later.items.map((i) => i.contact)).not.toEqual(first.items.map((i) => i.contact));
    // Another run at the same moment: a different sample.
    const other = drawStudy(sim60(4));
    expect(other.items.map((i) => `${i.contact}:${i.reason}`)).not.toEqual(first.items.map((i) => `${i.contact}:${i.reason}`));
  });

  it("takes the window's contacts from the sim as the full list has them, ends included", () => {
    const sim = sim60(8);
    const all = modelOf(sim).contacts;
    for (const [from, to] of [
      [sim.now - STUDY_WINDOW_DAYS * DAY, sim.now],
      [all[10]!.at, all[500]!.at],
      [-Infinity, Infinity],
      [sim.now + 1, sim.now + DAY],
    ] as const) {
      expect(sim.contactsBetween(from, to)).toEqual(all.filter((c) => c.at >= from && c.at <= to));
    }
  });

  it('does not change the run it studies', () => {
    const sim = freshSim(6, 'deliverology', 30);
    const now = sim.now;
    const made = modelOf(sim).contacts.length;
    const before = sim.report();
    drawStudy(sim);
    drawStudy(sim, 500);
    expect(sim.now).toBe(now);
    expect(modelOf(sim).contacts.length).toBe(made);
    expect(sim.report()).toEqual(before);
  });

  it('spreads a sample through the whole window, not just its start or end', () => {
    const sim = sim60(7);
    const direct = windowOf(sim);
    const study = drawStudy(sim, 200);
    const pos = study.items.map((i) => direct.indices.indexOf(i.contact) / direct.indices.length);
    const firstHalf = pos.filter((x) => x < 0.5).length;
    // Binomial(200, 0.5): mean 100, SD about 7; allow 5 SD.
    expect(firstHalf).toBeGreaterThan(100 - 36);
    expect(firstHalf).toBeLessThan(100 + 36);
  });
});

describe('answer', () => {
  it('records the choice and whether it was right, in order', () => {
    const study = syntheticStudy(['new-claim', 'progress-chasing', 'send-evidence', 'complaint']);
    const s1 = answer(study, 'new-claim'); // right
    expect(s1.answers).toEqual([{ chosen: 'new-claim', correct: true, rightKind: true }]);
    const s2 = answer(s1, 'resend-evidence'); // wrong type, right kind (failure)
    expect(s2.answers[1]).toEqual({ chosen: 'resend-evidence', correct: false, rightKind: true });
    const s3 = answer(s2, 'complaint'); // truth is send-evidence: wrong kind
    expect(s3.answers[2]).toEqual({ chosen: 'complaint', correct: false, rightKind: false });
    const s4 = answer(s3, 'new-claim'); // truth is complaint: wrong kind
    expect(s4.answers[3]).toEqual({ chosen: 'new-claim', correct: false, rightKind: false });
    // Immutable: earlier studies are untouched, the items are the same.
    expect(study.answers).toEqual([]);
    expect(s1.answers.length).toBe(1);
    expect(s2.answers.length).toBe(2);
    expect(s4.items).toEqual(study.items);
    expect(s4.population).toEqual(study.population);
  });

  it('tells value from failure by the demand kind for every pair of reasons', () => {
    for (const truth of ALL_REASONS) {
      for (const chosen of ALL_REASONS) {
        const a = answer(syntheticStudy([truth]), chosen).answers[0]!;
        expect(a.correct).toBe(chosen === truth);
        expect(a.rightKind).toBe(FAILURE_REASONS.includes(chosen) === FAILURE_REASONS.includes(truth));
        if (a.correct) expect(a.rightKind).toBe(true);
      }
    }
    // Two value reasons are the same kind; a value and a failure reason are not.
    expect(answer(syntheticStudy(['send-evidence']), 'new-claim').answers[0]!.rightKind).toBe(true);
    expect(answer(syntheticStudy(['reapply']), 'correct-error').answers[0]!.rightKind).toBe(true);
    expect(answer(syntheticStudy(['reapply']), 'send-evidence').answers[0]!.rightKind).toBe(false);
  });

  it('ignores answers once every item is answered', () => {
    const study = answerAll(syntheticStudy(['new-claim', 'complaint']));
    expect(study.answers.length).toBe(2);
    const extra = answer(study, 'reapply');
    expect(extra).toBe(study);
    expect(extra.answers.length).toBe(2);
    const empty = syntheticStudy([]);
    expect(answer(empty, 'new-claim')).toBe(empty);
    expect(empty.answers).toEqual([]);
  });

  it('works on a real study', () => {
    const study = drawStudy(sim60(1));
    const right = answerAll(study);
    expect(right.answers.length).toBe(study.items.length);
    expect(right.answers.every((a) => a.correct && a.rightKind)).toBe(true);
    // Always saying "new claim": right exactly for the new claims, right kind for the value demand.
    const lazy = answerAll(study, () => 'new-claim');
    lazy.answers.forEach((a, i) => {
      expect(a.correct).toBe(study.items[i]!.reason === 'new-claim');
      expect(a.rightKind).toBe(!isFailureDemand(study.items[i]!.reason));
    });
  });
});

describe('analyse', () => {
  it('counts only the answered items: the truth by the true reasons, yours by the answers', () => {
    const reasons: ContactReason[] = [
      'progress-chasing',
      'new-claim',
      'progress-chasing',
      'complaint',
      'reapply',
      'progress-chasing',
      'send-evidence',
      'complaint',
      'reapply',
      'reapply',
    ];
    let study = syntheticStudy(reasons, { contacts: 250, failure: 180, causes: { none: 70, silence: 120, 'nil-qualified': 60 } });
    const none = analyse(study);
    expect(none.studied).toBe(0);
    for (const t of [none.yours, none.truth]) {
      expect(t.studied).toBe(0);
      expect(t.failure).toBeNull();
      expect(t.causes).toEqual([]);
      expect(Object.values(t.byReason).every((n) => n === 0)).toBe(true);
    }
    expect(none.correct).toBe(0);
    expect(none.populationShare).toBeCloseTo(180 / 250, 12);
    expect(none.populationCauses).toEqual([
      { cause: 'silence', share: 120 / 180 },
      { cause: 'nil-qualified', share: 60 / 180 },
    ]);

    // Answer the first six, all wrongly as new claims: the truth counts the true reasons, yours the answers.
    for (let i = 0; i < 6; i++) study = answer(study, 'new-claim');
    const a = analyse(study);
    expect(a.studied).toBe(6);
    expect(a.truth.byReason).toEqual({
      'new-claim': 1,
      'send-evidence': 0,
      'progress-chasing': 3,
      'resend-evidence': 0,
      reapply: 1,
      'correct-error': 0,
      complaint: 1,
    });
    expect(a.yours.byReason).toEqual({
      'new-claim': 6,
      'send-evidence': 0,
      'progress-chasing': 0,
      'resend-evidence': 0,
      reapply: 0,
      'correct-error': 0,
      complaint: 0,
    });
    expect(a.correct).toBe(1);
    expect(a.truth.failure).toEqual(wilson(5, 6));
    expect(a.yours.failure).toEqual(wilson(0, 6));
    expect(a.yours.causes).toEqual([]);
    // Silence: three chases and a complaint; a nil-qualified claim: one reapplication.
    expect(a.truth.causes.map((r) => [r.cause, r.count])).toEqual([
      ['silence', 4],
      ['nil-qualified', 1],
    ]);

    const full = analyse(answerAll(syntheticStudy(reasons)));
    expect(full.studied).toBe(10);
    expect(full.truth.failure).toEqual(wilson(8, 10));
    expect(full.yours).toEqual(full.truth);
    expect(full.correct).toBe(10);
    expect(full.truth.causes.map((r) => [r.cause, r.count])).toEqual([
      ['silence', 5],
      ['nil-qualified', 3],
    ]);
  });

  it('has no population share when the window had no contacts', () => {
    const empty = analyse(syntheticStudy([], { contacts: 0, failure: 0, causes: {} }));
    expect(empty.populationShare).toBeNull();
    expect(empty.populationCauses).toEqual([]);
    expect(analyse(syntheticStudy(['new-claim'], { contacts: 4, failure: 1, causes: { none: 3, silence: 1 } })).populationShare).toBe(0.25);
  });

  it('agrees with a direct tally for any study and any answers', () => {
    fc.assert(
      fc.property(
        fc.array(reasonArb, { maxLength: 60 }),
        fc.array(reasonArb, { maxLength: 70 }),
        fc.nat({ max: 1000 }),
        fc.nat({ max: 1000 }),
        (reasons, chosen, contacts, failureRaw) => {
          const failurePop = contacts === 0 ? 0 : failureRaw % (contacts + 1);
          let study = syntheticStudy(reasons, { contacts, failure: failurePop, causes: { none: contacts - failurePop, silence: failurePop } });
          for (const c of chosen) study = answer(study, c);
          const n = Math.min(reasons.length, chosen.length);
          expect(study.answers.length).toBe(n);
          const a = analyse(study);
          const answered = reasons.slice(0, n);
          const said = chosen.slice(0, n);
          expect(a.studied).toBe(n);
          for (const r of ALL_REASONS) {
            expect(a.truth.byReason[r]).toBe(answered.filter((x) => x === r).length);
            expect(a.yours.byReason[r]).toBe(said.filter((x) => x === r).length);
          }
          const failures = answered.filter((r) => FAILURE_REASONS.includes(r)).length;
          const saidFailure = said.filter((r) => FAILURE_REASONS.includes(r)).length;
          expect(a.truth.failure).toEqual(n === 0 ? null : wilson(failures, n));
          expect(a.yours.failure).toEqual(n === 0 ? null : wilson(saidFailure, n));
          expect(a.correct).toBe(answered.filter((r, i) => said[i] === r).length);
          expect(a.rightKind).toBe(answered.filter((r, i) => isFailureDemand(said[i]!) === isFailureDemand(r)).length);
          // The true causes cover the failure demand heard; yours, what you took for failure that was.
          for (const t of [a.truth, a.yours]) {
            for (let i = 1; i < t.causes.length; i++) expect(t.causes[i]!.count).toBeLessThanOrEqual(t.causes[i - 1]!.count);
            for (const r of t.causes) expect(r.count).toBeGreaterThan(0);
            expect(new Set(t.causes.map((r) => r.cause)).size).toBe(t.causes.length);
          }
          expect(a.truth.causes.reduce((t, r) => t + r.count, 0)).toBe(failures);
          const bothFailure = answered.filter((r, i) => isFailureDemand(r) && isFailureDemand(said[i]!)).length;
          expect(a.yours.causes.reduce((t, r) => t + r.count, 0)).toBe(bothFailure);
          expect(a.uncaused).toBe(saidFailure - bothFailure);
          expect(a.populationShare).toBe(contacts === 0 ? null : failurePop / contacts);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("brackets the core's failure share with a full study's band in most runs (deliverology, day 60)", () => {
    let inside = 0;
    let above = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const study = answerAll(drawStudy(sim60(seed)));
      const a = analyse(study);
      expect(a.studied).toBe(STUDY_SIZE);
      expect(a.truth.failure!.n).toBe(STUDY_SIZE);
      expect(a.yours).toEqual(a.truth);
      expect(a.populationShare).toBe(study.population.failure / study.population.contacts);
      expect(a.populationShare!).toBeGreaterThan(0.5);
      if (a.truth.failure!.share! > 0.5) above++;
      expect(a.truth.causes.length).toBeGreaterThan(0);
      if (a.truth.failure!.low <= a.populationShare! && a.populationShare! <= a.truth.failure!.high) inside++;
    }
    // A 95% interval: 8 or more of 10 has probability about 0.99.
    expect(inside).toBeGreaterThanOrEqual(8);
    // With about 73% failure demand, a sample of 40 shows a majority of it all but about once in
    // 600 studies (binomial): asking for 9 or more of 10 fails about once in 8,000.
    expect(above).toBeGreaterThanOrEqual(9);
  });

  it('finds less failure demand under the systems regime', () => {
    let lowerEverywhere = 0;
    let sumDeliverology = 0;
    let sumSystems = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const d = analyse(answerAll(drawStudy(sim60(seed, 'deliverology'))));
      const s = analyse(answerAll(drawStudy(sim60(seed, 'systems'))));
      expect(s.populationShare!).toBeLessThan(d.populationShare!);
      if (s.truth.failure!.share < d.truth.failure!.share) lowerEverywhere++;
      sumDeliverology += d.truth.failure!.share;
      sumSystems += s.truth.failure!.share;
    }
    expect(lowerEverywhere).toBe(10);
    expect(sumSystems / 10).toBeLessThan(0.35);
    expect(sumDeliverology / 10).toBeGreaterThan(0.5);
  });
});

describe('learn', () => {
  it('adds up the true reasons of the answered contacts, across studies', () => {
    const first = answer(answer(syntheticStudy(['new-claim', 'complaint', 'complaint']), 'complaint'), 'complaint');
    const l1 = learn({}, first);
    expect(l1).toEqual({ 'new-claim': 1, complaint: 1 });
    const second = answerAll(syntheticStudy(['complaint', 'reapply', 'new-claim']), () => 'send-evidence');
    const l2 = learn(l1, second);
    expect(l2).toEqual({ 'new-claim': 2, complaint: 2, reapply: 1 });
    // Pure: the earlier record is untouched.
    expect(l1).toEqual({ 'new-claim': 1, complaint: 1 });
    // Nothing answered, nothing learnt (but a copy, not the same object).
    const l3 = learn(l2, syntheticStudy(['correct-error']));
    expect(l3).toEqual(l2);
    expect(l3).not.toBe(l2);
  });

  it('totals the contacts heard, whatever the studies and answers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(reasonArb, { maxLength: 20 }), fc.nat({ max: 25 })), { maxLength: 6 }), (studies) => {
        let learnt = {};
        const expected = new Map<ContactReason, number>();
        for (const [reasons, k] of studies) {
          let s = syntheticStudy(reasons);
          for (let i = 0; i < k; i++) s = answer(s, 'new-claim');
          for (const r of reasons.slice(0, k)) expected.set(r, (expected.get(r) ?? 0) + 1);
          learnt = learn(learnt, s);
        }
        expect(learnt).toEqual(Object.fromEntries(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('learns a real study: forty contacts heard, by reason', () => {
    const study = answerAll(drawStudy(sim60(2)));
    const learnt = learn({}, study);
    expect(Object.values(learnt).reduce((a, b) => a + (b ?? 0), 0)).toBe(STUDY_SIZE);
    const twice = learn(learnt, study);
    for (const r of ALL_REASONS) expect(twice[r] ?? 0).toBe(2 * (learnt[r] ?? 0));
    expect(analyse(study).truth.byReason).toEqual({ ...Object.fromEntries(ALL_REASONS.map((r) => [r, 0])), ...learnt });
  });
});
