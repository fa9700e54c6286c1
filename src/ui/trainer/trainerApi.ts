// The trainer's page talking to the session service: each call with the trainer's token, which
// is kept in this browser per session (or arrives once in a #key= link from another device).
import { ROOM_WORDS as W } from '../../content/room';
import { type Answer, callService } from '../../room/http';
import type { Command, Dashboard, SessionConfig } from '../../room/protocol';
import type { ImportResult } from '../../room/resultCode';

const tokenKey = (code: string) => `its-the-system/trainer/${code}`;
const SESSIONS_KEY = 'its-the-system/trainer/sessions';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function keptToken(code: string): string | null {
  return storage()?.getItem(tokenKey(code)) ?? null;
}

export function keepToken(code: string, token: string): void {
  try {
    storage()?.setItem(tokenKey(code), token);
    const codes = keptSessions().filter((c) => c !== code);
    storage()?.setItem(SESSIONS_KEY, JSON.stringify([code, ...codes].slice(0, 20)));
  } catch {
    // A private window: the session still runs; this page must stay open to command it.
  }
}

/** Sessions this browser has made, newest first. */
export function keptSessions(): string[] {
  try {
    const list = JSON.parse(storage()?.getItem(SESSIONS_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string' && /^[A-Z0-9]{6}$/.test(c)) : [];
  } catch {
    return [];
  }
}

function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<Answer<T>> {
  return callService<T>((input, options) => fetch(input, options), path, init, token, W.unreachable);
}

export function createSession(config: SessionConfig) {
  return call<{ code: string; trainerToken: string; joinUrl: string }>('/api/sessions', { method: 'POST', body: JSON.stringify(config) });
}

export function sendCommand(code: string, token: string, command: Command) {
  return call<unknown>(`/api/sessions/${code}/commands`, { method: 'POST', body: JSON.stringify(command) }, token);
}

export function addBots(code: string, token: string) {
  return call<Dashboard>(`/api/sessions/${code}/bots`, { method: 'POST', body: '{}' }, token);
}

export function verifyAll(code: string, token: string) {
  return call<Dashboard>(`/api/sessions/${code}/verify`, { method: 'POST' }, token);
}

/** Result codes into the session: one result per code, in order. */
export function importResults(code: string, token: string, codes: readonly string[]) {
  return call<{ results: ImportResult[] }>(`/api/sessions/${code}/results`, { method: 'POST', body: JSON.stringify({ codes }) }, token);
}

export const streamUrl = (code: string, token: string) => `/api/sessions/${code}/stream?token=${encodeURIComponent(token)}`;
export const exportUrl = (code: string, token: string, kind: 'json' | 'csv') => `/api/sessions/${code}/export.${kind}?token=${encodeURIComponent(token)}`;
export const qrUrl = (code: string) => `/api/sessions/${code}/qr.svg`;
