// Housing repairs seen from above: the repairs line's desks, the depot with its vans, and the
// tenants' homes the vans drive to. Each frame the scene maps the newest snapshot to a view
// (depotView) and paints it with one Graphics object and a few reused Text objects.
//
// Phaser is passed in rather than imported, so it is only loaded when the office is shown.
import type Phaser from 'phaser';
import { REPAIRS_WORDS as W } from '../../content/repairs';
import { PLACES, type PlaceId } from '../../services/housing-repairs/catalogue';
import type { RepairsSnapshot } from '../../services/housing-repairs/index';
import { TRADES } from '../../services/housing-repairs/schema';
import { clock } from '../../ui/format';
import { FONT } from '../style';
import { DEPOT_HEIGHT, DEPOT_WIDTH, depotView, TRADE_COLOURS, type DepotView } from './depotView';

type PhaserModule = typeof import('phaser');

/** Each place's name, by the catalogue's id. */
const ZONE_WORDS: Record<PlaceId, string> = W.zones;

const INK = '#27303d';
const C = {
  page: 0xf3efe7,
  line: 0xe7ecf4,
  depot: 0xe9e4da,
  homes: 0xe6efe0,
  desk: 0xd9b48a,
  person: 0x5b6b80,
  glow: 0xffe08a,
  handset: 0x6f7888,
  road: 0xcfd5dc,
  roof: 0xb5735f,
  house: 0xf7e3c9,
  fixed: 0x2e7d4f,
  failed: 0xb3362b,
  part: 0xc98a1a,
  dusk: 0x22304f,
};

export interface DepotSource {
  current(): RepairsSnapshot | null;
  reducedMotion: boolean;
}

export function createDepotScene(P: PhaserModule, source: DepotSource): Phaser.Scene {
  class DepotScene extends P.Scene {
    private g!: Phaser.GameObjects.Graphics;
    private readonly texts = new Map<string, Phaser.GameObjects.Text>();

    constructor() {
      super({ key: 'depot' });
    }

    create(): void {
      this.g = this.add.graphics();
    }

    override update(): void {
      const snap = source.current();
      this.g.clear();
      for (const t of this.texts.values()) t.setVisible(false);
      if (!snap) return;
      this.draw(depotView(snap, source.reducedMotion), snap);
    }

    private text(key: string, x: number, y: number, words: string, size = 13, bold = false, colour = INK): void {
      let t = this.texts.get(key);
      if (!t) {
        t = this.add.text(0, 0, '', { fontFamily: FONT, fontSize: `${size}px`, fontStyle: bold ? 'bold' : 'normal', color: colour, resolution: 2 });
        this.texts.set(key, t);
      }
      if (t.text !== words) t.setText(words);
      t.setPosition(Math.round(x), Math.round(y)).setVisible(true);
    }

    private draw(v: DepotView, snap: RepairsSnapshot): void {
      const g = this.g;
      g.fillStyle(C.page, 1).fillRect(0, 0, DEPOT_WIDTH, DEPOT_HEIGHT);
      this.text('clock', 16, 14, clock(snap.time), 17, true);
      this.text('open', 300, 16, v.open ? '' : W.lineClosed, 15, true, '#a3372e');
      const { line, depot, homes } = v.zones;
      g.fillStyle(C.line, 1).fillRoundedRect(line.x, line.y, line.w, line.h, 10);
      g.fillStyle(C.depot, 1).fillRoundedRect(depot.x, depot.y, depot.w, depot.h, 10);
      g.fillStyle(C.homes, 1).fillRoundedRect(homes.x, homes.y, homes.w, homes.h, 10);
      for (const place of PLACES) {
        const r = v.zones[place.id];
        this.text(`z-${place.id}`, r.x + 12, r.y + 10, ZONE_WORDS[place.id], 15, true);
      }

      // The line: a desk per person, lit while on a call; callers holding below.
      for (const d of v.desks) {
        if (d.busy) g.fillStyle(C.glow, 0.7).fillCircle(d.x, d.y, 24);
        g.fillStyle(C.desk, 1).fillRoundedRect(d.x - 26, d.y + 4, 52, 18, 4);
        g.fillStyle(C.person, 1).fillCircle(d.x, d.y - 6, 10);
        g.fillStyle(C.handset, 1).fillRoundedRect(d.x + 10, d.y + 6, 12, 6, 2);
      }
      const holdY = line.y + line.h - 70;
      for (let i = 0; i < Math.min(v.holding, 10); i++) g.fillStyle(C.handset, 1).fillRoundedRect(line.x + 20 + i * 22, holdY + 24, 14, 8, 3);
      this.text('holding', line.x + 14, holdY, W.holding(v.holding), 13, true);

      // The depot: each trade's row of parked vans, its tradespeople and visits booked.
      for (const row of v.tradeRows) {
        this.text(`t-${row.trade}`, depot.x + 14, row.y, `${W.trades[TRADES[row.trade]!]} · ${W.booked(row.booked)}`, 13, true);
      }
      for (const p of v.parked) this.van(p.x, p.y, p.trade);

      // The homes, a road to them, and the vans out.
      g.fillStyle(C.road, 1).fillRect(depot.x + depot.w - 16, depot.y + depot.h / 2 - 6, homes.x - depot.x - depot.w + 32, 12);
      for (const home of v.homes) {
        g.fillStyle(C.house, 1).fillRect(home.x - 18, home.y - 10, 36, 26);
        g.fillStyle(C.roof, 1).fillTriangle(home.x - 22, home.y - 10, home.x + 22, home.y - 10, home.x, home.y - 28);
        if (home.visited) {
          const colour = home.visited === 'fixed' ? C.fixed : home.visited === 'part-done' ? C.part : C.failed;
          g.fillStyle(colour, 1).fillCircle(home.x + 18, home.y - 18, 7);
        }
      }
      for (const van of v.vans) this.van(van.x - 22, van.y + 14, van.trade);
      // What the badges on the homes mean.
      const ly = homes.y + homes.h - 26;
      const legend = [
        [C.fixed, W.legend.fixed],
        [C.part, W.legend.part],
        [C.failed, W.legend.failed],
      ] as const;
      legend.forEach(([colour, words], i) => {
        const lx = homes.x + 16 + i * 108;
        g.fillStyle(colour, 1).fillCircle(lx, ly + 8, 6);
        this.text(`legend-${i}`, lx + 10, ly, words, 13, true);
      });

      if (!v.open) g.fillStyle(C.dusk, 0.12).fillRect(0, 40, DEPOT_WIDTH, DEPOT_HEIGHT - 40);
    }

    private van(x: number, y: number, trade: number): void {
      const g = this.g;
      g.fillStyle(TRADE_COLOURS[trade] ?? 0x999999, 1).fillRoundedRect(x, y, 44, 18, 4);
      g.fillStyle(0x2b3340, 1)
        .fillCircle(x + 10, y + 19, 4)
        .fillCircle(x + 34, y + 19, 4);
      g.fillStyle(0xffffff, 0.8).fillRect(x + 32, y + 3, 9, 6);
    }
  }
  return new DepotScene();
}
