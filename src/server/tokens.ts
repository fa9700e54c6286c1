// Secrets and names the service hands out: tokens from the operating system's cryptographic
// source, kept only as hashes (a copied database lets no one act as a team), and join codes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../room/protocol';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A team's id within its session: short, random, never a secret. */
export function newTeamId(): string {
  return randomBytes(6).toString('base64url');
}
