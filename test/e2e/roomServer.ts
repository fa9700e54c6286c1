// A real session service for a Playwright test: `tsx src/server/main.ts` on its own port and
// data folder, serving the built game (dist/). Killed and started again for the fault tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RoomServer {
  url: string;
  port: number;
  dataDir: string;
  /** SIGKILL: the process dies with no chance to tidy up. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** What the server has printed so far (attached to a failing test). */
  output(): string;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the session service did not start at ${url}`);
}

export async function startRoomServer(port: number, env: Record<string, string> = {}): Promise<RoomServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'its-the-system-room-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const server: RoomServer = {
    url,
    port,
    dataDir,
    async start() {
      // One process (node with tsx's loader), so that a signal reaches the server itself.
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, ROOM_DATA: join(dataDir, 'db'), GAME_DIR: 'dist', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d) => (output += String(d)));
      child.stderr?.on('data', (d) => (output += String(d)));
      try {
        await waitFor(`${url}/api/health`, 60_000);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${output}`);
      }
    },
    output: () => output,
    async kill() {
      await signal('SIGKILL');
    },
    async stop() {
      await signal('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  async function signal(sig: NodeJS.Signals) {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(sig);
    await exited;
    child = null;
  }
  await server.start();
  return server;
}
