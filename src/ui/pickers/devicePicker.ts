import * as vscode from 'vscode';
import type { DeviceList } from '../../spotify/deviceList';
import type { Device } from '../../spotify/types';
import { targetable } from '../../spotify/devices';
import { waitForChoice } from './items';
import { deviceRowText } from '../../present/pickerRows';
import { l10n } from '../../l10n';

// Select Device: the user's Spotify Connect devices with an icon for their type, the active one
// marked. Devices Spotify gives no id cannot be targeted by any app, so they are not offered.

interface DeviceItem extends vscode.QuickPickItem {
  device: Device & { id: string };
}

function deviceItem(device: Device & { id: string }): DeviceItem {
  return { device, ...deviceRowText(device) };
}

/** Asks which device to play on; undefined when the user closes the picker. Throws Spotify's refusals. */
export async function pickDevice(devices: Pick<DeviceList, 'list'>): Promise<(Device & { id: string }) | undefined> {
  const picker = vscode.window.createQuickPick<DeviceItem>();
  picker.title = l10n.t('Spotify: Select Device');
  picker.placeholder = l10n.t('Play on…');
  picker.busy = true;
  const choice = waitForChoice(picker);
  picker.show();
  try {
    const items = (await devices.list()).filter(targetable).map(deviceItem);
    picker.busy = false;
    if (items.length === 0) picker.placeholder = l10n.t('No Spotify device is online. Open Spotify on a phone or computer, then try again.');
    picker.items = items;
    picker.activeItems = items.filter((i) => i.device.isActive);
    return (await choice)?.device;
  } finally {
    picker.dispose();
  }
}
