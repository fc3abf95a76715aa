import { systemClock } from '../../src/clock';
import { SpotifyClient } from '../../src/spotify/client';
import { HttpMethod, Query, SpotifyHttp } from '../../src/spotify/http';
import { RetryAfterGate } from '../../src/spotify/retryAfterGate';
import type { Emulator } from '../../emulator';
import { RecordingLog } from '../../sim/recordingLog';
import { signInToEmulator } from '../../sim/emulatorSignIn';

/** One request exactly as the client built it (the emulator's own log keeps no bodies). */
export interface SentRequest {
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** The real HTTP layer, noting what it sends; every request still goes to the emulator. */
class NotingHttp extends SpotifyHttp {
  readonly sent: SentRequest[] = [];

  override request(method: HttpMethod, path: string, query?: Query, body?: unknown) {
    const defined = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
    this.sent.push({ method, path, query: Object.fromEntries(defined.map(([k, v]) => [k, String(v)])), body: body === undefined ? undefined : JSON.parse(JSON.stringify(body)) });
    return super.request(method, path, query, body);
  }
}

/** A SpotifyClient signed in to the emulator with every scope Backbeat asks for (or with `scopes`). */
export async function emulatorClient(emu: Emulator, scopes?: readonly string[]): Promise<{ client: SpotifyClient; sent: SentRequest[]; log: RecordingLog }> {
  const log = new RecordingLog();
  const session = await signInToEmulator(emu, systemClock, log, scopes);
  const http = new NotingHttp({
    apiUrl: () => emu.apiUrl,
    tokens: {
      accessToken: async () => session.accessToken,
      accessTokenAfterRejection: async () => {
        throw new Error('the emulator rejected a fresh token');
      },
    },
    gate: new RetryAfterGate(systemClock),
    clock: systemClock,
    log,
    timeoutMs: 2_000,
  });
  return { client: new SpotifyClient(http), sent: http.sent, log };
}
