import { PlayerError } from '../errors';
import { empty, json, parseJsonBody, Reply } from '../http';
import { PlayRequest } from '../world/player';
import { RepeatState } from '../world/playbackState';
import { World } from '../world/world';
import { intParam, requiredInt, requiredParam } from './params';
import { currentlyPlayingJson, devicesJson, playbackStateJson, queueJson } from './playbackJson';
import { ApiRequest, Route } from './route';

const READ_STATE = ['user-read-playback-state'];
const READ_CURRENT = ['user-read-currently-playing', 'user-read-playback-state'];
const MODIFY = ['user-modify-playback-state'];
const MAX_HISTORY_PAGE = 50;

/** additional_types=episode lets episodes through; without it they read as item null. */
function wantsEpisodes(req: ApiRequest): boolean {
  return (req.query.additional_types ?? '').split(',').includes('episode');
}

function jsonBody(req: ApiRequest): Record<string, unknown> {
  let body: unknown;
  try {
    body = parseJsonBody(req.body);
  } catch {
    throw new PlayerError(400, 'Malformed json');
  }
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new PlayerError(400, 'Malformed json');
  return body as Record<string, unknown>;
}

function playRequest(body: Record<string, unknown>): PlayRequest {
  const { context_uri: contextUri, uris, offset, position_ms: positionMs } = body;
  if (contextUri !== undefined && typeof contextUri !== 'string') throw new PlayerError(400, 'Invalid context uri');
  if (uris !== undefined && (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string'))) {
    throw new PlayerError(400, 'Invalid uris');
  }
  if (positionMs !== undefined && (typeof positionMs !== 'number' || positionMs < 0)) {
    throw new PlayerError(400, 'Invalid position_ms');
  }
  if (offset !== undefined && (typeof offset !== 'object' || offset === null)) throw new PlayerError(400, 'Invalid offset');
  return { contextUri, uris: uris as string[] | undefined, offset: offset as PlayRequest['offset'], positionMs };
}

function booleanParam(query: Record<string, string>, name: string): boolean {
  const value = requiredParam(query, name);
  if (value !== 'true' && value !== 'false') throw new PlayerError(400, `Invalid ${name}`);
  return value === 'true';
}

export function playerRoutes(world: World): Route[] {
  const player = world.player;
  const done = (): Reply => empty(204);
  const command = (method: string, path: string, run: (req: ApiRequest, deviceId: string | undefined) => void): Route => ({
    method, path, scopes: MODIFY, command: true,
    handle: (req) => {
      run(req, req.query.device_id);
      return done();
    },
  });

  return [
    {
      method: 'GET', path: '/me/player', scopes: READ_STATE,
      handle: (req) => {
        const state = player.visible();
        return state.activeKey === null ? done() : json(200, playbackStateJson(world, state, wantsEpisodes(req)));
      },
    },
    {
      method: 'GET', path: '/me/player/currently-playing', scopes: READ_CURRENT,
      handle: (req) => {
        const state = player.visible();
        return state.activeKey === null ? done() : json(200, currentlyPlayingJson(world, state, wantsEpisodes(req)));
      },
    },
    { method: 'GET', path: '/me/player/devices', scopes: READ_STATE, handle: () => json(200, devicesJson(world, player.visible())) },
    { method: 'GET', path: '/me/player/queue', scopes: READ_CURRENT, handle: () => json(200, queueJson(world, player.visible())) },
    {
      method: 'GET', path: '/me/player/recently-played', scopes: ['user-read-recently-played'],
      handle: (req) => json(200, recentlyPlayedJson(world, req)),
    },
    command('PUT', '/me/player/play', (req, deviceId) => player.play(playRequest(jsonBody(req)), deviceId)),
    command('PUT', '/me/player/pause', (_req, deviceId) => player.pause(deviceId)),
    command('POST', '/me/player/next', (_req, deviceId) => player.next(deviceId)),
    command('POST', '/me/player/previous', (_req, deviceId) => player.previous(deviceId)),
    command('PUT', '/me/player/seek', (req, deviceId) =>
      player.seek(requiredInt(req.query, 'position_ms', 0, Number.MAX_SAFE_INTEGER), deviceId)),
    command('PUT', '/me/player/volume', (req, deviceId) =>
      player.setVolume(requiredInt(req.query, 'volume_percent', 0, 100), deviceId)),
    command('PUT', '/me/player/shuffle', (req, deviceId) => player.setShuffle(booleanParam(req.query, 'state'), deviceId)),
    command('PUT', '/me/player/repeat', (req, deviceId) => {
      const state = requiredParam(req.query, 'state');
      if (!['track', 'context', 'off'].includes(state)) throw new PlayerError(400, 'State must be one of track, context or off');
      player.setRepeat(state as RepeatState, deviceId);
    }),
    command('POST', '/me/player/queue', (req, deviceId) => player.addToQueue(requiredParam(req.query, 'uri'), deviceId)),
    command('PUT', '/me/player', (req) => {
      const body = jsonBody(req);
      const ids = body.device_ids;
      if (!Array.isArray(ids) || ids.length === 0 || typeof ids[0] !== 'string') throw new PlayerError(400, 'Missing device_ids');
      if (ids.length > 1) throw new PlayerError(400, 'Only one device_id is currently supported');
      if (body.play !== undefined && typeof body.play !== 'boolean') throw new PlayerError(400, 'Invalid play');
      player.transfer(ids[0], body.play);
    }),
  ];
}

/** GET /me/player/recently-played: newest first, with millisecond cursors. */
function recentlyPlayedJson(world: World, req: ApiRequest): object {
  world.player.live(); // plays the clock forward so finished tracks are in the history
  const limit = intParam(req.query, 'limit', 20, 1, MAX_HISTORY_PAGE);
  const { before, after } = req.query;
  if (before !== undefined && after !== undefined) throw new PlayerError(400, 'Only one of before and after may be specified');
  const cursor = (name: string) => intParam(req.query, name, 0, 0, Number.MAX_SAFE_INTEGER);
  let entries = world.player.history;
  if (before !== undefined) entries = entries.filter((e) => e.playedAt < cursor('before'));
  if (after !== undefined) entries = entries.filter((e) => e.playedAt > cursor('after'));
  const page = entries.slice(0, limit);
  const endpoint = `${world.apiUrl()}/me/player/recently-played`;
  const oldest = page[page.length - 1];
  return {
    items: page.map((e) => {
      const track = world.catalogue.tracks.get(e.uri);
      return {
        track: track ? world.objects.track(track) : null,
        played_at: new Date(e.playedAt).toISOString(),
        context: e.contextUri ? world.objects.context(e.contextUri) : null,
      };
    }),
    next: entries.length > limit && oldest ? `${endpoint}?before=${oldest.playedAt}&limit=${limit}` : null,
    cursors: page.length > 0 ? { after: String(page[0].playedAt), before: String(oldest.playedAt) } : null,
    limit,
    href: `${endpoint}?${new URLSearchParams(req.query).toString()}`,
  };
}
