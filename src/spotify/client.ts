import { SpotifyError } from './errors';
import type { SpotifyHttp } from './http';
import { parseAccount, parsePlayback } from './parse';
import type { Account, PlaybackSnapshot } from './types';

/** Typed Spotify Web API endpoints. Every view and command goes through one instance of it. */
export class SpotifyClient {
  constructor(readonly http: SpotifyHttp) {}

  async me(): Promise<Account> {
    const { data } = await this.http.request('GET', '/me');
    const account = parseAccount(data);
    if (!account) throw new SpotifyError('malformed', 'Spotify sent a profile Backbeat could not read.');
    return account;
  }

  /** The playback state, or `undefined` when nothing is active (Spotify's 204). */
  async playback(): Promise<PlaybackSnapshot | undefined> {
    const { data } = await this.http.request('GET', '/me/player', { additional_types: 'episode' });
    return parsePlayback(data);
  }

  async play(deviceId?: string): Promise<void> {
    await this.http.request('PUT', '/me/player/play', { device_id: deviceId });
  }

  async pause(deviceId?: string): Promise<void> {
    await this.http.request('PUT', '/me/player/pause', { device_id: deviceId });
  }
}
