// Puts the repairs picture into a page element; Phaser loads on demand, as for the office.
import { prefersReducedMotion } from '../motion';
import { mountScene } from '../mountOffice';
import { createDepotScene, type DepotSource } from './DepotScene';
import { DEPOT_HEIGHT, DEPOT_WIDTH } from './depotView';

export function mountDepot(parent: HTMLElement, current: DepotSource['current']): Promise<{ destroy(): void }> {
  const reducedMotion = prefersReducedMotion();
  return mountScene(parent, DEPOT_WIDTH, DEPOT_HEIGHT, (P) => createDepotScene(P, { current, reducedMotion }));
}
