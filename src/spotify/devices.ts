import type { Device } from './types';

// Which devices playback can be moved to: Spotify lists some without an id (not targetable).

type TargetableDevice = Device & { id: string };

export function targetable(device: Device): device is TargetableDevice {
  return device.id !== null;
}

/** The one device playback could move to when none is active, if there is exactly one. */
export function onlyAvailableDevice(devices: readonly Device[]): TargetableDevice | undefined {
  const candidates = devices.filter(targetable).filter((d) => !d.isRestricted);
  return candidates.length === 1 ? candidates[0] : undefined;
}
