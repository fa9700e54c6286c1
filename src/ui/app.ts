// Mounts the game in the page: one screen at a time, a frame loop that drives the controller,
// and keyboard shortcuts.
import { createController, type Controller } from '../game/controller';
import { createRepairsController, type RepairsController } from '../game/repairs/repairsController';
import { loadProgress, quietStart } from '../game/progress';
import { createGameStore, initialState, type GameState, type GameStore } from '../game/store';
import { isTrainerLink, parseUrlSettings } from '../game/urlParams';
import { attributeInWorker } from './choices';
import { compareInWorker } from './compare';
import { compareRepairsInWorker } from './repairsCompare';
import { repairsBriefingScreen } from './screens/repairs/repairsBriefing';
import { repairsDebriefScreen } from './screens/repairs/repairsDebrief';
import { repairsOfficeScreen } from './screens/repairs/repairsOffice';
import { h } from './dom';
import { glossaryButton, isGlossaryOpen, openGlossary } from './glossary';
import { TITLE_WORDS } from '../content/title';
import { briefingScreen } from './screens/briefing';
import { debriefScreen } from './screens/debrief';
import { levelsScreen } from './screens/levels';
import { officeScreen, type ScreenView } from './screens/office';
import { titleScreen } from './screens/title';
import { createSound } from './sound';
import type { JoinIntent } from './room/joinPanel';
import { roomBanner } from './room/roomBanner';
import { roomEntry } from './room/roomEntry';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function randomSeed(): number {
  // The page's own choice of seed is the one place chance enters from outside the sim; a run is
  // still fully reproducible from the seed shown on the briefing.
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]! % 100000;
}

/** Runs f when the page has a moment (soon, where the browser cannot say when). */
function whenIdle(f: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(f, { timeout: 2000 });
  else setTimeout(f, 200);
}

function staticView(el: HTMLElement): ScreenView {
  return { el, update() {}, destroy() {} };
}

/**
 * A simple screen drawn again whenever the part of the state it shows changes (progress on the
 * level screen, the chosen regime on the briefing), keeping keyboard focus where it was.
 */
function rebuildingView(state: GameState, build: (s: GameState) => HTMLElement, keyOf: (s: GameState) => unknown): ScreenView {
  const el = h('div', { className: 'screen-host' }, build(state));
  let key = keyOf(state);
  return {
    el,
    update(s) {
      if (keyOf(s) === key) return;
      key = keyOf(s);
      const focusedId = document.activeElement?.id || null;
      const focusedLabel = document.activeElement?.getAttribute('aria-label') ?? null;
      el.replaceChildren(build(s));
      const byId = focusedId ? el.querySelector<HTMLElement>(`#${CSS.escape(focusedId)}`) : null;
      const byLabel = focusedLabel
        ? [...el.querySelectorAll<HTMLElement>('[aria-label]')].find((x) => x.getAttribute('aria-label') === focusedLabel)
        : undefined;
      (byId ?? byLabel)?.focus();
    },
    destroy() {},
  };
}

function viewFor(state: GameState, store: GameStore, ctl: Controller, repairs: RepairsController, join: JoinIntent): ScreenView {
  switch (state.screen) {
    case 'title':
      return staticView(titleScreen(ctl, join));
    case 'levels':
      return rebuildingView(
        state,
        (s) => levelsScreen(s, ctl, repairs),
        (s) => `${s.progress.unlocked.join()} ${s.progress.coachOff}`,
      );
    case 'repairs-briefing':
      return rebuildingView(
        state,
        (s) => repairsBriefingScreen(s, repairs),
        (s) => `${s.repairs?.regime}`,
      );
    case 'repairs-office':
      return repairsOfficeScreen(store, repairs);
    case 'repairs-debrief':
      return rebuildingView(
        state,
        (s) => repairsDebriefScreen(s, repairs),
        (s) => `${s.repairs?.other?.status}`,
      );
    case 'briefing':
      return rebuildingView(
        state,
        (s) => briefingScreen(s, ctl),
        (s) => `${s.regime} ${s.scenario}`,
      );
    case 'office':
      return officeScreen(store, ctl);
    case 'debrief':
      return debriefScreen(state, ctl);
  }
}

function onRepairsKey(key: string, repairs: RepairsController, onButton: boolean): boolean {
  if ((key === ' ' && !onButton) || key === 'p') repairs.togglePause();
  else if (key >= '1' && key <= '4') repairs.setSpeed(Number(key) - 1);
  else if (key === 'n') repairs.skipToNextStop();
  else if (key === 'f') repairs.finishRun();
  else if (key === 's') document.querySelector<HTMLElement>('.staff button:not(:disabled)')?.focus();
  else if (key === 'r') document.querySelector<HTMLElement>('.lever select')?.focus();
  else if (key === 'd') repairs.startStudy();
  else return false;
  return true;
}

function onKey(e: KeyboardEvent, store: GameStore, ctl: Controller, repairs: RepairsController) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const s = store.getState();
  const target = e.target as HTMLElement | null;
  const typing = target?.closest('input, select, textarea') !== null && target !== null;
  const onButton = target?.closest('button') !== null && target !== null;
  // The glossary is modal: while it is open the office's keys wait; `G` opens it from any screen.
  if (isGlossaryOpen()) return;
  if (e.key.toLowerCase() === 'g' && !typing) {
    e.preventDefault();
    openGlossary();
    return;
  }
  if (s.screen === 'repairs-office' && !typing && !s.repairs?.inspection && !s.repairs?.study && !s.repairs?.offer) {
    if (onRepairsKey(e.key.toLowerCase(), repairs, onButton)) e.preventDefault();
    return;
  }
  if (s.screen !== 'office' || typing || s.inspection || s.study) return;
  const key = e.key.toLowerCase();
  if ((key === ' ' && !onButton) || key === 'p') ctl.togglePause();
  else if (key >= '1' && key <= '4') ctl.setSpeed(Number(key) - 1);
  else if (key === 'n') ctl.skipToNextStop();
  else if (key === 'f') ctl.finishRun();
  else if (key === 'm') ctl.toggleMute();
  else if (key === 'd') ctl.startStudy();
  else if (key === 's') document.querySelector<HTMLElement>('.staff button:not(:disabled)')?.focus();
  else if (key === 'r') document.querySelector<HTMLElement>('.lever select')?.focus();
  else if (key === 'escape' && s.story) ctl.closeStory();
  else return;
  e.preventDefault();
}

export function mountGame(root: HTMLElement): { store: GameStore; controller: Controller; repairs: RepairsController } {
  const url = parseUrlSettings(window.location.search);
  // From a trainer's link the sound starts off (without saving that as the player's choice).
  const saved = storage();
  const start = isTrainerLink(url) ? quietStart(loadProgress(saved), saved) : { progress: loadProgress(saved), storage: saved };
  const st = start.storage;
  const state = initialState(start.progress, url.seed ?? randomSeed());
  if (url.regime) state.regime = url.regime;
  if (url.scenario) state.scenario = url.scenario;
  if (url.levelId) {
    // A trainer's link names the level the room will play: it opens it, tutorial done or not.
    state.levelId = url.levelId;
    if (!state.progress.unlocked.includes(url.levelId)) state.progress = { ...state.progress, unlocked: [...state.progress.unlocked, url.levelId] };
  }
  const store = createGameStore(state);
  const sound = createSound(() => store.getState().progress.muted);
  const ctl = createController(store, { sound, compare: compareInWorker, attribute: attributeInWorker, storage: st, now: () => performance.now() });
  const repairs = createRepairsController(store, { sound, compare: compareRepairsInWorker, storage: st, now: () => performance.now() });

  const join = roomEntry(store, ctl, storage(), url.join ?? null);
  const banner = roomBanner(store, join.predict);
  const live = h('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  let view = viewFor(store.getState(), store, ctl, repairs, join);
  let screen = store.getState().screen;
  root.replaceChildren(banner, view.el, live);
  // The glossary's button, outside the screens so every screen has it (key G).
  root.before(h('nav', { className: 'help-bar', 'aria-label': TITLE_WORDS.help }, glossaryButton()));
  store.subscribe((s) => {
    if (s.screen !== screen) {
      screen = s.screen;
      if (screen === 'briefing' || screen === 'repairs-briefing') whenIdle(() => void import('../office/mountOffice').then((m) => m.preloadPictures()));
      view.destroy();
      view = viewFor(s, store, ctl, repairs, join);
      root.replaceChildren(banner, view.el, live);
      // Move focus to the new screen, so keyboard and screen-reader users land where things changed.
      const target = view.el.querySelector<HTMLElement>('[autofocus]') ?? view.el.querySelector<HTMLElement>('h1');
      if (target && target.tagName === 'H1') target.tabIndex = -1;
      target?.focus();
      document.title = TITLE_WORDS.documentTitle(view.el.getAttribute('aria-label') ?? view.el.querySelector('h1')?.textContent ?? '');
    } else {
      view.update(s);
    }
  });
  window.addEventListener('keydown', (e) => onKey(e, store, ctl, repairs));

  let last = performance.now();
  const frame = (t: number) => {
    // The office's clock waits while the glossary is open.
    if (!isGlossaryOpen()) {
      ctl.tick(t - last);
      repairs.tick(t - last);
    }
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  root.dataset.ready = 'true';
  performance.mark('title-interactive');
  return { store, controller: ctl, repairs };
}
