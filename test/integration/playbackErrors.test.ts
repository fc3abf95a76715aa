import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, VSCODE_WAIT } from './helpers';
import { ALL_DEVICES, emulatorDevice, freshSignedInWorld, pause, watchNotifications } from './playbackSupport';

// When Spotify says no: one line with the action that fixes it, the optimistic change rolled
// back, and one notification per cause however often it happens. Each test uses a cause of its
// own, because a cause shown once stays quiet for a while (that is the point).

describe('playback: answers when Spotify says no', function () {
  this.timeout(60_000);

  beforeEach(freshSignedInWorld);
  afterEach(async () => {
    await emulator().clearFaults();
    await emulator().configure({ devices: ALL_DEVICES, premium: true });
  });

  it('no active device, one device online: offers it by name, and one click plays there', async () => {
    await emulator().configure({ devices: ['computer'] });
    await emulator().phone({ type: 'stop' });
    const api = await extensionApi();
    await until('nothing active', () => api.signedIn && !api.nowPlaying(), VSCODE_WAIT);
    const notes = watchNotifications((shown) => shown.actions[0]);
    try {
      await vscode.commands.executeCommand('backbeat.play');
      await until('a notification', () => notes.shown.length > 0, VSCODE_WAIT);
      assert.deepStrictEqual(notes.shown[0], {
        severity: 'warning',
        text: 'No active Spotify device. Play on Backbeat Test Computer?',
        actions: ['Play on Backbeat Test Computer', 'Select Device'],
      });
      await until('playing on the computer', async () => {
        const live = await emulator().snapshot();
        return live.isPlaying && live.deviceName === 'Backbeat Test Computer';
      }, VSCODE_WAIT);
    } finally {
      notes.dispose();
    }
  });

  it('Premium required: says so once, however many commands fail, and rolls back', async () => {
    await emulator().configure({ premium: false });
    const api = await extensionApi();
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.pause');
      assert.strictEqual(api.nowPlaying()?.isPlaying, true, 'the optimistic pause was rolled back');
      await vscode.commands.executeCommand('backbeat.next');
      await vscode.commands.executeCommand('backbeat.volumeUp');
      await pause(300);
      assert.strictEqual(notes.shown.length, 1, JSON.stringify(notes.shown));
      assert.match(notes.shown[0].text, /needs Spotify Premium/);
      assert.strictEqual(api.nowPlaying()?.volumePercent, 60);
      assert.strictEqual((await emulator().snapshot()).itemName, 'Teardrop');
    } finally {
      notes.dispose();
    }
  });

  it('a phone that refuses volume: one line offering another device, volume shown as before', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('backbeat.selectDevice', emulatorDevice('Pixel Phone'));
    await until('playing on the phone', async () => (await emulator().snapshot()).deviceName === 'Pixel Phone', VSCODE_WAIT);
    await until('the phone in the state', () => api.nowPlaying()?.deviceName === 'Pixel Phone', VSCODE_WAIT);
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.volumeDown');
      await until('a notification', () => notes.shown.length > 0, VSCODE_WAIT);
      assert.deepStrictEqual(notes.shown[0], { severity: 'warning', text: 'This device does not let other apps change its volume.', actions: ['Select Device'] });
      assert.strictEqual(api.nowPlaying()?.volumePercent, 100);
    } finally {
      notes.dispose();
    }
  });

  it('a restricted device and a device that went away: each a one-line message with Select Device', async () => {
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.selectDevice', emulatorDevice('Kitchen Speaker'));
      await vscode.commands.executeCommand('backbeat.selectDevice', { id: '0123456789abcdef0123456789abcdef01234567', name: 'Old Phone', type: 'Smartphone', isActive: false, isRestricted: false, supportsVolume: true, volumePercent: 50 });
      await until('two notifications', () => notes.shown.length === 2, VSCODE_WAIT);
      assert.match(notes.shown[0].text, /^Spotify does not allow that on this device right now/);
      assert.strictEqual(notes.shown[1].text, 'That Spotify device is no longer available.');
      for (const shown of notes.shown) assert.deepStrictEqual(shown.actions, ['Select Device']);
      assert.strictEqual((await emulator().snapshot()).deviceName, 'Backbeat Test Computer');
    } finally {
      notes.dispose();
    }
  });

  it('429: says how long Spotify asked to wait; a missing scope offers to sign in again', async () => {
    await emulator().addFault({
      match: { method: 'POST', path: '/v1/me/player/next' },
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { error: { status: 429, message: 'API rate limit exceeded' } },
    });
    await emulator().addFault({
      match: { method: 'PUT', path: '/v1/me/player/shuffle' },
      status: 403,
      body: { error: { status: 403, message: 'Insufficient client scope' } },
    });
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.next');
      await pause(1_100); // Spotify's wait; retrying earlier would lengthen it
      await vscode.commands.executeCommand('backbeat.toggleShuffle');
      await until('two notifications', () => notes.shown.length === 2, VSCODE_WAIT);
      assert.strictEqual(notes.shown[0].text, 'Spotify is rate-limiting your app and asked Backbeat to wait 1s before the next request.');
      assert.deepStrictEqual(notes.shown[1].actions, ['Sign In Again']);
      for (const shown of notes.shown) assert.ok(!/[{}]/.test(shown.text), 'never a raw body');
      assert.strictEqual((await emulator().snapshot()).shuffle, false);
    } finally {
      notes.dispose();
    }
  });
});
