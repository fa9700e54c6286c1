// A tiny element builder. Text always goes in as text nodes, never as HTML, so nothing from a
// level file, a saved game or a URL can ever be parsed as markup.

import { count } from './format';

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'className') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    // A number is shown as every number is: through Intl.NumberFormat.
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : typeof c === 'number' ? document.createTextNode(count(c)) : c);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Sets text only when it changed: HUD updates every frame and should not churn the DOM. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A part of a screen built a frame or more after the rest (a chart, a long table), so that
 * showing the screen is not one long task: a placeholder now, the part `frames` frames later.
 */
export function later(build: () => HTMLElement | null, frames = 1): HTMLElement {
  const slot = h('div', { className: 'later' });
  const fill = (n: number) => {
    if (n > 0) {
      requestAnimationFrame(() => fill(n - 1));
      return;
    }
    if (slot.isConnected || slot.parentNode) slot.replaceWith(build() ?? '');
  };
  requestAnimationFrame(() => fill(frames - 1));
  return slot;
}
