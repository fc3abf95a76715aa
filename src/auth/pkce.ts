import { createHash, randomBytes } from 'crypto';

// PKCE (RFC 7636) and the anti-forgery `state`. base64url output only uses A-Z a-z 0-9 - _,
// a subset of the verifier charset Spotify accepts.

const VERIFIER_BYTES = 64; // 86 characters, inside Spotify's 43-128 range
const STATE_BYTES = 32;

function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function createCodeVerifier(): string {
  return base64url(randomBytes(VERIFIER_BYTES));
}

export function codeChallengeS256(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

export function createState(): string {
  return base64url(randomBytes(STATE_BYTES));
}
