// How much the office moves. Someone whose system asks for reduced motion gets an office where
// citizens jump to their places, and nothing glows, jiggles or glides: the same picture, still.
// Pure: the preference is read once, where the office is mounted, and passed in.

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** The part of `window` the preference is read from (a stand-in in tests). */
export interface MotionMedia {
  matchMedia?(query: string): { matches: boolean };
}

/** True when the user prefers reduced motion; false where it cannot be asked. Read it once. */
export function prefersReducedMotion(media: MotionMedia | undefined = typeof window !== 'undefined' ? window : undefined): boolean {
  try {
    return media?.matchMedia?.(REDUCED_MOTION_QUERY).matches === true;
  } catch {
    return false;
  }
}

/** Opacity of the glow round a phone in use: it pulses, or is steady. */
export function phoneGlowAlpha(anim: number, x: number, reduced: boolean): number {
  return reduced ? 0.6 : 0.55 + 0.2 * Math.sin(anim * 9 + x);
}

/** How far a ringing handset jiggles sideways, in pixels: not at all with reduced motion. */
export function handsetShake(anim: number, i: number, reduced: boolean): number {
  return reduced ? 0 : Math.sin(anim * 30 + i * 1.7) * 1.1;
}

/** Where envelope i of n is along the post's path (0..1): travelling, or resting evenly spaced. */
export function envelopePhase(anim: number, i: number, n: number, reduced: boolean): number {
  return ((reduced ? 0 : anim * 0.18) + i / n) % 1;
}

/** Time constant (seconds) for things that glide to a new place: none, they jump, with reduced motion. */
export function glideSeconds(reduced: boolean): number {
  return reduced ? 0 : 0.35;
}
