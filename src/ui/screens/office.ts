// The office screen: the Phaser view of the office, the manager's dashboard above it, and the
// controls beside it (time, staff, rules). Everything here reads the store; every button sends
// an intent to the controller.
import type { Controller } from '../../game/controller';
import { DESIGN_LEVERS, choiceIndex, leversFor, MAX_STAFF, openHoursPerWeek, type DesignLever } from '../../game/levers';
import { loadLevel } from '../../game/levels';
import { SPEEDS } from '../../game/speeds';
import type { GameState, GameStore } from '../../game/store';
import type { LiveFlow } from '../../services/housing-benefit';
import { WALKTHROUGH } from '../../game/walkthrough';
import type { ContactReason, DesignKey } from '../../services/housing-benefit';
import { officeInWords } from '../../office/officeWords';
import { h, setText } from '../dom';
import { officialDashboard } from '../officialDashboard';
import { catalogue } from '../../services/housing-benefit/catalogue';
import { clock, count, duration, money, percent, ratio, stars } from '../format';
import { COACH, COACH_WORDS } from '../../content/coach';
import { MEASURE_NAMES, OFFICE_WORDS as W } from '../../content/office';
import { WALKTHROUGH_WORDS } from '../../content/walkthrough';
import { termLink } from '../glossary';
import { inspectionDialog } from './inspectionCard';
import { offerDialog } from './offerCard';
import { redesignDialog, type RedesignView } from './redesignDialog';
import { studyDialog } from './studyDialog';
import { xmrFigure } from '../xmrChart';
import { isLearnt, REDESIGN_LEVERS } from '../../game/redesign';
import { storyCard, type StoryCardView } from './storyCard';

export interface ScreenView {
  el: HTMLElement;
  update(state: GameState): void;
  destroy(): void;
}

export function officeScreen(store: GameStore, ctl: Controller): ScreenView {
  const state = store.getState();
  const level = loadLevel(state.levelId);
  const targets = level.inspection?.targets ?? null;

  // ---- dashboard (HUD)
  const clockEl = h('span', { className: 'clock' });
  const openEl = h('span', { className: 'open-state' });
  const costEl = h('span', { className: 'cost' });
  // The official dashboard is the catalogue's; a level with no inspection has none to show.
  const dashboard = officialDashboard<keyof typeof MEASURE_NAMES>(targets ? catalogue.official : [], MEASURE_NAMES, W.official);
  const dash = dashboard.el;
  const liveEl = h('span', { className: 'live', hidden: true });
  const starsEl = h('span', { className: 'stars' }, level.inspection ? W.noInspection : '');
  const waitingEl = h('ul', { className: 'dashboard', 'aria-label': W.waitingNow });
  const visitorsEl = h('li', {});
  const phonesEl = h('li', {});
  const openNeedsEl = h('li', {});
  waitingEl.append(visitorsEl, phonesEl, openNeedsEl);

  const hud = h(
    'header',
    { className: 'hud', role: 'region', 'aria-label': W.dashboard },
    h('div', { className: 'hud-time' }, clockEl, openEl),
    dash,
    liveEl,
    waitingEl,
    h('div', { className: 'hud-side' }, starsEl, costEl),
  );

  // ---- time controls
  const playBtn = h('button', { type: 'button', className: 'primary', 'aria-keyshortcuts': 'Space P', onclick: () => ctl.togglePause() }, W.play);
  const speedBtns = SPEEDS.map((s, i) =>
    h('button', { type: 'button', 'aria-pressed': 'false', 'aria-keyshortcuts': s.key, onclick: () => ctl.setSpeed(i) }, s.label),
  );
  const nextBtn = h(
    'button',
    { type: 'button', 'aria-keyshortcuts': 'N', onclick: () => ctl.skipToNextStop() },
    level.inspection ? W.nextInspection : W.skipToEnd,
  );
  const finishBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'F', onclick: () => ctl.finishRun() }, W.finish);
  const muteBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'M', 'aria-pressed': 'false', onclick: () => ctl.toggleMute() }, W.sound);
  const time = h(
    'section',
    { className: 'panel-part', 'aria-labelledby': 'time-h' },
    h('h2', { id: 'time-h' }, W.time),
    h('div', { className: 'row' }, playBtn, nextBtn, finishBtn),
    h('div', { className: 'row speeds', role: 'group', 'aria-label': W.speed }, ...speedBtns),
    h('div', { className: 'row' }, muteBtn),
    h('p', { className: 'hint' }, W.keys),
  );

  // ---- staffing
  const hours = openHoursPerWeek(level);
  const staffRows = new Map<string, { count: HTMLElement; minus: HTMLButtonElement; plus: HTMLButtonElement; row: HTMLElement; rate: HTMLElement }>();
  const staffList = h('ul', { className: 'staff' });
  for (const [id, role] of Object.entries(level.roles)) {
    const countEl = h('span', { className: 'count' }, count(0));
    const minus = h(
      'button',
      { type: 'button', className: 'step', 'aria-label': W.oneFewer(role.label), onclick: () => ctl.setStaff(id, currentStaff(id) - 1) },
      '−',
    );
    const plus = h(
      'button',
      { type: 'button', className: 'step', 'aria-label': W.oneMore(role.label), onclick: () => ctl.setStaff(id, currentStaff(id) + 1) },
      '+',
    );
    const rate = h('span', { className: 'rate' }, W.perWeekEach(money(role.costPerHour * hours)));
    const row = h('li', {}, h('span', { className: 'role' }, role.label), h('span', { className: 'stepper' }, minus, countEl, plus), rate);
    staffList.appendChild(row);
    staffRows.set(id, { count: countEl, minus, plus, row, rate });
  }
  function currentStaff(id: string): number {
    return store.getState().snapshot?.books[id] ?? 0;
  }
  const staffing = h('section', { className: 'panel-part', 'aria-labelledby': 'staff-h' }, h('h2', { id: 'staff-h' }, W.staff), staffList);

  // ---- rules (levers)
  const rules = h('section', { className: 'panel-part', 'aria-labelledby': 'rules-h' }, h('h2', { id: 'rules-h' }, W.rules));
  // The rules' words, in the glossary: where the level has targets to turn green.
  const rulesTerms = level.inspection
    ? h('p', { className: 'hint terms' }, ...W.rulesTerms(termLink('targets', W.targetsTerm), termLink('nil-qualify', W.nilQualifyTerm)))
    : null;
  let leverKey = '';
  const leverSelects = new Map<DesignKey, HTMLSelectElement>();
  function buildLevers(s: GameState) {
    const regime = s.snapshot?.regime ?? s.regime;
    const levers = leversFor(level, regime);
    const key = `${regime}:${levers.map((l) => l.key).join(',')}`;
    if (key === leverKey) return;
    leverKey = key;
    leverSelects.clear();
    rules.replaceChildren(h('h2', { id: 'rules-h' }, W.rules));
    if (levers.length === 0) rules.appendChild(h('p', { className: 'hint' }, W.noRules));
    else if (rulesTerms) rules.appendChild(rulesTerms);
    for (const lever of levers) {
      const id = `lever-${lever.key}`;
      const select = h('select', { id, 'aria-describedby': `${id}-why` });
      lever.choices.forEach((c, i) => select.appendChild(h('option', { value: i }, c.label)));
      select.addEventListener('change', () => ctl.setDesign(lever.key, Number(select.value)));
      leverSelects.set(lever.key, select);
      rules.appendChild(
        h('div', { className: 'lever' }, h('label', { for: id }, lever.label), select, h('p', { className: 'why', id: `${id}-why` }, lever.consequence)),
      );
    }
  }

  // ---- study and redesign
  const studyBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'D', onclick: () => ctl.startStudy() }, W.studyDemand);
  const learntEl = h('p', { className: 'hint' }, W.studyHint);
  const studyTerms = h('p', { className: 'hint terms' }, ...W.studyTerms(termLink('failure-demand', W.failureDemandTerm)));
  const redesignList = h('div', { className: 'redesign' });
  const adoptBtn = h('button', { type: 'button', onclick: () => ctl.adoptRedesign() }, W.adopt);
  const measureTerms = h(
    'p',
    { className: 'hint terms' },
    ...W.measureTerms(termLink('end-to-end', W.endToEndTerm), termLink('process-behaviour-chart', W.chartTerm), termLink('natural-limits', W.limitsTerm)),
  );
  // A pilot: part of the new demand to a small team working the redesigned way, compared live.
  const pilotSelects = new Map<DesignKey, HTMLSelectElement>();
  const pilotParts: HTMLElement[] = [];
  for (const key of ['pilotShare', 'pilotTeam'] as const) {
    const lever = DESIGN_LEVERS[key] as DesignLever;
    const id = `pilot-${key}`;
    const select = h('select', { id, 'aria-describedby': `${id}-why` });
    lever.choices.forEach((c, i) => select.appendChild(h('option', { value: i }, c.label)));
    select.addEventListener('change', () => ctl.setDesign(key, Number(select.value)));
    pilotSelects.set(key, select);
    pilotParts.push(
      h('div', { className: 'lever' }, h('label', { for: id }, lever.label), select, h('p', { className: 'why', id: `${id}-why` }, lever.consequence)),
    );
  }
  const pilotLive = h('table', { className: 'data pilot-live', hidden: true });
  const pilot = h(
    'div',
    { className: 'pilot', role: 'group', 'aria-label': W.pilot },
    h('h3', {}, W.pilot),
    h('p', { className: 'hint terms' }, ...W.pilotTerms(termLink('pilot', W.pilotTerm), termLink('learning-dip', W.dipTerm))),
    ...pilotParts,
    pilotLive,
  );
  const study = h(
    'section',
    { className: 'panel-part', 'aria-labelledby': 'study-h2' },
    h('h2', { id: 'study-h2' }, level.inspection ? W.studyAndRedesign : W.study),
    h('div', { className: 'row' }, studyBtn),
    learntEl,
    studyTerms,
    redesignList,
    level.inspection ? pilot : null,
    h('div', { className: 'row' }, adoptBtn),
    level.inspection ? measureTerms : null,
  );
  let redesignKey = '';
  const redesignSelects = new Map<DesignKey, HTMLSelectElement>();
  function buildRedesign(s: GameState) {
    const regime = s.snapshot?.regime ?? s.regime;
    const offered = new Set(level.regimes[regime].levers);
    const levers = level.inspection ? REDESIGN_LEVERS.filter((l) => !offered.has(l.key)) : [];
    const key = `${regime}:${levers.map((l) => `${l.key}${isLearnt(l, s.learnt) ? '+' : ''}`).join(',')}`;
    if (key === redesignKey) return;
    redesignKey = key;
    redesignSelects.clear();
    redesignList.replaceChildren();
    for (const l of levers) {
      const lever = DESIGN_LEVERS[l.key] as DesignLever;
      const id = `redesign-${l.key}`;
      const learnt = isLearnt(l, s.learnt);
      const select = h('select', { id, 'aria-describedby': `${id}-why` });
      lever.choices.forEach((c, i) => select.appendChild(h('option', { value: i }, c.label)));
      select.addEventListener('change', () => ctl.setDesign(l.key, Number(select.value)));
      redesignSelects.set(l.key, select);
      redesignList.appendChild(
        h(
          'div',
          { className: 'lever' },
          h('label', { for: id }, lever.label, ' ', h('span', { className: learnt ? 'badge-learnt' : 'badge-blind' }, learnt ? W.learnt : W.blind)),
          select,
          h('p', { className: 'why', id: `${id}-why` }, learnt ? l.insight : lever.consequence),
        ),
      );
    }
  }

  const panel = h('aside', { className: 'panel', 'aria-label': W.controls }, time, staffing, rules, study);

  // ---- stage, cards, coach
  const stage = h('div', { className: 'stage', role: 'img', 'aria-label': W.stage(level.title) });
  // The picture in words, for screen readers: a list that is kept up to date (at most once a sim
  // hour while time runs) but never announced; read it when you like.
  const officeList = h('ul', { 'aria-live': 'off' });
  const officeWords = h(
    'section',
    { className: 'visually-hidden', 'aria-labelledby': 'office-words-h' },
    h('h2', { id: 'office-words-h' }, W.inWords),
    officeList,
  );
  let officeWordsHour = -1;
  const storySlot = h('div', { className: 'story-slot', hidden: true });
  // After a redesign, the process behaviour chart takes the place of the targets.
  const liveChart = h('div', { className: 'live-chart' });
  let shownLive: unknown = null;
  const coach = h('div', { className: 'coach', role: 'region', 'aria-label': W.walkthrough, 'aria-live': 'polite' });
  const status = h('p', { className: 'status', role: 'status' });
  const dialogSlot = h('div', {});
  const offerSlot = h('div', {});
  const studySlot = h('div', {});
  const el = h(
    'section',
    { className: 'screen office', 'aria-label': W.screen(level.title) },
    h('h1', { className: 'visually-hidden' }, W.screen(level.title)),
    hud,
    coach,
    // The story card sits beside the stage, under the controls (below the stage on a narrow
    // screen), never over the office.
    h(
      'div',
      { className: 'office-main' },
      h('div', { className: 'office-left' }, h('div', { className: 'stage-wrap' }, stage, officeWords), liveChart),
      h('div', { className: 'office-side' }, panel, storySlot),
    ),
    status,
    dialogSlot,
    offerSlot,
    studySlot,
  );

  let destroyed = false;
  let office: { destroy(): void } | null = null;
  import('../../office/mountOffice')
    .then(({ mountOffice }) => mountOffice(stage, { level, current: () => store.getState().snapshot, colourFailure: () => store.getState().seesFailure }))
    .then((o) => {
      if (destroyed) o.destroy();
      else office = o;
    })
    .catch((e: unknown) => {
      stage.replaceChildren(h('p', { className: 'error' }, W.viewFailed((e as Error).message)));
    });

  let shownInspection: unknown = null;
  let shownOffer: unknown = null;
  let redesignView: RedesignView | null = null;
  let shownStudy: unknown = null;
  let studyView: ReturnType<typeof studyDialog> | null = null;
  let shownStory: unknown = null;
  let shownStoryColour = false;
  let storyView: StoryCardView | null = null;

  function update(s: GameState) {
    const snap = s.snapshot;
    buildLevers(s);
    buildRedesign(s);
    const heard = Object.values(s.learnt).reduce((a, b) => a + (b ?? 0), 0);
    if (heard > 0) {
      const top = Object.entries(s.learnt)
        .filter(([r]) => r !== 'new-claim' && r !== 'send-evidence')
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
      setText(learntEl, W.heard(heard, top ? (top[0] as ContactReason) : null));
    }
    // A manager who has redesigned the work measures it end to end instead of against targets.
    const systems = !!snap?.redesigned && !!level.inspection;
    adoptBtn.hidden = systems || !level.inspection;
    dash.hidden = systems;
    liveEl.hidden = !systems;
    const liveKey = systems ? s.live : null;
    if (liveKey !== shownLive) {
      shownLive = liveKey;
      liveChart.replaceChildren(systems && s.live?.xmr ? xmrFigure(s.live.weeks, s.live.xmr, true) : '');
    }
    if (systems) {
      const x = s.live?.xmr;
      const v = x?.verdict;
      const range = v?.predictable ? W.expected(ratio(Math.max(0, v.from)), ratio(v.to)) : W.notPredictable;
      setText(liveEl, x ? W.endToEnd(ratio(x.centre), x.phases.length > 1, range) : W.measuring);
    }
    const flows = s.live?.flows ?? null;
    const open = snap?.flows ?? null;
    pilotLive.hidden = flows === null || open === null;
    if (flows && open) {
      const cell = (f: LiveFlow, now: { open: number }) => [duration(f.meanDays, 'days'), count(f.metLately), count(now.open)];
      const key = JSON.stringify([flows, open]);
      if (pilotLive.dataset.key !== key) {
        pilotLive.dataset.key = key;
        const [m, p] = [cell(flows.main, open.main), cell(flows.pilot, open.pilot)];
        pilotLive.replaceChildren(
          h('caption', {}, W.sideBySide),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, W.usual), h('th', { scope: 'col' }, W.pilotColumn))),
          h(
            'tbody',
            {},
            h('tr', {}, h('th', { scope: 'row' }, W.daysToHelp), h('td', {}, m[0]!), h('td', {}, p[0]!)),
            h('tr', {}, h('th', { scope: 'row' }, W.helped), h('td', {}, m[1]!), h('td', {}, p[1]!)),
            h('tr', {}, h('th', { scope: 'row' }, W.openNow), h('td', {}, m[2]!), h('td', {}, p[2]!)),
          ),
        );
      }
    }
    for (const [key, select] of pilotSelects) {
      const i = choiceIndex(DESIGN_LEVERS[key] as never, snap?.design[key]);
      if (String(i) !== select.value && document.activeElement !== select) select.value = String(i);
    }
    // A pilot team leaves at least one assessor in the usual back office; no share without a team.
    if (snap) {
      const teamSelect = pilotSelects.get('pilotTeam')!;
      [...teamSelect.options].forEach((o, i) => {
        const n = (DESIGN_LEVERS.pilotTeam.choices[i]?.value ?? 0) as number;
        o.disabled = n > snap.pilotTeamMax && n !== snap.design.pilotTeam;
      });
      pilotSelects.get('pilotShare')!.disabled = snap.design.pilotTeam === 0 && snap.design.pilotShare === 0;
    }
    for (const [key, select] of redesignSelects) {
      const i = choiceIndex(DESIGN_LEVERS[key] as never, snap?.design[key]);
      if (String(i) !== select.value && document.activeElement !== select) select.value = String(i);
    }
    if (s.study !== shownStudy) {
      shownStudy = s.study;
      if (s.study && studyView) {
        studyView.update(s.study);
      } else if (s.study) {
        studyView = studyDialog(s.study, ctl);
        studySlot.replaceChildren(studyView.dialog);
        studyView.dialog.showModal();
        studyView.update(s.study); // focus once the dialog is open
      } else if (studyView) {
        studyView.dialog.close();
        studySlot.replaceChildren();
        studyView = null;
        studyBtn.focus();
      }
    }
    if (!snap && s.preparing !== null) setText(clockEl, W.preparing(percent(s.preparing)));
    // Until the office opens there is nothing to act on: the controls wait with it.
    panel.inert = !snap;
    el.setAttribute('aria-busy', String(!snap));
    if (snap) {
      setText(clockEl, clock(snap.time));
      setText(openEl, snap.open ? W.open : W.closed);
      openEl.className = snap.open ? 'open-state open' : 'open-state closed';
      const staff = snap.books;
      const spend = snap.staffSpend;
      const budget = snap.budgetPerWeek;
      setText(costEl, budget === null ? W.staffCost(money(spend)) : W.staffCostOfBudget(money(spend), money(budget)));
      costEl.className = budget !== null && spend > budget ? 'cost over' : 'cost';
      if (snap.targetValues && snap.targets) dashboard.update(snap.dashboard, snap.targetValues, snap.targets);
      setText(visitorsEl, W.visitorsWaiting(count(snap.visitorsWaiting)));
      setText(phonesEl, level.demand.visitShare < 1 ? W.callsWaiting(count(snap.phonesWaiting)) : '');
      setText(openNeedsEl, W.casesOpen(count(snap.needs.open)));
      const hour = Math.floor(snap.day * 24);
      if (hour !== officeWordsHour || s.paused) {
        officeWordsHour = hour;
        const lines = officeInWords(level, snap);
        while (officeList.children.length > lines.length) officeList.lastElementChild!.remove();
        lines.forEach((text, i) => {
          const li = officeList.children[i] ?? officeList.appendChild(h('li', {}));
          setText(li, text);
        });
      }
      const last = snap.lastInspection;
      if (last) {
        setText(starsEl, W.stars(stars(last.stars), last.leaguePosition, last.leagueSize));
        starsEl.setAttribute('role', 'img');
        starsEl.setAttribute('aria-label', W.starsLabel(last.stars, last.leaguePosition, last.leagueSize));
      }
      for (const [id, row] of staffRows) {
        const n = staff[id] ?? 0;
        setText(row.count, count(n));
        row.minus.disabled = n <= 0;
        const outsourced = id === snap.outsourcedRole;
        const rate = outsourced ? 0 : level.roles[id]!.costPerHour * hours;
        // While a provider runs it, the council's own agents wait; the provider is paid per call.
        setText(row.rate, outsourced ? W.outsourced : W.perWeekEach(money(rate)));
        row.plus.disabled = n >= MAX_STAFF || !snap.canAdd[id];
      }
      for (const [key, select] of leverSelects) {
        const i = choiceIndex(DESIGN_LEVERS[key] as never, snap.design[key]);
        if (String(i) !== select.value && document.activeElement !== select) select.value = String(i);
      }
    }
    setText(playBtn, s.paused ? W.play : W.pause);
    speedBtns.forEach((b, i) => b.setAttribute('aria-pressed', String(i === s.speed)));
    muteBtn.setAttribute('aria-pressed', String(!s.progress.muted));
    setText(muteBtn, s.progress.muted ? W.soundOff : W.soundOn);
    setText(status, s.message);

    if (s.walkthrough !== null) {
      const step = WALKTHROUGH[s.walkthrough]!;
      if (coach.dataset.step !== String(s.walkthrough)) {
        coach.dataset.step = String(s.walkthrough);
        coach.replaceChildren(
          h('p', {}, h('strong', {}, WALKTHROUGH_WORDS.step(count(s.walkthrough + 1), count(WALKTHROUGH.length))), step.text),
          h('button', { type: 'button', className: 'quiet', onclick: () => ctl.skipWalkthrough() }, WALKTHROUGH_WORDS.skip),
        );
      }
      coach.hidden = false;
    } else if (s.coach) {
      // The coach: a few words at a first red target, inspection, offer or study.
      if (coach.dataset.step !== s.coach) {
        coach.dataset.step = s.coach;
        coach.replaceChildren(
          h('p', {}, h('strong', {}, `${COACH_WORDS.label}: `), COACH[s.coach]),
          h('button', { type: 'button', className: 'quiet', onclick: () => ctl.closeCoach() }, COACH_WORDS.gotIt),
          h('button', { type: 'button', className: 'quiet', onclick: () => ctl.setCoach(false) }, COACH_WORDS.off),
        );
      }
      coach.hidden = false;
    } else {
      coach.hidden = true;
      delete coach.dataset.step;
    }

    if (s.inspection !== shownInspection) {
      const wasOpen = shownInspection !== null;
      shownInspection = s.inspection;
      dialogSlot.querySelector('dialog')?.close();
      dialogSlot.replaceChildren();
      if (!s.inspection && wasOpen) playBtn.focus();
      if (s.inspection) {
        const d = inspectionDialog(s.inspection, level, ctl);
        dialogSlot.appendChild(d);
        d.showModal();
      }
    }
    if (s.offer !== shownOffer) {
      const wasOpen = shownOffer !== null;
      shownOffer = s.offer;
      offerSlot.querySelector('dialog')?.close();
      offerSlot.replaceChildren();
      if (!s.offer && wasOpen) playBtn.focus();
      if (s.offer) {
        const d = offerDialog(s.offer, ctl);
        offerSlot.appendChild(d);
        d.showModal();
      }
    }
    if (s.redesign && !redesignView) {
      redesignView = redesignDialog(s.redesign, level, ctl);
      offerSlot.appendChild(redesignView.dialog);
      redesignView.dialog.showModal();
    }
    if (s.redesign && redesignView) redesignView.update(s.redesign, snap?.budgetPerWeek ?? null);
    if (!s.redesign && redesignView) {
      redesignView.dialog.close();
      redesignView.dialog.remove();
      redesignView = null;
      adoptBtn.focus();
    }
    if (s.story !== shownStory || s.seesFailure !== shownStoryColour) {
      shownStory = s.story;
      shownStoryColour = s.seesFailure;
      if (s.story && storyView?.needId === s.story.needId) {
        // The same citizen, further on in their story: the card follows them.
        storyView.update(s.story, s.seesFailure);
      } else {
        const hadFocus = storySlot.contains(document.activeElement);
        storyView = s.story ? storyCard(s.story, () => ctl.closeStory(), s.seesFailure) : null;
        storySlot.replaceChildren(storyView ? storyView.el : '');
        storySlot.hidden = storyView === null;
        if (hadFocus) playBtn.focus();
      }
    }
  }

  update(state);
  return {
    el,
    update,
    destroy() {
      destroyed = true;
      office?.destroy();
    },
  };
}
