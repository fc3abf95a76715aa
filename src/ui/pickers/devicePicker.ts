import * as vscode from 'vscode';
import type { DeviceList } from '../../spotify/deviceList';
import type { Device } from '../../spotify/types';
import { targetable } from '../../spotify/devices';
import { waitForChoice } from './items';

// Select Device: the user's Spotify Connect devices with an icon for their type, the active one
// marked. Devices Spotify gives no id cannot be targeted by any app, so they are not offered.

interface DeviceItem extends vscode.QuickPickItem {
  device: Device & { id: string };
}

const TYPE_ICONS: Record<string, string> = {
  computer: 'device-desktop',
  smartphone: 'device-mobile',
  tablet: 'device-mobile',
  speaker: 'unmute',
  tv: 'screen-full',
  castvideo: 'screen-full',
  avr: 'radio-tower',
  stb: 'radio-tower',
  audiodongle: 'radio-tower',
  gameconsole: 'vm',
  castaudio: 'broadcast',
  automobile: 'broadcast',
};

function deviceIcon(type: string): string {
  return TYPE_ICONS[type.toLowerCase()] ?? 'broadcast';
}

function deviceItem(device: Device & { id: string }): DeviceItem {
  const notes = [
    device.isRestricted ? 'does not accept remote control' : undefined,
    device.supportsVolume ? undefined : 'no volume control',
  ].filter(Boolean);
  return {
    device,
    label: `$(${deviceIcon(device.type)}) ${device.name}`,
    description: device.isActive ? '$(check) active' : device.type,
    detail: notes.length ? notes.join(' · ') : undefined,
  };
}

/** Asks which device to play on; undefined when the user closes the picker. Throws Spotify's refusals. */
export async function pickDevice(devices: Pick<DeviceList, 'list'>): Promise<(Device & { id: string }) | undefined> {
  const picker = vscode.window.createQuickPick<DeviceItem>();
  picker.title = 'Spotify: Select Device';
  picker.placeholder = 'Play on…';
  picker.busy = true;
  const choice = waitForChoice(picker);
  picker.show();
  try {
    const items = (await devices.list()).filter(targetable).map(deviceItem);
    picker.busy = false;
    if (items.length === 0) picker.placeholder = 'No Spotify device is online. Open Spotify on a phone or computer, then try again.';
    picker.items = items;
    picker.activeItems = items.filter((i) => i.device.isActive);
    return (await choice)?.device;
  } finally {
    picker.dispose();
  }
}
