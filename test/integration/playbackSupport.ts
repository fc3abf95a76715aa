import * as vscode from 'vscode';
import type { Device } from '../../src/spotify/types';
import { defaultDevices } from '../../emulator/world/devices';
import { until } from '../../sim/until';
import { emulator, extensionApi, signedInAccount, signIn, VSCODE_WAIT } from './helpers';

// What the playback suites share: a signed-in extension on a fresh emulator world, and a view of
// what the user is shown (notifications, pickers). The extension and these tests share one
// `vscode` API object, so wrapping a `window` function sees exactly what the extension calls.

export const ALL_DEVICES = ['computer', 'phone', 'speaker', 'cast-group'];

export async function freshSignedInWorld(): Promise<void> {
  // These suites expect a change made on the phone to show within seconds: no daily budget, so the
  // focused window reads every 5 s. The budget's pacing has its own tests (unit, benchmark, e2e).
  await vscode.workspace.getConfiguration('backbeat').update('dailyRequestBudget', 0, vscode.ConfigurationTarget.Global);
  await emulator().clearFaults();
  await emulator().configure({ devices: ALL_DEVICES, premium: true, stateLagMs: 0 });
  await emulator().reset();
  if (!(await signedInAccount())) await signIn();
  const api = await extensionApi();
  // After "nothing playing" the extension reads rarely; pressing play on the computer, as a user
  // would, makes it read back at once.
  await vscode.commands.executeCommand('backbeat.selectDevice', emulatorDevice('Backbeat Test Computer'));
  await until('Teardrop playing in the extension', () => {
    const s = api.nowPlaying();
    return s?.title === 'Teardrop' && s.isPlaying && s.deviceName === 'Backbeat Test Computer' && s.positionMs < 60_000;
  }, VSCODE_WAIT);
}

/** One of the emulator's devices as Backbeat sees it (ids are derived from names, so no request is needed). */
export function emulatorDevice(name: string): Device & { id: string } {
  const device = defaultDevices().find((d) => d.name === name && d.id !== null);
  if (!device) throw new Error(`the emulator has no targetable device ${name}`);
  const { id, type, isRestricted, supportsVolume, initialVolume } = device;
  return { id: id!, name, type, isActive: false, isRestricted, supportsVolume, volumePercent: initialVolume };
}

interface Shown {
  severity: 'error' | 'warning' | 'info';
  text: string;
  actions: string[];
}

type Show = (message: string, ...items: string[]) => Thenable<string | undefined>;

/**
 * Records every notification until disposed. `answer` picks the button the "user" clicks
 * (none by default: the notification is dismissed).
 */
export function watchNotifications(answer: (shown: Shown) => string | undefined = () => undefined): { shown: Shown[]; dispose(): void } {
  const shown: Shown[] = [];
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = { error: window.showErrorMessage, warning: window.showWarningMessage, info: window.showInformationMessage };
  const fake = (severity: Shown['severity']): Show => (text, ...actions) => {
    const entry = { severity, text, actions: actions.filter((a) => typeof a === 'string') };
    shown.push(entry);
    return Promise.resolve(answer(entry));
  };
  window.showErrorMessage = fake('error');
  window.showWarningMessage = fake('warning');
  window.showInformationMessage = fake('info');
  return {
    shown,
    dispose() {
      window.showErrorMessage = originals.error;
      window.showWarningMessage = originals.warning;
      window.showInformationMessage = originals.info;
    },
  };
}

/**
 * Hands over the next quick pick the extension creates, so a test can type and choose in it
 * the way a person would (the picker itself is the real one, shown in the workbench).
 */
export function nextQuickPick(): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const window = vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  return new Promise((resolve) => {
    window.createQuickPick = <T extends vscode.QuickPickItem>() => {
      window.createQuickPick = original;
      const picker = original<T>();
      resolve(picker as unknown as vscode.QuickPick<vscode.QuickPickItem>);
      return picker;
    };
  });
}

/** Types `text` to narrow the picker down, as a person would, and presses Enter on the row it leaves first. */
export async function choose(picker: vscode.QuickPick<vscode.QuickPickItem>, text: string): Promise<vscode.QuickPickItem> {
  if (picker.value !== text) picker.value = text;
  const row = await until(`a row "${text}"`, () => picker.items.find((i) => i.label.includes(text)), VSCODE_WAIT);
  // The workbench focuses the first match and tells the extension; Enter before that would take another row.
  await until(`"${text}" focused`, () => picker.activeItems[0]?.label.includes(text), VSCODE_WAIT);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return row;
}

/**
 * Runs `command`, hands the quick pick it opens to `beforeChoosing` (to look at it or type in it),
 * then chooses the row `text` as a person would and waits for the command to finish.
 */
export async function runAndChoose(
  command: string, text: string, beforeChoosing?: (picker: vscode.QuickPick<vscode.QuickPickItem>) => void | Promise<void>,
): Promise<void> {
  const picking = nextQuickPick();
  const done = vscode.commands.executeCommand(command);
  const picker = await picking;
  await beforeChoosing?.(picker);
  await choose(picker, text);
  await done;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
