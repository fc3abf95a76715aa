import { spotifyCoverUrl } from '../spotify/coverUrl';
import type { LocalCapabilities, LocalPlayerState, LocalStatus } from './localPlayer';

// The lines the macOS and Windows helper scripts write, one JSON object each, turned into
// Backbeat's view. Both scripts speak the same small language, so one reader serves both:
//   {"running":false}
//   {"running":true,"status":"playing","title":"…","artists":["…"],"album":"…","artUrl":"https://…",
//    "uri":"spotify:track:…","durationMs":330000,"positionMs":61000,"can":{"playPause":true,…}}
//   {"ack":3,"ok":true} / {"ack":3,"ok":false,"error":"…"}   (an answer to command 3)
//   {"problem":"automation","message":"…"}                     (it cannot do its job; it says why)
//   {"problem":"notInstalled"|"unsupported","message":"…"}     (never on this machine; it then ends)
//   {"polling":true}                     (it cannot be told of changes and reads every 2 s instead)
//   {"alive":true}                       (the heartbeat, at least every 5 s)
// Anything else (a line from a newer script) is ignored.

type HelperReport =
  | { kind: 'state'; state: LocalPlayerState }
  | { kind: 'ack'; id: number; ok: boolean; error?: string }
  | { kind: 'problem'; problem: string; message: string }
  | { kind: 'polling' }
  | { kind: 'alive' };

const STATUSES: readonly LocalStatus[] = ['playing', 'paused', 'stopped'];
const NONE: LocalCapabilities = { playPause: false, next: false, previous: false, seek: false, openUri: false, position: false };

const text = (value: unknown, max = 500): string | undefined => (typeof value === 'string' && value.trim() ? value.slice(0, max) : undefined);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0);

export function parseHelperLine(line: string, now: number): HelperReport | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  if (typeof o.ack === 'number') return { kind: 'ack', id: o.ack, ok: o.ok === true, error: text(o.error, 300) };
  if (typeof o.problem === 'string') return { kind: 'problem', problem: o.problem, message: text(o.message, 300) ?? o.problem };
  if (o.polling === true) return { kind: 'polling' };
  if (o.alive === true) return { kind: 'alive' };
  if (o.running === false) return { kind: 'state', state: { running: false, status: 'stopped', positionMs: 0, observedAt: now, capabilities: NONE } };
  if (o.running !== true) return undefined;
  const title = text(o.title);
  const can = (o.can && typeof o.can === 'object' ? o.can : {}) as Record<string, unknown>;
  const artUrl = text(o.artUrl);
  const uri = text(o.uri);
  return {
    kind: 'state',
    state: {
      running: true,
      status: title && STATUSES.includes(o.status as LocalStatus) ? (o.status as LocalStatus) : 'stopped',
      track: title ? {
        title,
        artists: Array.isArray(o.artists) ? o.artists.map((a) => text(a)).filter((a): a is string => !!a) : [],
        album: text(o.album),
        artUrl: spotifyCoverUrl(artUrl),
        uri: uri && /^spotify:[a-z]+:[A-Za-z0-9]+$/.test(uri) ? uri : undefined,
        durationMs: count(o.durationMs),
      } : undefined,
      positionMs: count(o.positionMs),
      observedAt: now,
      capabilities: {
        playPause: can.playPause === true,
        next: can.next === true,
        previous: can.previous === true,
        seek: can.seek === true,
        openUri: can.openUri === true,
        position: can.position !== false,
      },
    },
  };
}
