// Entry point: fonts, styles, the game, and a small test hook that runs the pure simulation.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './ui/game.css';
import { runByLevelId, type ItsTheSystemApi } from './game/testHook';
import { mountGame } from './ui/app';

declare global {
  interface Window {
    itsTheSystem: ItsTheSystemApi;
  }
}

window.itsTheSystem = { simulate: runByLevelId };
const root = document.getElementById('app');
if (!root) throw new Error("It's the System: no #app element in the page");
mountGame(root);
