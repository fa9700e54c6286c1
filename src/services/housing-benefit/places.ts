// Who works where, and who takes the citizens' calls and visits, under a design: the one rule the
// sim routes contacts by and the office picture seats staff by.
import type { Level } from '../../levels/schema';
import type { DeskPlace } from './catalogue';
import type { Design } from './types';

export type ContactChannel = 'phone' | 'visit';

/** The level role that takes the usual flow's calls or visits (a pilot team takes its own citizens'). */
export function contactRoleId(assign: Level['assign'], design: Pick<Design, 'expertsAtFront'>, channel: ContactChannel): string {
  if (design.expertsAtFront) return assign.casework;
  return channel === 'phone' ? assign.phone : assign.visit;
}

/**
 * Where a role's desks are. A role whose work has moved elsewhere keeps its old desks (idle) until
 * the player moves its staff; any other team (the pilot's) works beside the casework.
 */
export function placeOfRole(assign: Level['assign'], design: Pick<Design, 'expertsAtFront'>, roleId: string): DeskPlace {
  if (roleId === contactRoleId(assign, design, 'visit')) return 'front';
  if (roleId === contactRoleId(assign, design, 'phone')) return 'calls';
  if (roleId === assign.visit) return 'front';
  if (roleId === assign.phone) return 'calls';
  if (roleId === assign.scan) return 'scanning';
  return 'casework';
}
