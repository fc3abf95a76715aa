import type { Clock } from '../clock';
import type { SpotifyClient } from './client';
import type { Device } from './types';

// The user's Spotify Connect devices, remembered for a short while: the device picker and the
// "no active device" advice ask often, and devices come and go far less often than that.

const DEVICES_FRESH_FOR_MS = 30_000;

export class DeviceList {
  private known: { devices: Device[]; at: number } | undefined;
  private asking: Promise<Device[]> | undefined;

  constructor(
    private readonly client: Pick<SpotifyClient, 'devices'>,
    private readonly clock: Clock,
  ) {}

  /** The devices, from memory when fresh; one request shared by every caller otherwise. Throws Spotify's refusals. */
  list(): Promise<Device[]> {
    const known = this.known;
    if (known && this.clock.monotonic() - known.at < DEVICES_FRESH_FOR_MS) return Promise.resolve(known.devices);
    this.asking ??= this.client
      .devices()
      .then((devices) => {
        this.known = { devices, at: this.clock.monotonic() };
        return devices;
      })
      .finally(() => (this.asking = undefined));
    return this.asking;
  }

  /** Playback moved or the account changed: the next list is asked for. */
  forget(): void {
    this.known = undefined;
  }
}
