import { describe, expect, it } from 'vitest';
import { exp as expExact, ln as lnExact } from '../../../src/engine/exactMath';
import { GRID, lognormalTable, NORMAL_TABLE, quantileAt, RAYLEIGH_TABLE, RAYLEIGH_TAIL, TAIL, Z_TAIL } from '../../../src/engine/quantileTable';
import { type Distribution, exp, ln, meanOf, prepare, Stream } from '../../../src/engine/random';

const N = 200_000;

function draws(n: number, f: () => number): number[] {
  const xs = new Array<number>(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

function stats(xs: readonly number[]) {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const variance = ss / (xs.length - 1);
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { mean, variance, sd: Math.sqrt(variance), min, max };
}

describe('Stream: reproducibility and independence', () => {
  it('gives the identical sequence for the same seed and name', () => {
    const a = new Stream(42, 'demand');
    const b = new Stream(42, 'demand');
    const logn: Distribution = { dist: 'lognormal', mean: 20, sd: 20 };
    for (let i = 0; i < 1000; i++) {
      expect(a.uniform()).toBe(b.uniform());
      expect(a.exponential(7)).toBe(b.exponential(7));
      expect(a.normal()).toBe(b.normal());
      expect(a.int(-3, 9)).toBe(b.int(-3, 9));
      expect(a.sample(logn)).toBe(b.sample(logn));
    }
  });

  it('gives different sequences for different names with the same seed', () => {
    const names = ['demand', 'citizen', 'work', 'post'];
    const seqs = names.map((n) => {
      const s = new Stream(42, n);
      return draws(100, () => s.uniform());
    });
    for (let i = 0; i < seqs.length; i++) {
      for (let j = i + 1; j < seqs.length; j++) {
        const same = seqs[i]!.filter((x, k) => x === seqs[j]![k]).length;
        expect(same, `${names[i]} vs ${names[j]}`).toBe(0);
      }
    }
  });

  it('gives different sequences for different seeds with the same name', () => {
    const a = new Stream(1, 'demand');
    const b = new Stream(2, 'demand');
    const xa = draws(100, () => a.uniform());
    const xb = draws(100, () => b.uniform());
    expect(xa.filter((x, k) => x === xb[k]).length).toBe(0);
  });

  it('streams are independent: drawing from one does not move another', () => {
    const alone = new Stream(7, 'work');
    const expected = draws(500, () => alone.uniform());
    const work = new Stream(7, 'work');
    const demand = new Stream(7, 'demand');
    const got: number[] = [];
    for (let i = 0; i < 500; i++) {
      for (let k = 0; k < i % 4; k++) demand.exponential(3);
      got.push(work.uniform());
    }
    expect(got).toEqual(expected);
  });

  it('streams with different names are uncorrelated', () => {
    const a = new Stream(3, 'demand');
    const b = new Stream(3, 'citizen');
    const n = 100_000;
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      const x = a.uniform();
      const y = b.uniform();
      sx += x;
      sy += y;
      sxy += x * y;
    }
    const cov = sxy / n - (sx / n) * (sy / n);
    const corr = cov / (1 / 12);
    // Standard error of a correlation near 0 is 1/sqrt(n) ~ 0.003.
    expect(Math.abs(corr)).toBeLessThan(0.015);
  });

  it('golden values: the first draws of Stream(42, "demand") never change', () => {
    // Recorded from the current generator (Alea via seedrandom, seeded "42/demand"). Runs and
    // shared seeds depend on these exact numbers: change them only on a deliberate generator change.
    const u = new Stream(42, 'demand');
    expect(draws(5, () => u.uniform())).toEqual([0.6182878057006747, 0.5988414320163429, 0.12896158057264984, 0.8878204373177141, 0.09432233590632677]);
    const e = new Stream(42, 'demand');
    expect(draws(5, () => e.exponential(10))).toEqual([9.630883724021825, 9.133984984572606, 1.3806919354175473, 21.87654453266775, 0.990718153896295]);
  });
});

describe('Stream: uniform, chance and int', () => {
  it('uniform lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const s = new Stream(11, 'u');
    const xs = draws(N, () => s.uniform());
    const st = stats(xs);
    expect(st.min).toBeGreaterThanOrEqual(0);
    expect(st.max).toBeLessThan(1);
    expect(Math.abs(st.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(st.variance - 1 / 12)).toBeLessThan(0.001);
  });

  it('uniform is flat: a chi-square test on 20 bins', () => {
    const s = new Stream(12, 'u');
    const bins = new Array<number>(20).fill(0);
    for (let i = 0; i < N; i++) bins[Math.floor(s.uniform() * 20)]!++;
    const expected = N / 20;
    const chi2 = bins.reduce((acc, o) => acc + ((o - expected) * (o - expected)) / expected, 0);
    // 19 degrees of freedom: the 99.9% point is 43.8.
    expect(chi2).toBeLessThan(43.8);
  });

  it('chance(0) is never true, chance(1) is always true', () => {
    const s = new Stream(5, 'chance');
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      if (s.chance(0)) wrong++;
      if (!s.chance(1)) wrong++;
      if (s.chance(-0.5)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('chance(p) is true with frequency p', () => {
    const s = new Stream(6, 'chance');
    for (const p of [0.01, 0.3, 0.5, 0.9]) {
      let hits = 0;
      for (let i = 0; i < N; i++) if (s.chance(p)) hits++;
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(hits / N - p), `p=${p}`).toBeLessThan(5 * se);
    }
  });

  it('int(min, max) includes both bounds, hits every value, and is uniform', () => {
    const s = new Stream(8, 'int');
    for (const [lo, hi] of [
      [1, 6],
      [0, 1],
      [-3, 3],
      [10, 29],
    ] as const) {
      const k = hi - lo + 1;
      const counts = new Map<number, number>();
      const n = 60_000;
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const v = s.int(lo, hi);
        if (!Number.isInteger(v) || v < lo || v > hi) bad++;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      expect(bad, `values outside [${lo}, ${hi}] or not integers`).toBe(0);
      expect(counts.size, `[${lo}, ${hi}]`).toBe(k);
      expect(counts.has(lo)).toBe(true);
      expect(counts.has(hi)).toBe(true);
      const p = 1 / k;
      const se = Math.sqrt(p * (1 - p) * n);
      for (const [v, c] of counts) expect(Math.abs(c - n * p), `value ${v} in [${lo}, ${hi}]`).toBeLessThan(5 * se);
    }
  });

  it('int(m, m) is always m', () => {
    const s = new Stream(9, 'int');
    for (let i = 0; i < 1000; i++) {
      expect(s.int(0, 0)).toBe(0);
      expect(s.int(4, 4)).toBe(4);
    }
  });
});

describe('Stream: continuous distributions', () => {
  it('exponential(mean) has that mean and sd, and is never negative', () => {
    const s = new Stream(21, 'exp');
    for (const mean of [1, 20, 15]) {
      const xs = draws(N, () => s.exponential(mean));
      const st = stats(xs);
      expect(st.min).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(st.max)).toBe(true);
      expect(Math.abs(st.mean - mean), `mean ${mean}`).toBeLessThan((5 * mean) / Math.sqrt(N));
      // The sd of an exponential sample sd is about mean * sqrt(2/N)... use a few of those.
      expect(Math.abs(st.sd - mean), `sd ${mean}`).toBeLessThan(5 * mean * Math.sqrt(2 / N));
    }
  });

  it('exponential is memoryless: P(X > a + b | X > a) = P(X > b)', () => {
    const s = new Stream(22, 'exp');
    const xs = draws(N, () => s.exponential(10));
    const over = (t: number) => xs.filter((x) => x > t).length;
    const pB = over(5) / N;
    const pCond = over(15) / over(10);
    expect(pB).toBeCloseTo(Math.exp(-0.5), 2);
    expect(Math.abs(pCond - pB)).toBeLessThan(0.01);
  });

  it('normal() has mean 0 and variance 1, and symmetric tails', () => {
    const s = new Stream(23, 'normal');
    const xs = draws(N, () => s.normal());
    const st = stats(xs);
    expect(Math.abs(st.mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(st.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    const beyond196 = xs.filter((x) => Math.abs(x) > 1.959964).length / N;
    expect(Math.abs(beyond196 - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / N));
    const positive = xs.filter((x) => x > 0).length / N;
    expect(Math.abs(positive - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('normal() pairs are uncorrelated (the cached spare is independent of the first)', () => {
    const s = new Stream(24, 'normal');
    let sxy = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sxy += s.normal() * s.normal();
    expect(Math.abs(sxy / n)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('rayleigh(scale) has mean scale * sqrt(pi / 2) and variance (4 - pi) / 2 * scale^2', () => {
    const s = new Stream(25, 'rayleigh');
    for (const scale of [1, 30]) {
      const xs = draws(N, () => s.rayleigh(scale));
      const st = stats(xs);
      const mean = scale * Math.sqrt(Math.PI / 2);
      const sd = scale * Math.sqrt((4 - Math.PI) / 2);
      expect(st.min).toBeGreaterThanOrEqual(0);
      expect(Math.abs(st.mean - mean), `scale ${scale}`).toBeLessThan((5 * sd) / Math.sqrt(N));
      expect(Math.abs(st.sd - sd) / sd, `scale ${scale}`).toBeLessThan(0.01);
    }
  });
});

describe('Stream.sample and meanOf', () => {
  it('fixed returns the value every time', () => {
    const s = new Stream(31, 'sample');
    for (let i = 0; i < 100; i++) expect(s.sample({ dist: 'fixed', value: 20 })).toBe(20);
    expect(s.sample({ dist: 'fixed', value: 0 })).toBe(0);
  });

  it('exponential samples match the requested mean and sd', () => {
    const s = new Stream(32, 'sample');
    const st = stats(draws(N, () => s.sample({ dist: 'exponential', mean: 20 })));
    expect(Math.abs(st.mean - 20)).toBeLessThan((5 * 20) / Math.sqrt(N));
    expect(Math.abs(st.sd - 20)).toBeLessThan(5 * 20 * Math.sqrt(2 / N));
  });

  it('uniform samples lie in [min, max) with the right mean and sd', () => {
    const s = new Stream(33, 'sample');
    const st = stats(draws(N, () => s.sample({ dist: 'uniform', min: 5, max: 25 })));
    const sd = 20 / Math.sqrt(12);
    expect(st.min).toBeGreaterThanOrEqual(5);
    expect(st.max).toBeLessThan(25);
    expect(Math.abs(st.mean - 15)).toBeLessThan((5 * sd) / Math.sqrt(N));
    expect(Math.abs(st.sd - sd) / sd).toBeLessThan(0.01);
  });

  it('lognormal samples match the requested mean and sd', () => {
    const cases = [
      { mean: 20, sd: 20 },
      { mean: 20, sd: 5 },
      { mean: 2, sd: 1 },
    ];
    for (const [i, c] of cases.entries()) {
      const s = new Stream(34 + i, 'sample');
      const d: Distribution = { dist: 'lognormal', ...c };
      const st = stats(draws(N, () => s.sample(d)));
      expect(st.min).toBeGreaterThan(0);
      // Standard error of the mean is sd/sqrt(N); the sample sd of a lognormal is noisier
      // (heavy tail: ~0.7% relative for sd = mean at N = 200k), so allow 4% there.
      expect(Math.abs(st.mean - c.mean), `mean of ${JSON.stringify(c)}`).toBeLessThan((5 * c.sd) / Math.sqrt(N));
      expect(Math.abs(st.sd - c.sd) / c.sd, `sd of ${JSON.stringify(c)}`).toBeLessThan(0.04);
    }
  });

  it('lognormal with sd 0 is the mean', () => {
    const s = new Stream(37, 'sample');
    expect(s.sample({ dist: 'lognormal', mean: 12, sd: 0 })).toBe(12);
  });

  it('lognormal is skewed: its median is below its mean', () => {
    const s = new Stream(38, 'sample');
    const d: Distribution = { dist: 'lognormal', mean: 20, sd: 20 };
    const xs = draws(N, () => s.sample(d)).sort((a, b) => a - b);
    // Median = mean / sqrt(1 + cv^2) = 20 / sqrt(2) for cv = 1.
    expect(xs[N / 2]!).toBeCloseTo(20 / Math.SQRT2, 0);
  });

  it('meanOf gives each distribution its mean', () => {
    expect(meanOf({ dist: 'fixed', value: 7 })).toBe(7);
    expect(meanOf({ dist: 'exponential', mean: 20 })).toBe(20);
    expect(meanOf({ dist: 'lognormal', mean: 20, sd: 20 })).toBe(20);
    expect(meanOf({ dist: 'uniform', min: 2, max: 10 })).toBe(6);
  });

  it('sample means agree with meanOf', () => {
    const dists: Distribution[] = [
      { dist: 'fixed', value: 3 },
      { dist: 'exponential', mean: 4 },
      { dist: 'lognormal', mean: 4, sd: 2 },
      { dist: 'uniform', min: 1, max: 7 },
    ];
    const s = new Stream(39, 'sample');
    for (const d of dists) {
      const m = stats(draws(100_000, () => s.sample(d))).mean;
      expect(Math.abs(m - meanOf(d)) / meanOf(d), d.dist).toBeLessThan(0.01);
    }
  });
});

describe('the fast ln and exp, and the tabled quantiles', () => {
  it("ln gives exactMath's ln bit for bit, from subnormals to the largest double", () => {
    const xs = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e300, Number.MAX_VALUE, 0, -1, Infinity, Number.NaN];
    for (let e = -1074; e <= 1023; e += 7) for (const m of [1, 1.1, 1.4142135623730951, 1.5, 1.999]) xs.push(m * 2 ** e);
    const s = new Stream(28, 'ln');
    for (let i = 0; i < 100_000; i++) xs.push(1 - s.uniform(), s.uniform() * 1000);
    for (const x of xs) expect(Object.is(ln(x), lnExact(x)), `x=${x}`).toBe(true);
  });

  it('exp agrees with Math.exp to a relative 1e-14 where the sim uses it, and with exactMath at the edges', () => {
    let worst = 0;
    for (let x = -60; x <= 60; x += 0.000731) worst = Math.max(worst, Math.abs(exp(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(1e-14);
    for (let x = -700; x <= 700; x += 0.37) expect(Math.abs(exp(x) / Math.exp(x) - 1), `x=${x}`).toBeLessThan(1e-13);
    for (const x of [-745, -701, -693.2, 693.9, 700, 701, 709.7, 710, Infinity, -Infinity]) expect(exp(x)).toBe(expExact(x));
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(0)).toBe(1);
  });

  it('normal() follows the standard normal curve: a Kolmogorov-Smirnov test on 400,000 draws', () => {
    const s = new Stream(26, 'normal');
    const n = 400_000;
    const zs = Float64Array.from({ length: n }, () => s.normal()).sort();
    // The normal CDF through erf (Abramowitz & Stegun 7.1.26, within 1.5e-7).
    const phi = (x: number) => {
      const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
      const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp((-x * x) / 2);
      return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    };
    let d = 0;
    for (let i = 0; i < n; i++) d = Math.max(d, Math.abs((i + 1) / n - phi(zs[i]!)), Math.abs(i / n - phi(zs[i]!)));
    // The 0.1% critical value of the KS statistic is 1.95 / sqrt(n).
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('normal() has the right spread, and tails beyond the table of the right weight and shape', () => {
    const s = new Stream(27, 'normal');
    const n = 4_000_000;
    const a = Z_TAIL;
    let squares = 0;
    let beyond = 0;
    let excess = 0;
    for (let i = 0; i < n; i++) {
      const z = s.normal();
      squares += z * z;
      if (Math.abs(z) > a) {
        beyond++;
        excess += Math.abs(z) - a;
      }
    }
    // Variance 1 (the sd of the sample variance is sqrt(2 / n)).
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|Z| > a) = 2 * 16/1024, and E[|Z| - a given |Z| > a] = density(a) / (1 - Phi(a)) - a, with
    // an sd below 0.4 (an exponential-like excess of mean under 0.4).
    const p = (2 * TAIL) / GRID;
    expect(Math.abs(beyond / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    const meanExcess = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI) / (p / 2) - a;
    expect(Math.abs(excess / beyond - meanExcess)).toBeLessThan((5 * 0.4) / Math.sqrt(beyond));
  });

  it("the tables hold the normal's and a lognormal's quantiles, and the cubic between grid points is within 1e-6 of them", () => {
    // An independent reference: Phi by the alternating Taylor series with Math.exp, inverted by bisection.
    const phi = (z: number) => {
      let term = z;
      let sum = z;
      for (let k = 1; k < 200; k++) {
        term *= (-z * z) / (2 * k);
        sum += term / (2 * k + 1);
      }
      return 0.5 + sum / Math.sqrt(2 * Math.PI);
    };
    const quantile = (u: number) => {
      let lo = -4;
      let hi = 4;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (phi(mid) < u) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    expect(Z_TAIL).toBeCloseTo(quantile(1 - TAIL / GRID), 12);
    const mu = 2;
    const sigma = 0.6;
    const logn = lognormalTable(mu, sigma, exp);
    for (let i = TAIL; i < GRID - TAIL; i += 7) {
      for (const f of [0, 0.25, 0.5, 0.9]) {
        const z = quantile((i + f) / GRID);
        expect(Math.abs(quantileAt(NORMAL_TABLE, i, f) - z), `normal at ${i}+${f}`).toBeLessThan(1e-6);
        const q = Math.exp(mu + sigma * z);
        expect(Math.abs(quantileAt(logn, i, f) / q - 1), `lognormal at ${i}+${f}`).toBeLessThan(1e-6);
      }
    }
    // The Rayleigh's square, from u = 0.
    for (let i = 0; i < GRID - TAIL; i += 3) {
      for (const f of [0, 0.3, 0.7]) {
        const v = -2 * Math.log(1 - (i + f) / GRID);
        expect(Math.abs(quantileAt(RAYLEIGH_TABLE, i, f) - v), `rayleigh at ${i}+${f}`).toBeLessThan(1e-6 * Math.max(v, 1e-3));
      }
    }
    expect(RAYLEIGH_TAIL).toBeCloseTo(2 * Math.log(GRID / TAIL), 12);
  });

  it('rayleigh draws have the right share beyond the table, and a tail of the right shape', () => {
    const s = new Stream(30, 'rayleigh');
    const n = 1_000_000;
    const edge = Math.sqrt(RAYLEIGH_TAIL);
    let beyond = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const r = s.rayleigh(1);
      if (r > edge) {
        beyond++;
        squares += r * r - RAYLEIGH_TAIL;
      }
    }
    const p = TAIL / GRID;
    expect(Math.abs(beyond / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    // Beyond the edge, the square's excess is exponential with mean 2 (sd 2).
    expect(Math.abs(squares / beyond - 2)).toBeLessThan((5 * 2) / Math.sqrt(beyond));
  });

  it('lognormal draws have the right share beyond the table at each end', () => {
    const s = new Stream(29, 'logn');
    const d: Distribution = { dist: 'lognormal', mean: 10, sd: 6 };
    const sampler = prepare(d);
    const low = sampler.table[2 * TAIL]!;
    const high = sampler.table[2 * (GRID - TAIL)]!;
    const n = 1_000_000;
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const x = s.draw(sampler);
      if (x < low) below++;
      else if (x > high) above++;
    }
    const p = TAIL / GRID;
    for (const share of [below / n, above / n]) expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });
});
