// Entry point: fonts, styles, the game, and a small test hook that runs the pure simulation.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './ui/game.css';
import './ui/room/room.css';
import { runByLevelId, type ItsTheSystemApi } from './game/testHook';
import { mountGame } from './ui/app';

declare global {
  interface Window {
    itsTheSystem: ItsTheSystemApi;
  }
}

// The trainer's page has an address of its own; ?trainer (easy to say to a room) leads there.
if (new URLSearchParams(location.search).has('trainer')) location.replace('trainer.html');
window.itsTheSystem = { simulate: runByLevelId };
const root = document.getElementById('app');
if (!root) throw new Error("It's the System: no #app element in the page");
mountGame(root);

// Installable and offline after one visit: the service worker the build makes (vite.config.ts),
// registered in production builds only, where the browser has service workers. Without it the
// game still plays online.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  });
}
