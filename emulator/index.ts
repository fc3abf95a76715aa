// The local Spotify that tests, benchmarks and the sandbox run against: accounts service
// (/authorize, /api/token), Web API (/v1) and a control API (/__emulator), all on one port.

import { SpotifyEmulator } from './emulator';
import type { Emulator } from './emulator';
import type { EmulatorOptions } from './options';

export { realClock, VIRTUAL_START_MS, VirtualClock } from './clock';
export type { Clock } from './clock';
export type { Emulator, EmulatorSnapshot, RecordedRequest } from './emulator';
export type { QuotaLock, QuotaReport, QuotaUse } from './dailyQuota';
export type { Fault } from './faults';
export { closedEndpointFault, quotaExceededFault, rateLimitFault } from './faults';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URIS } from './options';
export type { EmulatorOptions } from './options';
export { SCOPES_ALL } from './scopes';
export type { PhoneAction } from './world/player';
export type { DesktopView } from './desktop/desktopView';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new SpotifyEmulator(options);
  await emulator.start();
  return emulator;
}
