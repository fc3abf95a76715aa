import { PlayerError } from '../errors';

/** Query parameter parsing that fails the way Spotify does: a 400 with a short message. */

export function requiredParam(query: Record<string, string>, name: string): string {
  const value = query[name];
  if (value === undefined || value === '') throw new PlayerError(400, `Required parameter ${name} missing`);
  return value;
}

export function intParam(query: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) throw new PlayerError(400, `Invalid ${name}`);
  return value;
}

/** A comma separated list of Spotify URIs, at most `max` (Spotify's library endpoints take 40). */
export function uriListParam(query: Record<string, string>, allowedTypes: readonly string[], max: number): string[] {
  const uris = requiredParam(query, 'uris').split(',').map((u) => u.trim()).filter((u) => u !== '');
  if (uris.length > max) throw new PlayerError(400, 'Too many ids requested');
  for (const uri of uris) {
    const match = /^spotify:([a-z]+):[A-Za-z0-9]{1,40}$/.exec(uri);
    if (!match || !allowedTypes.includes(match[1])) throw new PlayerError(400, `Unsupported URI: ${uri}`);
  }
  return uris;
}

export function requiredInt(query: Record<string, string>, name: string, min: number, max: number): number {
  requiredParam(query, name);
  return intParam(query, name, 0, min, max);
}
