import { deviceId } from '../ids';

/** A Spotify Connect device as the emulator models it; `key` is internal, `id` may be null. */
export interface Device {
  key: string;
  id: string | null;
  name: string;
  type: string;
  supportsVolume: boolean;
  isRestricted: boolean;
  initialVolume: number | null;
}

/**
 * The user's devices: the computer plays at start; the phone cannot take volume commands;
 * the speaker refuses Web API commands; the Cast group has no id at all (Spotify does that).
 */
export function defaultDevices(): Device[] {
  return [
    { key: 'computer', id: deviceId('Backbeat Test Computer'), name: 'Backbeat Test Computer', type: 'Computer',
      supportsVolume: true, isRestricted: false, initialVolume: 60 },
    { key: 'phone', id: deviceId('Pixel Phone'), name: 'Pixel Phone', type: 'Smartphone',
      supportsVolume: false, isRestricted: false, initialVolume: 100 },
    { key: 'speaker', id: deviceId('Kitchen Speaker'), name: 'Kitchen Speaker', type: 'Speaker',
      supportsVolume: true, isRestricted: true, initialVolume: 35 },
    { key: 'cast-group', id: null, name: 'Living Room Group', type: 'CastAudio',
      supportsVolume: false, isRestricted: false, initialVolume: null },
  ];
}

export function deviceObject(device: Device, isActive: boolean, volume: number | null): object {
  return {
    id: device.id,
    is_active: isActive,
    is_private_session: false,
    is_restricted: device.isRestricted,
    name: device.name,
    supports_volume: device.supportsVolume,
    type: device.type,
    volume_percent: volume,
  };
}
