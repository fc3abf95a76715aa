import type { Device } from '../spotify/types';
import { l10n } from '../l10n';

// What a command may end in besides success or a Spotify refusal, for src/present/errorMessages.ts
// to put into words.

/**
 * Spotify's NO_ACTIVE_DEVICE when exactly one device could take over: the message offers that
 * device by name, so one click starts playback there.
 */
export class NoActiveDeviceButOne extends Error {
  constructor(readonly device: Device & { id: string }) {
    super(l10n.t('No active Spotify device; {0} is available.', device.name));
  }
}

/** A Free account's command went to the Spotify app on this computer instead: said once, as information. */
export class FreeAccountUsesLocalApp extends Error {
  constructor() {
    super(
      l10n.t(
        'Your Spotify account is Free: Backbeat controls the Spotify app on this computer instead (play/pause, next, previous, seek). Devices, volume, shuffle, repeat, the queue and starting something new need Premium.',
      ),
    );
  }
}
