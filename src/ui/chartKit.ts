// What the SVG charts share: round axis ticks, and drawing at the width the chart really has, so
// that its text stays the same legible size on a phone (390 px) and on a projector (1920 px)
// instead of shrinking or swelling with a fixed viewBox.
import { h } from './dom';

/** The page's base font size over its smallest (17px): 1 up to a laptop, more on a projector (game.css). */
export function pageScale(): number {
  if (typeof document === 'undefined') return 1;
  const base = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(base) && base > 17 ? base / 17 : 1;
}

/** The lettering of a chart drawn `width` px wide: 12 to 14 px at the base size, growing with the page's type. */
export function chartFont(width: number): number {
  return Math.round((width >= 900 ? 14 : width >= 520 ? 13 : 12) * pageScale());
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, wanted: number): { ticks: number[]; step: number; top: number } {
  if (!(max > 0)) return { ticks: [0, 1], step: 1, top: 1 };
  const raw = max / Math.max(1, wanted);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * 0.999) ?? 10 * power;
  const n = Math.ceil(max / step - 1e-9);
  const ticks = Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { ticks, step, top: ticks[ticks.length - 1]! };
}

/** Whole-number ticks (weeks) across [from, to]: multiples of a round step, and the first value. */
export function wholeTicks(from: number, to: number, room: number): number[] {
  const span = Math.max(1, to - from);
  const step = [1, 2, 4, 5, 10, 13, 20, 26, 52, 104].find((s) => span / s <= room) ?? Math.ceil(span / room);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) if (t >= from) ticks.push(t);
  if (ticks[0] !== from && (ticks.length === 0 || ticks[0]! - from > step / 2)) ticks.unshift(from);
  return ticks;
}

/**
 * A wrapper that draws `draw(width)` now at a guess and again whenever its real width changes.
 * The observer lets go once the chart leaves the page.
 */
export function responsiveSvg(draw: (width: number) => SVGElement, guess = 640): HTMLElement {
  const box = h('div', { className: 'chart-plot' });
  let drawn = Math.round(guess);
  box.appendChild(draw(drawn));
  if (typeof ResizeObserver === 'undefined') return box;
  let shown = false;
  const observer = new ResizeObserver(() => {
    if (!box.isConnected) {
      if (shown) observer.disconnect();
      return;
    }
    shown = true;
    const width = Math.round(box.clientWidth);
    if (width > 0 && Math.abs(width - drawn) >= 4) {
      drawn = width;
      box.replaceChildren(draw(width));
    }
  });
  observer.observe(box);
  return box;
}
