import fetch from 'node-fetch';
import type { QuotaReport } from './dailyQuota';
import type { EmulatorSnapshot, RecordedRequest } from './emulator';
import type { Fault } from './faults';
import type { EmulatorOptions } from './options';
import type { PhoneAction } from './world/player';

/** Drives an emulator running in another process through its /__emulator HTTP API. */
export class EmulatorControl {
  constructor(private readonly controlUrl: string) {}

  snapshot(): Promise<EmulatorSnapshot> {
    return this.call('GET', '/snapshot') as Promise<EmulatorSnapshot>;
  }

  /** How much of the daily quota each Client ID has spent. */
  quota(): Promise<QuotaReport> {
    return this.call('GET', '/quota') as Promise<QuotaReport>;
  }

  /** Every credential the emulator issued, for leak scans of what the extension wrote. */
  secrets(): Promise<string[]> {
    return this.call('GET', '/secrets') as Promise<string[]>;
  }

  async configure(patch: Partial<Omit<EmulatorOptions, 'clock' | 'host' | 'port'>>): Promise<void> {
    await this.call('POST', '/configure', patch);
  }

  async addFault(fault: Fault): Promise<void> {
    // JSON cannot carry Infinity; the server reads null as "forever".
    await this.call('POST', '/faults', { ...fault, times: fault.times === Infinity ? null : fault.times });
  }

  async clearFaults(): Promise<void> { await this.call('DELETE', '/faults'); }
  async revoke(): Promise<void> { await this.call('POST', '/revoke'); }
  async expire(): Promise<void> { await this.call('POST', '/expire'); }
  /** Six months pass for every sign-in (Spotify's limit): the next refresh answers "Refresh token expired". */
  async expireGrants(): Promise<void> { await this.call('POST', '/expire-grants'); }
  async phone(action: PhoneAction): Promise<void> { await this.call('POST', '/phone', action); }
  /** Presses a button in the desktop app itself (the emulator must publish one). */
  async desktop(action: PhoneAction): Promise<void> { await this.call('POST', '/desktop', action); }
  async reset(options: { grants?: boolean } = {}): Promise<void> { await this.call('POST', '/reset', options); }
  requests(): Promise<RecordedRequest[]> { return this.call('GET', '/requests') as Promise<RecordedRequest[]>; }
  async clearRequests(): Promise<void> { await this.call('DELETE', '/requests'); }
  /** Requests to the LRCLIB stand-in, which the Spotify request log leaves out. */
  lyricsRequests(): Promise<RecordedRequest[]> { return this.call('GET', '/lyrics-requests') as Promise<RecordedRequest[]>; }
  async clearLyricsRequests(): Promise<void> { await this.call('DELETE', '/lyrics-requests'); }

  /** Moves a VirtualClock on; fails (409) when the emulator runs on the real clock. Returns the new time. */
  async advanceClock(ms: number): Promise<number> {
    const answer = await this.call('POST', '/clock/advance', { ms }) as { now: number };
    return answer.now;
  }

  private async call(method: string, path: string, body: unknown = method === 'POST' ? {} : undefined): Promise<unknown> {
    // Every POST is JSON, even without arguments: the emulator refuses other POSTs.
    const response = await fetch(`${this.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path} failed: ${response.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }
}
