import frontDesk from '../../levels/front-desk.json';
import housingBenefit from '../../levels/housing-benefit.json';

/** The levels that ship with the game, by id, as written in their files (validate before use). */
export const LEVEL_FILES: Record<string, unknown> = {
  'front-desk': frontDesk,
  'housing-benefit': housingBenefit,
};
