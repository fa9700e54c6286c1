// The office seen from above. Each frame: ask the source for the newest snapshot, map it to a view
// (officeView), move the figures (crowd) and glide everything else (Smoother), then paint it all
// with one Graphics object and a few reused Text objects. The scene never changes the sim.
//
// Phaser is passed in rather than imported, so it is only loaded when the office is shown.
import type Phaser from 'phaser';
import { PICTURE_WORDS } from '../content/office';
import { Crowd } from './crowd';
import { FONT } from './style';
import { alongPath, Smoother, type Point } from './geometry';
import { envelopePhase, glideSeconds, handsetShake, phoneGlowAlpha } from './motion';
import type { OfficeSource } from './mountOffice';
import { NEUTRAL_CITIZEN } from './citizenColours';
import { OFFICE_HEIGHT, OFFICE_WIDTH } from './officeLayout';
import { officeView, type DeskView, type LabelStyle, type OfficeView, type PileView } from './officeView';

type PhaserModule = typeof import('phaser');

const OFFICE_SCENE_KEY = 'office';

const INK = '#27303d';
// Dark enough to read at 5:1 or more on every floor, even under the dusk of closing time.
const SOFT_INK = '#3f4857';
/** The signboard's words: green when open, red when closed (each 5:1 or more on its board). */
const SIGN_OPEN = '#276b43';
const SIGN_CLOSED = '#a3372e';

const C = {
  page: 0xf3efe7,
  topBar: 0xfbf8f2,
  wall: 0xb9c2cf,
  street: 0xd3d9e0,
  pavement: 0xe4e8ed,
  kerb: 0xbfc7d1,
  desk: 0xd9b48a,
  deskEdge: 0xb88f63,
  chair: 0x8a93a3,
  skin: 0xf0c8a4,
  paper: 0xffffff,
  paperLine: 0xc9d0da,
  phoneOff: 0x6f7888,
  phoneOn: 0xffc94a,
  glow: 0xffe08a,
  panel: 0xffffff,
  mat: 0xc9a97c,
  postBox: 0xd2433a,
  roof: [0xd98c7a, 0x8fb3d9, 0xa7c98f],
  house: [0xf7e3c9, 0xe9eef6, 0xeef5e4],
  dusk: 0x22304f,
};

const TEXT_STYLES: Record<LabelStyle, Phaser.Types.GameObjects.Text.TextStyle> = {
  zone: { fontFamily: FONT, fontSize: '15px', fontStyle: 'bold', color: INK },
  note: { fontFamily: FONT, fontSize: '12px', color: SOFT_INK, lineSpacing: 1 },
  count: { fontFamily: FONT, fontSize: '13px', fontStyle: 'bold', color: INK, align: 'center', lineSpacing: 0 },
  clock: { fontFamily: FONT, fontSize: '17px', fontStyle: 'bold', color: INK },
  sign: { fontFamily: FONT, fontSize: '15px', fontStyle: 'bold', color: SIGN_OPEN },
};

export interface OfficeSceneOptions {
  /** The user prefers reduced motion (read once, when the office is mounted): nothing walks, glows or shakes. */
  reducedMotion: boolean;
}

/** A Phaser scene class bound to the Phaser module it runs in. */
export function createOfficeScene(P: PhaserModule, source: OfficeSource, opts: OfficeSceneOptions = { reducedMotion: false }): Phaser.Scene {
  const still = opts.reducedMotion;
  class OfficeScene extends P.Scene {
    private g!: Phaser.GameObjects.Graphics;
    private readonly texts = new Map<string, Phaser.GameObjects.Text>();
    private readonly crowd = new Crowd({ jump: still });
    private readonly smooth = new Smoother(glideSeconds(still));
    private previous: OfficeView | null = null;
    private colourFailure: boolean | null = null;
    private lastTime: number | null = null;
    /** Seconds of animation, advancing only while sim time moves (paused means still). */
    private anim = 0;

    constructor() {
      super({ key: OFFICE_SCENE_KEY });
    }

    create(): void {
      this.g = this.add.graphics();
      this.game.canvas?.setAttribute('aria-hidden', 'true');
      // The page loads Atkinson Hyperlegible; a label drawn before it arrived is redrawn once it has.
      const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
      if (fonts) {
        let gone = false;
        const redraw = () => {
          if (!gone) for (const t of this.texts.values()) t.updateText();
        };
        void fonts.ready.then(redraw);
        fonts.addEventListener('loadingdone', redraw);
        this.events.once(P.Scenes.Events.DESTROY, () => {
          gone = true;
          fonts.removeEventListener('loadingdone', redraw);
        });
      }
    }

    override update(_time: number, deltaMs: number): void {
      const dt = Math.min(0.1, Math.max(0, deltaMs / 1000));
      const snap = source.current();
      if (!snap) {
        this.g.clear();
        for (const t of this.texts.values()) t.setVisible(false);
        return;
      }
      if (this.lastTime !== null && snap.time < this.lastTime) {
        // A new run (or a rewind): the figures on screen belong to another story.
        this.crowd.reset();
        this.previous = null;
      }
      const moving = this.lastTime !== null && snap.time !== this.lastTime;
      this.lastTime = snap.time;
      if (moving) this.anim += dt;

      const colourFailure = source.colourFailure();
      const view = officeView(source.level, snap, { colourFailure }, this.previous);
      this.previous = view;
      if (view.queue && this.colourFailure !== null && colourFailure !== this.colourFailure) {
        // Seeing failure demand is earned mid-game: the people already there change colour too.
        this.crowd.repaint(view.queue.colours, colourFailure ? null : NEUTRAL_CITIZEN);
      }
      this.colourFailure = colourFailure;
      if (view.queue) {
        this.crowd.reconcile(view.queue.count, view.queue, view.queue.colours);
        this.crowd.step(dt, view.queue);
      } else {
        this.crowd.reset();
      }
      this.draw(view, dt);
      this.smooth.sweep();
    }

    // ---------------------------------------------------------------- drawing

    private draw(view: OfficeView, dt: number): void {
      const g = this.g;
      g.clear();
      const s = (key: string, v: number) => this.smooth.follow(key, v, dt);

      // Page, top bar, street.
      g.fillStyle(C.page, 1).fillRect(0, 0, OFFICE_WIDTH, OFFICE_HEIGHT);
      g.fillStyle(C.topBar, 1).fillRect(0, 0, OFFICE_WIDTH, view.building.y - 4);
      g.fillStyle(C.wall, 0.5).fillRect(0, view.building.y - 5, OFFICE_WIDTH, 1);
      const st = view.street;
      g.fillStyle(C.street, 1).fillRect(st.x, st.y, st.w, st.h);
      g.fillStyle(C.pavement, 1).fillRect(st.x, st.y, st.w, 26);
      g.fillStyle(C.kerb, 1).fillRect(st.x, st.y + 26, st.w, 2);
      for (let x = 20; x < st.w; x += 56) g.fillStyle(0xe9edf1, 1).fillRect(x, st.y + st.h - 30, 28, 4);

      // Building walls, then each zone's floor.
      const b = view.building;
      g.fillStyle(C.wall, 1).fillRoundedRect(b.x - 4, b.y - 4, b.w + 8, b.h + 8, 14);
      for (const z of view.zones) {
        const x = s(`z:${z.id}:x`, z.rect.x);
        const y = s(`z:${z.id}:y`, z.rect.y);
        const w = s(`z:${z.id}:w`, z.rect.w);
        const h = s(`z:${z.id}:h`, z.rect.h);
        g.fillStyle(z.floor, 1).fillRoundedRect(x, y, w, h, 10);
        // A faint tile pattern keeps large floors from looking flat.
        g.fillStyle(0xffffff, 0.35);
        for (let ty = y + 18; ty < y + h - 6; ty += 36) for (let tx = x + 18; tx < x + w - 6; tx += 36) g.fillCircle(tx, ty, 1.2);
      }

      // Doors in the front wall.
      if (view.queue) {
        const a = view.queue.enterVia[0]!;
        const e = view.queue.exitVia[0]!;
        for (const d of [a, e]) {
          g.fillStyle(C.mat, 1).fillRoundedRect(d.x - 18, b.y + b.h - 3, 36, 10, 3);
          g.fillStyle(C.page, 1).fillRect(d.x - 16, b.y + b.h + 1, 32, 3);
        }
      }

      if (view.queue) {
        // The roped-off lane where the queue stands: posts at the corners, a rope between them.
        const l = view.queue.lane;
        const lx = s('lane:x', l.x);
        const ly = s('lane:y', l.y);
        const lw = s('lane:w', l.w);
        const lh = s('lane:h', l.h);
        g.fillStyle(0xeadcc4, 0.55).fillRoundedRect(lx, ly, lw, lh, 12);
        g.lineStyle(2, 0xc9ad86, 0.9).strokeRoundedRect(lx, ly, lw, lh, 12);
        for (const [px, py] of [
          [lx, ly],
          [lx + lw, ly],
          [lx, ly + lh],
          [lx + lw, ly + lh],
        ] as const) {
          g.fillStyle(0x9a7b55, 1).fillCircle(px, py, 3.5);
        }
      }

      this.drawPost(view);
      for (const p of view.piles) this.drawPile(p, s);
      for (const d of view.desks) this.drawDesk(d, s);
      this.drawCalls(view);
      this.drawCrowd();

      // After hours: dusk over the building, the lights are off.
      if (!view.open) {
        g.fillStyle(C.dusk, 0.2).fillRoundedRect(b.x - 4, b.y - 4, b.w + 8, b.h + 8, 14);
        g.fillStyle(C.dusk, 0.12).fillRect(st.x, st.y, st.w, st.h);
      }

      // Signboard behind the open/closed text.
      g.fillStyle(view.open ? 0xdff1e4 : 0xf6dcd9, 1).fillRoundedRect(OFFICE_WIDTH - 16 - this.signWidth(view) - 12, 6, this.signWidth(view) + 24, 28, 8);

      this.drawLabels(view, s);
    }

    private signWidth(view: OfficeView): number {
      const t = this.texts.get('sign');
      if (t && t.text === (view.closedNote ?? PICTURE_WORDS.open)) return t.width;
      return (view.closedNote ?? PICTURE_WORDS.open).length * 8;
    }

    private person(x: number, y: number, body: number, alpha = 1, scale = 1): void {
      const g = this.g;
      g.fillStyle(0x000000, 0.08 * alpha).fillEllipse(x, y + 9 * scale, 18 * scale, 6 * scale);
      g.fillStyle(body, alpha).fillRoundedRect(x - 7 * scale, y - 3 * scale, 14 * scale, 13 * scale, 5 * scale);
      g.fillStyle(C.skin, alpha).fillCircle(x, y - 7 * scale, 5.5 * scale);
    }

    private drawDesk(d: DeskView, s: (key: string, v: number) => number): void {
      const g = this.g;
      const x = s(`d:${d.key}:x`, d.x);
      const y = s(`d:${d.key}:y`, d.y);
      // Chair behind the desk, then whoever sits in it, then the desk top over their lap.
      g.fillStyle(C.chair, 0.55).fillRoundedRect(x - 9, y - 26, 18, 14, 6);
      if (d.present) this.person(x, y - 15, d.working ? d.colour : lighten(d.colour, 0.45));
      g.fillStyle(C.deskEdge, 1).fillRoundedRect(x - 21, y - 7, 42, 17, 5);
      g.fillStyle(C.desk, 1).fillRoundedRect(x - 21, y - 8, 42, 15, 5);
      if (d.working) {
        // An open file on the desk.
        g.fillStyle(C.paper, 1).fillRect(x - 9, y - 5, 10, 8);
        g.fillStyle(C.paper, 1).fillRect(x + 1, y - 5, 9, 8);
        g.fillStyle(C.paperLine, 1)
          .fillRect(x - 7, y - 3, 6, 1)
          .fillRect(x + 3, y - 3, 5, 1)
          .fillRect(x - 7, y, 6, 1);
      } else if (d.present) {
        // A mug: nothing to do right now.
        g.fillStyle(0xffffff, 1).fillCircle(x - 11, y - 1, 3);
        g.fillStyle(0x9c6b4a, 1).fillCircle(x - 11, y - 1, 1.8);
      }
      if (d.phone) {
        const lit = d.working;
        if (lit) g.fillStyle(C.glow, phoneGlowAlpha(this.anim, x, still)).fillCircle(x + 14, y - 1, 8);
        g.fillStyle(lit ? C.phoneOn : C.phoneOff, 1).fillRoundedRect(x + 9, y - 4, 10, 7, 2.5);
      }
    }

    private drawCalls(view: OfficeView): void {
      const calls = view.calls;
      if (!calls) return;
      const g = this.g;
      const r = calls.rect;
      g.fillStyle(C.panel, 0.7).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
      g.lineStyle(1, C.wall, 0.8).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
      for (const [i, icon] of calls.icons.entries()) {
        // A ringing telephone: body, handset resting on top (it jiggles), and two ring marks.
        const shake = handsetShake(this.anim, i, still);
        const x = icon.x;
        const y = icon.y;
        g.fillStyle(icon.colour, 1).fillRoundedRect(x - 8, y - 2, 16, 9, 3);
        g.fillStyle(0xffffff, 0.75).fillCircle(x, y + 2.5, 2);
        g.fillStyle(icon.colour, 1).fillRoundedRect(x - 9 + shake, y - 7, 18, 4, 2);
        g.lineStyle(1.5, icon.colour, 0.7);
        g.lineBetween(x - 12, y - 9, x - 14, y - 12);
        g.lineBetween(x + 12, y - 9, x + 14, y - 12);
      }
    }

    private drawPile(p: PileView, s: (key: string, v: number) => number): void {
      const g = this.g;
      const h = s(`p:${p.id}:h`, p.height);
      const x = s(`p:${p.id}:x`, p.x);
      const y = s(`p:${p.id}:y`, p.y);
      const sheetW = 26;
      const gap = 3;
      const total = p.stacks * sheetW + (p.stacks - 1) * gap;
      // A tray under every pile, so an empty pile still shows where the work would be.
      g.fillStyle(0x000000, 0.07).fillEllipse(x, y + 3, total + 26, 10);
      g.fillStyle(0x8c96a6, 1).fillRoundedRect(x - total / 2 - 6, y - 5, total + 12, 7, 3);
      for (let k = 0; k < p.stacks; k++) {
        // Outer stacks a little lower than the middle ones: a heap, not a bar chart.
        const centre = (p.stacks - 1) / 2;
        const stackH = h * (1 - (0.18 * Math.abs(k - centre)) / Math.max(1, centre));
        if (stackH < 1) continue;
        const sx = x - total / 2 + k * (sheetW + gap);
        const top = y - 5 - stackH;
        g.fillStyle(C.paper, 1).fillRect(sx, top, sheetW, stackH);
        g.fillStyle(C.paperLine, 1);
        for (let ly = y - 8; ly > top + 1; ly -= 3) {
          const jog = ((ly * 7 + k * 3) % 5) - 2;
          g.fillRect(sx + Math.max(0, jog), ly, sheetW - Math.abs(jog), 1);
        }
        g.fillStyle(0xfdfdfd, 1).fillRect(sx - 1, top - 2, sheetW + 2, 3);
      }
    }

    private drawPost(view: OfficeView): void {
      const post = view.post;
      if (!post) return;
      const g = this.g;
      // Homes along the street, where citizens gather their papers.
      post.homes.forEach((h, i) => {
        g.fillStyle(C.house[i % 3]!, 1).fillRoundedRect(h.x - 17, h.y - 10, 34, 26, 4);
        g.fillStyle(C.roof[i % 3]!, 1).fillTriangle(h.x - 21, h.y - 8, h.x + 21, h.y - 8, h.x, h.y - 26);
        g.fillStyle(0x8aa6c4, 1)
          .fillRect(h.x - 11, h.y - 3, 8, 7)
          .fillRect(h.x + 3, h.y - 3, 8, 7);
        g.fillStyle(0x9c7a57, 1).fillRect(h.x - 4, h.y + 6, 8, 10);
      });
      // The out-tray in the office.
      g.fillStyle(0x8c96a6, 1).fillRoundedRect(post.tray.x - 16, post.tray.y - 6, 32, 12, 3);
      g.fillStyle(C.paper, 1).fillRect(post.tray.x - 11, post.tray.y - 9, 22, 6);
      // The pillar box.
      const bx = post.box.x;
      const by = post.box.y;
      g.fillStyle(0x000000, 0.1).fillEllipse(bx, by + 20, 26, 7);
      g.fillStyle(C.postBox, 1).fillRoundedRect(bx - 10, by - 14, 20, 34, { tl: 10, tr: 10, bl: 3, br: 3 });
      g.fillStyle(0x5b1d19, 1).fillRect(bx - 6, by - 5, 12, 2.5);
      // Letters on their way, out to citizens and back.
      const n = post.envelopes;
      for (let i = 0; i < n; i++) {
        const out = i % 2 === 0;
        const phase = envelopePhase(this.anim, i, n, still);
        const p: Point = alongPath(post.path, out ? phase : 1 - phase);
        g.fillStyle(0x000000, 0.1).fillRect(p.x - 6, p.y - 2, 13, 9);
        g.fillStyle(0xfffdf6, 1).fillRect(p.x - 7, p.y - 4, 14, 9);
        g.lineStyle(1, 0xc2b59b, 1);
        g.lineBetween(p.x - 7, p.y - 4, p.x, p.y + 1);
        g.lineBetween(p.x, p.y + 1, p.x + 7, p.y - 4);
      }
    }

    private drawCrowd(): void {
      for (const w of this.crowd.walkers) this.person(w.x, w.y, w.colour, w.alpha, 0.95);
    }

    private drawLabels(view: OfficeView, s: (key: string, v: number) => number): void {
      const used = new Set<string>();
      for (const l of view.labels) {
        used.add(l.key);
        let t = this.texts.get(l.key);
        if (!t) {
          t = this.add.text(l.x, l.y, l.text, { ...TEXT_STYLES[l.style], resolution: 2 });
          this.texts.set(l.key, t);
        }
        if (t.text !== l.text) t.setText(l.text);
        if (l.key === 'sign') t.setColor(view.open ? SIGN_OPEN : SIGN_CLOSED);
        t.setOrigin(l.originX, 0);
        t.setPosition(Math.round(s(`t:${l.key}:x`, l.x)), Math.round(s(`t:${l.key}:y`, l.y)));
        t.setVisible(true);
      }
      for (const [key, t] of this.texts) if (!used.has(key)) t.setVisible(false);
    }
  }
  return new OfficeScene();
}

/** A colour mixed toward white by `amount` (0..1). */
function lighten(colour: number, amount: number): number {
  const r = (colour >> 16) & 0xff;
  const g = (colour >> 8) & 0xff;
  const b = colour & 0xff;
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return (mix(r) << 16) | (mix(g) << 8) | mix(b);
}
