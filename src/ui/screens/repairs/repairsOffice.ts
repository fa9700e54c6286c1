// Housing repairs' office: the picture of the line, the depot and the homes; the dashboard above
// it; time, staff and the ways of working beside it. Views read the store and send intents.
import { REPAIRS_WORDS as W } from '../../../content/repairs';
import type { RepairsController } from '../../../game/repairs/repairsController';
import { repairsLevel } from '../../../game/repairs/repairsLevel';
import { SPEEDS } from '../../../game/speeds';
import type { GameState, GameStore } from '../../../game/store';
import { catalogue } from '../../../services/housing-repairs/catalogue';
import type { Inspection } from '../../../services/housing-repairs/dashboard';
import type { OpenRepairsOffer } from '../../../services/housing-repairs/model';
import type { RepairsSnapshot } from '../../../services/housing-repairs/snapshot';
import { type RepairsDesign, ROLE_IDS, TRADES } from '../../../services/housing-repairs/schema';
import { h, setText } from '../../dom';
import { inspectionLines, officialDashboard } from '../../officialDashboard';
import { clock, count, dayLabel, days, money, percent, stars } from '../../format';
import type { ScreenView } from '../office';
import { type RepairsStudyView, repairsStudyDialog } from './repairsStudyDialog';

type LeverKey = keyof RepairsDesign;

/** A lever's value in words: a gaming move's two by lever, the rest by value. */
export function leverValueWords(key: LeverKey, v: string | boolean): string {
  if (typeof v === 'boolean') return W.switches[key as keyof typeof W.switches][v ? 'true' : 'false'];
  return W.leverValues[v as keyof typeof W.leverValues];
}

/**
 * A gaming move put by the deputy or a consultant: who is asking, why now, the pitch, what it will
 * do to the dashboard; Accept or Decline. Escape is not an answer: the card waits for one.
 */
function offerDialog(offer: OpenRepairsOffer, quarter: RepairsSnapshot['quarter'] | null, ctl: RepairsController, stillOpen: () => boolean): HTMLDialogElement {
  const t = repairsLevel().inspection.targets;
  const shown = { jobsWithinTarget: percent, daysPerJob: days, callsAnsweredIn20s: percent } as const;
  const red = offer.reason === 'red-target' && quarter ? quarter.red : [];
  const dialog = h(
    'dialog',
    { className: 'card offer', 'aria-labelledby': 'offer-h', 'aria-describedby': 'offer-pitch' },
    h('h2', { id: 'offer-h' }, W.offerHeading(W.offerFrom[offer.from])),
    offer.reason
      ? h(
          'p',
          { className: 'pressure' },
          W.offerWhy[offer.reason],
          ...red.flatMap((m) => [' ', W.offerRed(W.measures[m], shown[m](quarter!.dashboard[m]), shown[m](t[m]))]),
        )
      : null,
    h('blockquote', { id: 'offer-pitch' }, h('p', {}, offer.pitch)),
    h('p', {}, h('strong', {}, W.offerPromise), offer.promise),
    h(
      'div',
      { className: 'row', role: 'group', 'aria-label': W.offerAnswer },
      h('button', { type: 'button', className: 'primary', onclick: () => ctl.answerOffer(true) }, W.offerAccept),
      h('button', { type: 'button', autofocus: true, onclick: () => ctl.answerOffer(false) }, W.offerDecline),
    ),
  );
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  // A browser may close a modal dialog on a second Escape without asking: show it again, unanswered.
  dialog.addEventListener('close', () => {
    if (stillOpen() && dialog.isConnected) dialog.showModal();
  });
  return dialog;
}

export function repairsOfficeScreen(store: GameStore, ctl: RepairsController): ScreenView {
  const level = repairsLevel();
  const t = level.inspection.targets;

  // ---- dashboard
  const clockEl = h('span', { className: 'clock' });
  const dashboard = officialDashboard<keyof typeof W.measures>(catalogue.official, W.measures, W.dashboard);
  const starsEl = h('span', { className: 'stars' }, W.noInspection);
  const costEl = h('span', { className: 'cost' });
  const hud = h(
    'header',
    { className: 'hud', role: 'region', 'aria-label': W.dashboard },
    h('div', { className: 'hud-time' }, clockEl),
    dashboard.el,
    h('div', { className: 'hud-side' }, starsEl, costEl),
  );

  // ---- time
  const playBtn = h('button', { type: 'button', className: 'primary', 'aria-keyshortcuts': 'Space P', onclick: () => ctl.togglePause() }, W.play);
  const speedBtns = SPEEDS.map((s, i) =>
    h('button', { type: 'button', 'aria-pressed': 'false', 'aria-keyshortcuts': s.key, onclick: () => ctl.setSpeed(i) }, s.label),
  );
  const nextBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'N', onclick: () => ctl.skipToNextStop() }, W.nextInspection);
  const finishBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'F', onclick: () => ctl.finishRun() }, W.finish);
  const time = h(
    'section',
    { className: 'panel-part', 'aria-labelledby': 'time-h' },
    h('h2', { id: 'time-h' }, W.controls),
    h('div', { className: 'row' }, playBtn, nextBtn, finishBtn),
    h('div', { className: 'row speeds', role: 'group', 'aria-label': W.speed }, ...speedBtns),
  );

  // ---- staff
  const staffRows = new Map<string, { count: HTMLElement; minus: HTMLButtonElement; row: HTMLElement }>();
  const staffList = h('ul', { className: 'staff' });
  for (const id of ROLE_IDS) {
    const role = level.roles[id];
    const countEl = h('span', { className: 'count' }, count(0));
    const minus = h('button', { type: 'button', className: 'step', 'aria-label': W.fewer(role.label), onclick: () => ctl.setStaff(id, staffOf(id) - 1) }, '−');
    const plus = h('button', { type: 'button', className: 'step', 'aria-label': W.more(role.label), onclick: () => ctl.setStaff(id, staffOf(id) + 1) }, '+');
    const row = h('li', {}, h('span', { className: 'role' }, role.label), h('span', { className: 'stepper' }, minus, countEl, plus));
    staffList.appendChild(row);
    staffRows.set(id, { count: countEl, minus, row });
  }
  const staffOf = (id: (typeof ROLE_IDS)[number]) => store.getState().repairs?.snapshot?.staff[id] ?? 0;
  const spendEl = h('p', { className: 'hint' });
  const staffing = h('section', { className: 'panel-part', 'aria-labelledby': 'staff-h' }, h('h2', { id: 'staff-h' }, W.staffHeading), staffList, spendEl);

  // ---- ways of working: one select per lever of the service's catalogue
  const selects = new Map<LeverKey, HTMLSelectElement>();
  const levers = h('section', { className: 'panel-part', 'aria-labelledby': 'rules-h' }, h('h2', { id: 'rules-h' }, W.leversHeading));
  for (const lever of catalogue.levers) {
    const key = lever.key as LeverKey;
    const id = `lever-${key}`;
    const select = h('select', { id });
    lever.values.forEach((v, i) => select.appendChild(h('option', { value: i }, leverValueWords(key, v))));
    select.addEventListener('change', () => ctl.setDesign(key, lever.values[Number(select.value)] as never));
    selects.set(key, select);
    levers.appendChild(
      h(
        'div',
        { className: 'lever' },
        h('label', { for: id }, W.levers[key]),
        select,
        lever.kind === 'gaming' ? h('p', { className: 'why' }, W.gamingNotes[key as keyof typeof W.gamingNotes]) : null,
      ),
    );
  }
  const switchBtn = h('button', { type: 'button', onclick: () => ctl.switchRegime() });
  levers.appendChild(h('div', { className: 'row' }, switchBtn));

  const studyBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'D', onclick: () => ctl.startStudy() }, W.study.button);
  const study = h(
    'section',
    { className: 'panel-part', 'aria-labelledby': 'repairs-study-h2' },
    h('h2', { id: 'repairs-study-h2' }, W.study.button),
    h('p', { className: 'hint' }, W.study.hint),
    h('div', { className: 'row' }, studyBtn),
  );

  const panel = h('aside', { className: 'panel', 'aria-label': W.controls }, time, staffing, levers, study);

  // ---- stage and its words
  const stage = h('div', { className: 'stage', role: 'img', 'aria-label': W.heading });
  const wordsList = h('ul', { 'aria-live': 'off' });
  const words = h(
    'section',
    { className: 'visually-hidden', 'aria-labelledby': 'repairs-words-h' },
    h('h2', { id: 'repairs-words-h' }, W.inTheOffice),
    wordsList,
  );
  const dialogSlot = h('div', {});
  const offerSlot = h('div', {});
  const studySlot = h('div', {});
  const el = h(
    'section',
    { className: 'screen office repairs', 'aria-label': W.heading },
    h('h1', { className: 'visually-hidden' }, W.heading),
    hud,
    h(
      'div',
      { className: 'office-main' },
      h('div', { className: 'office-left' }, h('div', { className: 'stage-wrap' }, stage, words)),
      h('div', { className: 'office-side' }, panel),
    ),
    dialogSlot,
    offerSlot,
    studySlot,
  );

  let destroyed = false;
  let picture: { destroy(): void } | null = null;
  import('../../../office/repairs/mountDepot')
    .then(({ mountDepot }) => mountDepot(stage, () => store.getState().repairs?.snapshot ?? null))
    .then((p) => {
      if (destroyed) p.destroy();
      else picture = p;
    })
    .catch(() => {
      // No canvas (a very old browser): the dashboard and the words still tell the story.
    });

  let shownInspection: Inspection | null = null;
  let shownOffer: OpenRepairsOffer | null = null;
  let studyView: RepairsStudyView | null = null;
  let wordsHour = -1;

  function update(s: GameState): void {
    const r = s.repairs;
    const snap = r?.snapshot;
    // Until the service opens (its history still running) there is nothing to act on.
    panel.inert = !snap;
    if (!snap) setText(clockEl, W.preparing);
    if (!r || !snap) return;
    setText(clockEl, clock(snap.time));
    dashboard.update(snap.dashboard, t, snap.targets);
    setText(starsEl, snap.lastInspection ? W.lastInspection(dayLabel(snap.lastInspection.day), stars(snap.lastInspection.stars)) : W.noInspection);
    setText(costEl, W.perWeek(money(snap.staffPerWeek)));
    setText(spendEl, W.perWeek(money(snap.staffPerWeek)));
    setText(playBtn, r.paused ? W.play : W.pause);
    speedBtns.forEach((b, i) => b.setAttribute('aria-pressed', String(i === r.speed && !r.paused)));
    for (const id of ROLE_IDS) {
      const row = staffRows.get(id)!;
      setText(row.count, count(snap.staff[id]));
      row.minus.disabled = snap.staff[id] <= 0;
    }
    for (const [key, select] of selects) {
      const lever = catalogue.levers.find((l) => l.key === key)!;
      const i = lever.values.indexOf(snap.design[key]);
      if (select.selectedIndex !== i) select.selectedIndex = i;
    }
    setText(switchBtn, W.switchTo[snap.regime === 'deliverology' ? 'systems' : 'deliverology']);
    // The picture in words, at most once a sim hour.
    const hour = Math.floor(snap.time / 60);
    if (hour !== wordsHour) {
      wordsHour = hour;
      const latest = snap.recentVisits.at(-1);
      wordsList.replaceChildren(
        h('li', {}, W.nowLine(snap.line.staff, snap.line.busy, snap.line.holding)),
        h('li', {}, W.nowFaults(snap.faults.waiting, snap.faults.fixed)),
        ...TRADES.map((trade, i) => h('li', {}, `${W.trades[trade]}: ${W.booked(snap.trades[i]!.booked)}`)),
        latest ? h('li', {}, W.nowVisit(W.trades[TRADES[latest.trade]!], W.outcomes[latest.outcome])) : '',
      );
    }
    if (r.inspection !== shownInspection) {
      const wasOpen = shownInspection !== null;
      shownInspection = r.inspection;
      dialogSlot.querySelector('dialog')?.close();
      dialogSlot.replaceChildren();
      if (!r.inspection && wasOpen) playBtn.focus();
      if (r.inspection) {
        const ins = r.inspection;
        const dialog = h(
          'dialog',
          { className: 'card inspection', 'aria-labelledby': 'inspection-h' },
          h('h2', { id: 'inspection-h' }, W.inspectionHeading(dayLabel(ins.day))),
          h('p', { className: 'stars big', role: 'img', 'aria-label': W.stars(ins.stars) }, stars(ins.stars)),
          h('p', {}, W.inspectionStars(W.stars(ins.stars))),
          h('ul', {}, ...inspectionLines(catalogue.official, W.measures, ins.dashboard, t, ins.targetsMet)),
          h('button', { type: 'button', className: 'primary', autofocus: true, onclick: () => ctl.closeInspection() }, W.carryOn),
        );
        dialog.addEventListener('cancel', (e) => {
          e.preventDefault();
          ctl.closeInspection();
        });
        dialogSlot.appendChild(dialog);
        dialog.showModal();
      }
    }
    if (r.study && !studyView) {
      studyView = repairsStudyDialog(ctl);
      studySlot.replaceChildren(studyView.dialog);
      studyView.dialog.showModal();
    }
    if (r.study && studyView) studyView.update(r.study);
    if (!r.study && studyView) {
      studyView.dialog.close();
      studySlot.replaceChildren();
      studyView = null;
      studyBtn.focus();
    }
    if (r.offer !== shownOffer) {
      const wasOpen = shownOffer !== null;
      shownOffer = r.offer;
      offerSlot.querySelector('dialog')?.close();
      offerSlot.replaceChildren();
      if (!r.offer && wasOpen) playBtn.focus();
      if (r.offer) {
        const offer = r.offer;
        const dialog = offerDialog(offer, snap.quarter, ctl, () => store.getState().repairs?.offer === offer);
        offerSlot.appendChild(dialog);
        dialog.showModal();
      }
    }
  }

  update(store.getState());
  return {
    el,
    update,
    destroy() {
      destroyed = true;
      picture?.destroy();
    },
  };
}
