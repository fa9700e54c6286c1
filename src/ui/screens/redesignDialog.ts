// Adopting the redesigned flow: the staffing it brings (the people on the books moved into the new
// roles, within the budget), the backlog it inherits and the learning dip, to confirm or change.
import type { Controller } from '../../game/controller';
import { weeklyStaffCost } from '../../game/levers';
import type { RedesignPlan } from '../../game/store';
import { REDESIGN_WORDS } from '../../content/offers';
import type { Level } from '../../levels/schema';
import { h } from '../dom';
import { count, money } from '../format';
import { termLink } from '../glossary';

export interface RedesignView {
  dialog: HTMLDialogElement;
  update(plan: RedesignPlan, budget: number | null): void;
}

export function redesignDialog(plan: RedesignPlan, level: Level, ctl: Controller): RedesignView {
  const roles = Object.keys(level.roles).filter((id) => (plan.offered[id] ?? 0) > 0 || (level.regimes[plan.regime].staff[id] ?? 0) > 0);
  const rows = new Map<string, HTMLElement>();
  const list = h('ul', { className: 'redesign-staff', 'aria-label': REDESIGN_WORDS.staffing });
  for (const id of roles) {
    const n = h('span', { className: 'count', 'aria-live': 'polite' });
    rows.set(id, n);
    list.appendChild(
      h(
        'li',
        {},
        h('span', {}, REDESIGN_WORDS.role(level.roles[id]!.label)),
        h(
          'button',
          {
            type: 'button',
            'aria-label': REDESIGN_WORDS.oneFewer(level.roles[id]!.label),
            onclick: () => ctl.setRedesignStaff(id, (current.staff[id] ?? 0) - 1),
          },
          '−',
        ),
        n,
        h(
          'button',
          {
            type: 'button',
            'aria-label': REDESIGN_WORDS.oneMore(level.roles[id]!.label),
            onclick: () => ctl.setRedesignStaff(id, (current.staff[id] ?? 0) + 1),
          },
          '+',
        ),
      ),
    );
  }
  const spendEl = h('p', {});
  let current = plan;
  const dialog = h(
    'dialog',
    { className: 'card redesign', 'aria-labelledby': 'redesign-h' },
    h('h2', { id: 'redesign-h' }, REDESIGN_WORDS.heading),
    h('p', {}, REDESIGN_WORDS.intro),
    h('h3', {}, REDESIGN_WORDS.staffing),
    list,
    spendEl,
    h('p', {}, REDESIGN_WORDS.backlog(plan.backlog)),
    h('p', { className: 'pressure' }, ...REDESIGN_WORDS.dip(termLink('learning-dip', REDESIGN_WORDS.dipTerm))),
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'button', className: 'primary', autofocus: true, onclick: () => ctl.confirmRedesign() }, REDESIGN_WORDS.confirm),
      h('button', { type: 'button', onclick: () => ctl.cancelRedesign() }, REDESIGN_WORDS.cancel),
    ),
  );
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    ctl.cancelRedesign();
  });
  return {
    dialog,
    update(p, budget) {
      current = p;
      for (const [id, el] of rows) el.textContent = ` ${count(p.staff[id] ?? 0)} `;
      const spend = weeklyStaffCost(level, p.staff);
      spendEl.textContent = budget === null ? REDESIGN_WORDS.spend(money(spend)) : REDESIGN_WORDS.budget(money(spend), money(budget));
    },
  };
}
