// Sound effects made on the fly with Web Audio: short friendly blips, no files to download.
// Nothing plays until the player has interacted with the page (browsers require it) or when muted.
import type { SoundName } from '../game/controller';

interface Note {
  freq: number;
  at: number;
  len: number;
  type: OscillatorType;
  gain: number;
}

const SOUNDS: Record<SoundName, Note[]> = {
  door: [
    { freq: 660, at: 0, len: 0.09, type: 'sine', gain: 0.08 },
    { freq: 880, at: 0.1, len: 0.12, type: 'sine', gain: 0.07 },
  ],
  ring: [
    { freq: 1040, at: 0, len: 0.05, type: 'square', gain: 0.03 },
    { freq: 1040, at: 0.08, len: 0.05, type: 'square', gain: 0.03 },
  ],
  click: [{ freq: 520, at: 0, len: 0.04, type: 'triangle', gain: 0.08 }],
  inspection: [
    { freq: 523, at: 0, len: 0.15, type: 'triangle', gain: 0.1 },
    { freq: 659, at: 0.15, len: 0.15, type: 'triangle', gain: 0.1 },
    { freq: 784, at: 0.3, len: 0.3, type: 'triangle', gain: 0.1 },
  ],
  end: [
    { freq: 784, at: 0, len: 0.2, type: 'sine', gain: 0.09 },
    { freq: 523, at: 0.2, len: 0.35, type: 'sine', gain: 0.09 },
  ],
};

/** Each sound at most this often (seconds), so a busy office hums rather than screeches. */
const MIN_GAP = 0.6;

export function createSound(isMuted: () => boolean) {
  let ctx: AudioContext | null = null;
  let unlocked = false;
  const last = new Map<SoundName, number>();
  const unlock = () => {
    unlocked = true;
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('keydown', unlock, { once: true });

  return (name: SoundName) => {
    if (isMuted() || !unlocked || typeof AudioContext === 'undefined') return;
    try {
      ctx ??= new AudioContext();
      const now = ctx.currentTime;
      if (now - (last.get(name) ?? -Infinity) < MIN_GAP) return;
      last.set(name, now);
      for (const n of SOUNDS[name]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = n.type;
        osc.frequency.value = n.freq;
        gain.gain.setValueAtTime(n.gain, now + n.at);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + n.at + n.len);
        osc.connect(gain).connect(ctx.destination);
        osc.start(now + n.at);
        osc.stop(now + n.at + n.len + 0.02);
      }
    } catch {
      // no audio device: play on in silence
    }
  };
}
