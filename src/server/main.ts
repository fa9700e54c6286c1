// npm start: the game and the session service together, on every network interface, so a room
// can join from its phones and laptops. Prints the address to share and a QR code for it.
//   PORT (5173), HOST (0.0.0.0), PUBLIC_URL (the address printed and put in links),
//   DATABASE_URL (Postgres; else PGlite in ROOM_DATA, default .room-data/), GAME_DIR (dist/).
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import QRCode from 'qrcode';
import { createApp } from './app';
import { Hub } from './hub';
import { openPglite } from './pgliteDb';
import { openPostgres } from './postgresDb';
import { RoomStore } from './roomStore';
import { workerVerifier } from './verifier';

const started = performance.now();
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '0.0.0.0';
const gameDir = resolve(process.env.GAME_DIR ?? 'dist');

/** The first address on the local network (a laptop's Wi-Fi, a hotspot), else this machine only. */
function localAddress(): string {
  if (host !== '0.0.0.0' && host !== '::') return host;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

const publicUrl = (process.env.PUBLIC_URL ?? `http://${localAddress()}:${port}`).replace(/\/$/, '');
const databaseUrl = process.env.DATABASE_URL;
const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(resolve(process.env.ROOM_DATA ?? '.room-data'));
const store = await RoomStore.open(db);
const hub = await Hub.open(db);
const verifier = workerVerifier();
const app = createApp({ store, hub, verifier, now: Date.now, publicUrl });

if (existsSync(join(gameDir, 'index.html'))) {
  const index = readFileSync(join(gameDir, 'index.html'), 'utf8');
  app.use('*', serveStatic({ root: gameDir }));
  app.get('*', (c) => c.html(index));
} else {
  app.get('*', (c) => c.text(`The game is not built: run "npm run build" (looked in ${gameDir}).`, 503));
}

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`\nIt's the System is running (${db.kind === 'postgres' ? 'Postgres' : 'PGlite'}, ready in ${ms} ms).`);
  console.log(`\n  Share this address with the room:  ${publicUrl}`);
  console.log(`  The trainer's page:                ${publicUrl}/trainer.html\n`);
  QRCode.toString(publicUrl, { type: 'terminal', small: true }).then((qr) => console.log(qr));
});

async function stop() {
  server.close();
  await verifier.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
