import { createHash, randomBytes } from 'crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A Spotify-looking id (22 base62 characters) derived from a seed, so the catalogue's
 * ids are stable between runs without hand-writing dozens of them.
 */
export function spotifyId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; id.length < 22; i++) {
    id += BASE62[digest[i] % 62];
  }
  return id;
}

/** A 40-hex device id, the shape Spotify Connect uses. */
export function deviceId(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** An opaque, unguessable credential (code, access or refresh token), base64url like Spotify's. */
export function opaqueToken(prefix: string, bytes = 48): string {
  return prefix + randomBytes(bytes).toString('base64url');
}
