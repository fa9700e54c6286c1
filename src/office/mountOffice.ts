// Puts the Phaser office into a page element. Phaser is imported here, on demand, so the title
// screen loads without it (and the build keeps it in its own chunk).
import type { Level } from '../levels/schema';
import type { Snapshot } from '../services/housing-benefit/snapshot';
import { pictureResolution } from './geometry';
import { prefersReducedMotion } from './motion';
import { OFFICE_HEIGHT, OFFICE_WIDTH } from './officeLayout';
import { createOfficeScene } from './OfficeScene';

/** What the office draws: the level, the newest snapshot, and whether failure demand is visible yet. */
export interface OfficeSource {
  level: Level;
  current(): Snapshot | null;
  colourFailure(): boolean;
  /** The user prefers reduced motion; when left out, the browser's setting is read once, now. */
  reducedMotion?: boolean;
}

/**
 * True when the browser offers WebGL drawn by a GPU. Where WebGL would be emulated in software
 * (SwiftShader under Chromium's --disable-gpu, llvmpipe on a GPU-less Linux), Canvas 2D is faster
 * for an office of flat shapes, and it avoids the "GPU stall due to ReadPixels" warnings that
 * software WebGL writes to the console. `failIfMajorPerformanceCaveat` alone does not catch it.
 */
function acceleratedWebGL(): boolean {
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
    if (!gl) return false;
    let renderer = String(gl.getParameter(gl.RENDERER) ?? '');
    // Chromium masks RENDERER as "WebKit WebGL"; its debug extension gives the real name.
    // (Firefox already unmasks RENDERER, and warns if the extension is used, so ask only when masked.)
    if (/^WebKit WebGL$/i.test(renderer)) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      if (info) renderer = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? renderer);
    }
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}

export async function mountOffice(parent: HTMLElement, source: OfficeSource): Promise<{ destroy(): void }> {
  const reducedMotion = source.reducedMotion ?? prefersReducedMotion();
  return mountScene(parent, OFFICE_WIDTH, OFFICE_HEIGHT, (Phaser) => createOfficeScene(Phaser, source, { reducedMotion }));
}

/**
 * Loads Phaser ahead of the office, while the player reads a briefing: evaluating it is one long
 * task, better spent then than when the office opens.
 */
export function preloadPictures(): Promise<unknown> {
  return import('phaser');
}

/**
 * Puts one Phaser scene, drawn at width x height and scaled to fit, into a page element. Phaser's
 * scale manager fits the canvas to the element (smaller on a phone, larger on a projector); where
 * the picture is shown larger than it is drawn, the canvas draws more pixels (the camera zooms the
 * same design coordinates), so it stays sharp. The scene itself only ever sees width x height.
 */
export async function mountScene(
  parent: HTMLElement,
  width: number,
  height: number,
  makeScene: (P: typeof import('phaser')) => import('phaser').Scene,
): Promise<{ destroy(): void }> {
  const Phaser = await import('phaser');
  const scene = makeScene(Phaser);
  const wanted = () => pictureResolution(parent.clientWidth, width, window.devicePixelRatio);
  let resolution = wanted();
  const game = new Phaser.Game({
    type: acceleratedWebGL() ? Phaser.AUTO : Phaser.CANVAS,
    parent,
    width: width * resolution,
    height: height * resolution,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    // The office has no controls of its own: keyboard and pointer belong to the page around it.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    disableContextMenu: false,
    // The element is as wide as the layout gives it; the canvas fits inside it, keeping 16:9.
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, expandParent: false },
    scene,
  });
  const zoomCamera = () => {
    scene.cameras?.main
      ?.setSize(width * resolution, height * resolution)
      .setZoom(resolution)
      .centerOn(width / 2, height / 2);
  };
  // The canvas exists once the game has booted; the scene and its camera once its textures are
  // ready, a moment later. The canvas is decoration beside the accessible HUD: screen readers skip it.
  if (!game.isBooted || !game.canvas || !scene.sys.events) {
    await new Promise<void>((resolve) => game.events.once(Phaser.Core.Events.READY, () => resolve()));
  }
  game.canvas.setAttribute('aria-hidden', 'true');
  zoomCamera();
  // A window moved to a projector, or made full screen: draw at the resolution the new size needs.
  const resized = new ResizeObserver(() => {
    const next = wanted();
    if (next === resolution || parent.clientWidth === 0) return;
    resolution = next;
    game.scale.setGameSize(width * resolution, height * resolution);
    zoomCamera();
  });
  resized.observe(parent);

  let destroyed = false;
  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      resized.disconnect();
      game.destroy(true);
      // Phaser removes its canvas on its next step; leave the parent empty now, as promised.
      parent.replaceChildren();
    },
  };
}
