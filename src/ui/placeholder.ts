// The placeholder page: what the game is about, and a small form that runs the simulator for a year.
// DOM is built with createElement/textContent only: no HTML strings, so no data is ever parsed as markup.
import frontDeskJson from '../../levels/front-desk.json';
import housingBenefitJson from '../../levels/housing-benefit.json';
import { parseLevel } from '../levels/load';
import type { Level } from '../levels/schema';
import { simulate, type Action, type Regime, type Report } from '../sim';

export const LEVEL_IDS = ['front-desk', 'housing-benefit'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];
export const REGIMES = ['deliverology', 'systems'] as const satisfies readonly Regime[];

/** Longest run the test hook accepts: ten years keeps a browser tab responsive enough. */
export const MAX_DAYS = 3650;

const LEVEL_SOURCES: Record<LevelId, unknown> = {
  'front-desk': frontDeskJson,
  'housing-benefit': housingBenefitJson,
};

const LEVEL_LABELS: Record<LevelId, string> = {
  'front-desk': 'The front desk',
  'housing-benefit': 'Housing benefit',
};

const REGIME_LABELS: Record<Regime, string> = {
  deliverology: 'Deliverology (targets)',
  systems: 'Systems (redesigned flow)',
};

function isLevelId(id: unknown): id is LevelId {
  return typeof id === 'string' && (LEVEL_IDS as readonly string[]).includes(id);
}

function isRegime(r: unknown): r is Regime {
  return typeof r === 'string' && (REGIMES as readonly string[]).includes(r);
}

const levels = new Map<LevelId, Level>();

/** The validated level for an id; throws with the validator's messages if a bundled level is broken. */
export function loadLevel(id: string): Level {
  if (!isLevelId(id)) {
    throw new Error(`Unknown level id ${JSON.stringify(id)}: expected one of ${LEVEL_IDS.join(', ')}`);
  }
  const cached = levels.get(id);
  if (cached) return cached;
  const result = parseLevel(LEVEL_SOURCES[id]);
  if (!result.ok) throw new Error(`Level "${id}" is invalid:\n${result.errors.join('\n')}`);
  levels.set(id, result.level);
  return result.level;
}

/** What tests (and curious players with a console) can call: the pure simulation, by level id. */
export interface ItsTheSystemApi {
  simulate(levelId: string, seed: number, regime: string, days: number, actions?: readonly Action[]): Report;
}

declare global {
  interface Window {
    itsTheSystem: ItsTheSystemApi;
  }
}

/** Checks the arguments as the page would get them from outside (untyped), then runs the sim. */
export function runByLevelId(
  levelId: string,
  seed: number,
  regime: string,
  days: number,
  actions: readonly Action[] = [],
): Report {
  const level = loadLevel(levelId);
  if (!Number.isSafeInteger(seed)) throw new Error(`Seed must be a whole number, got ${String(seed)}`);
  if (!isRegime(regime)) {
    throw new Error(`Unknown regime ${JSON.stringify(regime)}: expected one of ${REGIMES.join(', ')}`);
  }
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > MAX_DAYS) {
    throw new Error(`Days must be a number above 0 and at most ${MAX_DAYS}, got ${String(days)}`);
  }
  if (!Array.isArray(actions)) throw new Error('Actions must be an array');
  actions.forEach((a: unknown, i) => {
    if (typeof a !== 'object' || a === null || typeof (a as { at?: unknown }).at !== 'number') {
      throw new Error(`Action ${i} must be an object with a numeric "at" (sim minutes)`);
    }
  });
  return simulate(level, seed, regime, days, actions);
}

export function installTestHook(): void {
  window.itsTheSystem = { simulate: runByLevelId };
}

// ---- Formatting -------------------------------------------------------------------------------

const dayFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const countFormat = new Intl.NumberFormat('en-GB');

const NOT_AVAILABLE = 'n/a';

/** Days to one decimal; under a day (the front desk), whole minutes, so short waits do not show as 0.0. */
function days(x: number | null): string {
  if (x === null) return NOT_AVAILABLE;
  if (x < 1) {
    const minutes = Math.round(x * 24 * 60);
    return `${countFormat.format(minutes)} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${dayFormat.format(x)} days`;
}

function percent(x: number | null): string {
  return x === null ? NOT_AVAILABLE : percentFormat.format(x);
}

function money(x: number | null): string {
  return x === null ? NOT_AVAILABLE : moneyFormat.format(x);
}

interface Figure {
  label: string;
  value: string;
  note: string;
}

export function figuresOf(report: Report): Figure[] {
  return [
    {
      label: 'Reported average time',
      value: days(report.reportedDays.mean),
      note: 'What the official dashboard says',
    },
    {
      label: 'True end-to-end time',
      value: days(report.endToEndDays.mean),
      note: 'First contact to need met, as the citizen lives it',
    },
    {
      label: 'Failure demand',
      value: percent(report.failureDemandShare),
      note: 'Share of contacts caused by a failure to do something right',
    },
    {
      label: 'Sorted in one contact',
      value: percent(report.oneStopShare),
      note: 'Needs met with a single call or visit',
    },
    {
      label: 'Cost per need met',
      value: money(report.cost.perNeedMet),
      note: 'Staff, post, outsourcing and IT, divided by needs met',
    },
    {
      label: 'Needs met',
      value: `${countFormat.format(report.needs.met)} of ${countFormat.format(report.needs.arrived)}`,
      note: 'Needs met out of needs that arrived in the run',
    },
  ];
}

// ---- DOM --------------------------------------------------------------------------------------

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function select(id: string, options: readonly (readonly [value: string, label: string])[], selected: string) {
  const s = el('select', { id, name: id });
  for (const [value, label] of options) {
    const o = el('option', { value }, label);
    o.selected = value === selected;
    s.append(o);
  }
  return s;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const wrap = el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
  if (hint) {
    const hintId = `${control.id}-hint`;
    wrap.append(el('p', { class: 'hint', id: hintId }, hint));
    control.setAttribute('aria-describedby', hintId);
  }
  return wrap;
}

function resultsTable(report: Report): HTMLTableElement {
  const level = isLevelId(report.level) ? LEVEL_LABELS[report.level] : report.level;
  const caption = `${level}, ${REGIME_LABELS[report.regime]}, seed ${report.seed}: ${countFormat.format(report.days)} days`;
  const body = el('tbody');
  for (const f of figuresOf(report)) {
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, el('span', { class: 'figure-label' }, f.label), el('span', { class: 'figure-note' }, f.note)),
        el('td', {}, f.value),
      ),
    );
  }
  return el(
    'table',
    { class: 'results-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Measure'), el('th', { scope: 'col' }, 'Result'))),
    body,
  );
}

/** Builds the placeholder page inside root. */
export function mountPlaceholder(root: HTMLElement): void {
  const levelSelect = select(
    'level',
    LEVEL_IDS.map((id) => [id, LEVEL_LABELS[id]] as const),
    'housing-benefit',
  );
  const regimeSelect = select(
    'regime',
    REGIMES.map((r) => [r, REGIME_LABELS[r]] as const),
    'deliverology',
  );
  const seedInput = el('input', { id: 'seed', name: 'seed', type: 'number', min: '0', step: '1', value: '1', inputmode: 'numeric', required: '' });
  const runButton = el('button', { type: 'submit', class: 'run' }, 'Run one year');
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = el('div', { class: 'results', id: 'results' });

  const form = el(
    'form',
    { class: 'simulator', 'aria-labelledby': 'try-heading', novalidate: '' },
    el('div', { class: 'fields' },
      field('Level', levelSelect),
      field('Regime', regimeSelect),
      field('Seed', seedInput, 'Same seed, same run.'),
    ),
    runButton,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const seed = Number(seedInput.value);
    if (seedInput.value.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) {
      status.textContent = 'Please enter a whole number of 0 or more for the seed.';
      seedInput.setAttribute('aria-invalid', 'true');
      seedInput.focus();
      return;
    }
    seedInput.removeAttribute('aria-invalid');
    runButton.disabled = true;
    status.textContent = 'Running…';
    // Let the browser paint "Running…" before the (synchronous) simulation takes the thread.
    window.setTimeout(() => {
      try {
        const level = loadLevel(levelSelect.value);
        const report = runByLevelId(level.id, seed, regimeSelect.value, level.days);
        results.replaceChildren(resultsTable(report));
        status.textContent = `Done: simulated ${countFormat.format(report.days)} days.`;
      } catch (e) {
        results.replaceChildren();
        status.textContent = `The simulation failed: ${(e as Error).message}`;
        console.error(e);
      } finally {
        runButton.disabled = false;
      }
    }, 30);
  });

  root.replaceChildren(
    el(
      'header',
      { class: 'masthead' },
      el('h1', {}, 'It\u2019s the System'),
      el('p', { class: 'tagline' }, 'A game about systems thinking in public services.'),
    ),
    el(
      'section',
      { class: 'about', 'aria-labelledby': 'about-heading' },
      el('h2', { id: 'about-heading', class: 'visually-hidden' }, 'About the game'),
      el(
        'p',
        {},
        'You run a UK council\u2019s housing-benefit service. First you manage it the way the centre ' +
          'wants: hit the targets, watch the dashboard, pass the inspection. Then you study the work ' +
          'from the citizen\u2019s side and redesign the flow so experts sort people out at the first ' +
          'contact. The numbers on the dashboard and the days people actually wait turn out to be two ' +
          'very different stories. The game itself is coming soon; for now you can try the simulator ' +
          'that will drive it.',
      ),
    ),
    el(
      'section',
      { class: 'try', 'aria-labelledby': 'try-heading' },
      el('h2', { id: 'try-heading' }, 'Try the simulator'),
      el(
        'p',
        { class: 'hint' },
        'Runs the chosen level for its full length (a year for housing benefit, a month for the front desk).',
      ),
      form,
      status,
      results,
    ),
    el('footer', { class: 'footer' }, el('p', {}, 'A placeholder page. The game is on its way.')),
  );
}
