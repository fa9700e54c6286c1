// The glossary and the evidence cards (src/content/glossary.ts, src/content/evidence.ts).
//
// The rule for glossary links: every termLink('id') in src names a term; every term says where the
// game uses it (`seenIn`) and is linked, from a screen or from a linked term or evidence card
// inside the glossary; and a screen that has started to link terms links every term it shows (so
// `seenIn` stays honest, and adding one link to a screen asks for the rest). Every evidence card
// names its sources with author, title, year and section.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_LENGTH, XMR_LIMIT } from '../../src/analysis/xmr';
import { EVIDENCE, EVIDENCE_IDS, WORKS, cited, formatFigure, formatQuantity, type EvidenceId } from '../../src/content/evidence';
import { GLOSSARY, MODEL, PLACES, TERM_IDS, TERMS, type Place, type TermId } from '../../src/content/glossary';
import { level, tsFiles } from './helpers';

const root = join(__dirname, '../..');
const srcDir = join(root, 'src');

/** Source without comments, so a comment naming termLink('x') does not count. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

const files = tsFiles(srcDir).map((p) => ({ path: relative(root, p).replaceAll('\\', '/'), text: code(p) }));
/** The module that defines termLink renders links from the glossary's own data (typed TermIds). */
const DEFINES = 'src/ui/glossary.ts';

interface Call {
  file: string;
  id: string | null;
}
const calls: Call[] = files.flatMap((f) =>
  [...f.text.matchAll(/(?<![\w.])termLink\(\s*([^,)]*)/g)]
    .filter((m) => !/function\s+$/.test(f.text.slice(0, m.index)))
    .map((m) => {
      const literal = /^(['"])([^'"]+)\1$/.exec(m[1]!.trim());
      return { file: f.path, id: literal ? literal[2]! : null };
    }),
);
const screenCalls = calls.filter((c) => c.file !== DEFINES);

/** Where each place of `seenIn` is drawn. */
const PLACE_FILES: Record<Exclude<Place, 'glossary'>, readonly string[]> = {
  title: ['src/ui/screens/title.ts'],
  briefing: ['src/ui/screens/briefing.ts'],
  office: ['src/ui/screens/office.ts'],
  study: ['src/ui/screens/studyDialog.ts'],
  redesign: ['src/ui/screens/redesignDialog.ts'],
  inspection: ['src/ui/screens/inspectionCard.ts'],
  debrief: ['src/ui/screens/debrief.ts', 'src/ui/debriefFigures.ts', 'src/ui/xmrChart.ts', 'src/ui/xmrText.ts'],
};

describe('glossary links', () => {
  it('finds the links on the title screen and the briefing', () => {
    expect(screenCalls.filter((c) => c.file === 'src/ui/screens/title.ts').length).toBeGreaterThanOrEqual(3);
    expect(screenCalls.filter((c) => c.file === 'src/ui/screens/briefing.ts').length).toBeGreaterThanOrEqual(4);
  });

  it('every termLink outside the glossary module names its term literally, and the term exists', () => {
    for (const c of screenCalls) {
      expect(c.id, `${c.file}: termLink with a computed id (write the id, so this test can check it)`).not.toBeNull();
      expect(TERM_IDS as readonly string[], `${c.file}: termLink('${c.id}')`).toContain(c.id);
    }
  });

  it('every term says where the game uses it, from the known places, each place a real file', () => {
    for (const t of TERMS) {
      expect(t.seenIn.length, t.id).toBeGreaterThan(0);
      for (const p of t.seenIn) expect(PLACES, `${t.id}: ${p}`).toContain(p);
    }
    for (const paths of Object.values(PLACE_FILES))
      for (const p of paths)
        expect(
          files.map((f) => f.path),
          p,
        ).toContain(p);
  });

  it('every term is linked: from a screen, or from a linked term or evidence card within the glossary', () => {
    const linked = new Set<TermId>(screenCalls.map((c) => c.id as TermId));
    // The debrief shows every evidence card (ui/sources.ts), each linking its words.
    const sources = files.find((f) => f.path === 'src/ui/sources.ts')!.text;
    expect(sources).toMatch(/EVIDENCE_IDS\.map\(\(id\) => evidenceCard\(/);
    for (const id of EVIDENCE_IDS) for (const t of EVIDENCE[id].terms) linked.add(t);
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of [...linked])
        for (const r of GLOSSARY[id].related)
          if (!linked.has(r)) {
            linked.add(r);
            grew = true;
          }
    }
    const unlinked = TERM_IDS.filter((id) => !linked.has(id));
    expect(unlinked).toEqual([]);
  });

  it('a screen that links terms links every term it shows, and only those', () => {
    for (const [place, paths] of Object.entries(PLACE_FILES) as [Place, readonly string[]][]) {
      const here = screenCalls.filter((c) => paths.includes(c.file)).map((c) => c.id as TermId);
      if (here.length === 0) continue; // not linked yet: listed in seenIn for whoever links it
      const shown = TERMS.filter((t) => t.seenIn.includes(place)).map((t) => t.id);
      for (const id of shown) expect(here, `${place} shows "${id}" but does not link it`).toContain(id);
      for (const id of here) expect(shown, `${place} links "${id}", whose seenIn does not list ${place}`).toContain(id);
    }
  });

  it('every screen has adopted links', () => {
    // Guards the rule above: it only bites on screens that link terms.
    for (const place of Object.keys(PLACE_FILES) as (keyof typeof PLACE_FILES)[]) {
      expect(
        screenCalls.some((c) => PLACE_FILES[place].includes(c.file)),
        place,
      ).toBe(true);
    }
  });
});

describe('glossary terms', () => {
  it('lists every id once, in TERM_IDS order, with unique names', () => {
    expect(new Set(TERM_IDS).size).toBe(TERM_IDS.length);
    expect(Object.keys(GLOSSARY).sort()).toEqual([...TERM_IDS].sort());
    expect(TERMS.map((t) => t.id)).toEqual([...TERM_IDS]);
    expect(new Set(TERMS.map((t) => t.name.toLowerCase())).size).toBe(TERMS.length);
  });

  it('has the terms the game needs', () => {
    for (const id of [
      'deliverology',
      'targets',
      'failure-demand',
      'value-demand',
      'nil-qualify',
      'end-to-end',
      'one-stop',
      'process-behaviour-chart',
      'natural-limits',
      'co-production',
      'harmed',
    ] as const) {
      expect(TERM_IDS, id).toContain(id);
    }
    expect(GLOSSARY.targets.definition.join(' ')).toMatch(/Goodhart/);
  });

  it('defines each term shortly, in plain text', () => {
    for (const t of TERMS) {
      const text = t.definition.join(' ');
      expect(text.length, t.id).toBeGreaterThan(40);
      expect(text.length, `${t.id}: keep it short`).toBeLessThan(600);
      for (const s of [t.name, ...t.definition, t.inGame ?? '']) expect(s, t.id).not.toMatch(/[<>]/);
    }
  });

  it('cross-links only to terms and cards that exist, never to itself', () => {
    for (const t of TERMS) {
      for (const r of t.related) {
        expect(TERM_IDS, `${t.id} -> ${r}`).toContain(r);
        expect(r, t.id).not.toBe(t.id);
      }
      for (const e of t.evidence) expect(EVIDENCE_IDS, `${t.id} -> ${e}`).toContain(e);
      for (const c of t.sources ?? []) expect(Object.keys(WORKS), t.id).toContain(c.work);
    }
  });

  it("states the model's own figures as the game has them", () => {
    const hb = level('housing-benefit');
    expect(MODEL.harmAfterDays).toBe(hb.demand.harmAfterDays);
    expect(MODEL.dip).toBe(hb.transition.dip);
    expect(MODEL.recoverDays).toBe(hb.transition.recoverDays);
    const weeks = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(hb.demand.harmAfterDays! / 7);
    expect(GLOSSARY.harmed.definition[0]).toContain(`${weeks} weeks`);
    expect(GLOSSARY.harmed.definition[0]).toContain(`${hb.demand.harmAfterDays} days`);
    expect(GLOSSARY['learning-dip'].inGame).toContain(`${Math.round(hb.transition.dip * 100)}%`);
    const limits = GLOSSARY['natural-limits'].definition.join(' ');
    expect(limits).toContain(XMR_LIMIT.toFixed(2));
    expect(limits).toMatch(RUN_LENGTH === 8 ? /\beight\b/ : new RegExp(`\\b${RUN_LENGTH}\\b`));
    expect(limits).toMatch(/mean/);
  });
});

describe('evidence cards', () => {
  it('has one card per id', () => {
    expect(new Set(EVIDENCE_IDS).size).toBe(EVIDENCE_IDS.length);
    expect(Object.keys(EVIDENCE).sort()).toEqual([...EVIDENCE_IDS].sort());
  });

  it('every card names its sources with author, title, year and section', () => {
    for (const id of EVIDENCE_IDS) {
      const card = EVIDENCE[id];
      expect(card.sources.length, id).toBeGreaterThan(0);
      for (const c of card.sources) {
        const w = cited(c);
        expect(w.author.trim(), id).not.toBe('');
        expect(w.title.trim(), id).not.toBe('');
        expect(Number.isInteger(w.year) && w.year >= 1900 && w.year <= 2100, `${id}: year ${w.year}`).toBe(true);
        expect(w.section.trim().length, `${id}: section`).toBeGreaterThan(3);
      }
    }
  });

  it('every card says what was found and where the game uses it, in plain text, with words that exist', () => {
    for (const id of EVIDENCE_IDS) {
      const card = EVIDENCE[id];
      expect(card.headline.trim(), id).not.toBe('');
      expect(card.finding.length, id).toBeGreaterThan(0);
      expect(card.inGame.trim(), id).not.toBe('');
      for (const s of [card.headline, ...card.finding, card.inGame]) expect(s, id).not.toMatch(/[<>]/);
      for (const t of card.terms) expect(TERM_IDS, `${id} -> ${t}`).toContain(t);
    }
  });

  it('has the figures the game states from the sources, each in its card', () => {
    const shown = (id: EvidenceId) => EVIDENCE[id].figures.map(formatFigure);
    expect(shown('reported-vs-lived')).toEqual(['28 days', '98 days']);
    expect(shown('nil-qualified-share')).toEqual(['about 40%']);
    expect(shown('fifty-two-days')).toEqual(['52 days', 'up to 152 days']);
    expect(shown('failure-demand-share')).toEqual(['up to 78%']);
    expect(shown('one-stop-share')).toEqual(['only 3%']);
    expect(shown('a-week-not-56-days')).toEqual(['56 days to about 1 week']);
    expect(shown('portsmouth-repairs')).toEqual(['60 days to 7 days', '45% to 99%', 'more than 50%']);
    expect(EVIDENCE_IDS.filter((id) => EVIDENCE[id].critique)).toEqual(['critics']);
    expect(EVIDENCE.critics.finding.join(' ')).toMatch(/case stud/);
    expect(EVIDENCE.critics.finding.join(' ')).toMatch(/waiting/);
    expect(EVIDENCE.critics.finding.join(' ')).toMatch(/scale/);
  });

  it("every figure is one the card's own words state", () => {
    // The number as prose writes it: 28, 78%, 3 in 100; a half; a week.
    const spelled = (q: { value: number; unit: string }): RegExp[] => {
      if (q.unit === 'percent') {
        const n = Math.round(q.value * 100);
        return [new RegExp(`\\b${n}(%| per cent| in 100)`), ...(n === 50 ? [/\bhalf\b/] : [])];
      }
      if (q.unit === 'week' && q.value === 1) return [/\ba week\b/];
      if (q.unit === 'count' && q.value === 10) return [/\b(10|ten|tenth)\b/];
      return [new RegExp(`\\b${q.value}\\b`)];
    };
    for (const id of EVIDENCE_IDS) {
      const text = [EVIDENCE[id].headline, ...EVIDENCE[id].finding].join(' ');
      for (const f of EVIDENCE[id].figures) {
        for (const q of f.was ? [f.value, f.was] : [f.value]) {
          expect(Number.isFinite(q.value) && q.value > 0, `${id}: ${formatQuantity(q)}`).toBe(true);
          if (q.unit === 'percent') expect(q.value, id).toBeLessThanOrEqual(1);
          expect(
            spelled(q).some((re) => re.test(text)),
            `${id}: "${formatQuantity(q)}" is not in its words`,
          ).toBe(true);
        }
      }
    }
  });
});
