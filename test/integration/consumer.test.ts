import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NowPlaying } from '../../api/backbeat';
import { until } from '../../sim/until';
import { emulator, EXTENSION_ID, signOut, VSCODE_WAIT } from './helpers';
import { freshSignedInWorld } from './playbackSupport';

/** What test/fixtures/consumer/extension.js exports: what it read through Backbeat's API. */
interface Consumer {
  apiVersion: unknown;
  heard(): (NowPlaying | undefined)[];
  nowPlaying(): NowPlaying | undefined;
}
const CONSUMER_ID = 'backbeat-test.now-playing-consumer';

describe('another extension following the music through the API', function () {
  this.timeout(60_000);

  before(freshSignedInWorld);
  // The suites after this one start signed out, with the default budget.
  after(async () => {
    await signOut();
    await vscode.workspace.getConfiguration('backbeat').update('dailyRequestBudget', undefined, vscode.ConfigurationTarget.Global);
  });

  it('an installed extension depending on Backbeat reads the track, then hears a change made on the phone', async () => {
    const extension = vscode.extensions.getExtension<Consumer>(CONSUMER_ID);
    assert.ok(extension, `${CONSUMER_ID} is installed by the harness`);
    assert.deepStrictEqual(extension.packageJSON.extensionDependencies, [EXTENSION_ID]);
    const consumer = await extension.activate();
    assert.strictEqual(consumer.apiVersion, 1);
    const playing = consumer.nowPlaying();
    assert.deepStrictEqual(
      [playing?.title, playing?.artists, playing?.album, playing?.isPlaying, playing?.deviceName, playing?.source],
      ['Teardrop', 'Massive Attack', 'Mezzanine', true, 'Backbeat Test Computer', 'webApi'],
    );
    const heardBefore = consumer.heard().length;
    await emulator().phone({ type: 'next' });
    const heard = await until('the change heard by the other extension', () => consumer.heard().slice(heardBefore).find((now) => now?.title === 'Sour Times'), VSCODE_WAIT);
    assert.deepStrictEqual([heard.artists, heard.isPlaying, heard.uri?.startsWith('spotify:track:')], ['Portishead', true, true]);
  });
});
