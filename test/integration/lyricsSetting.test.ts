import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { extensionApi, VSCODE_WAIT } from './helpers';
import { watchNotifications } from './playbackSupport';

// Lyrics send what plays to LRCLIB, not Spotify: only the user turns them on (never a workspace),
// and turning them on says once what is sent and where.

describe('the lyrics setting', function () {
  this.timeout(30_000);
  let notifications: ReturnType<typeof watchNotifications>;
  const config = () => vscode.workspace.getConfiguration('backbeat');
  const lyricsNotices = () => notifications.shown.filter((n) => n.text.startsWith('Lyrics are on'));

  before(() => extensionApi());
  beforeEach(() => (notifications = watchNotifications()));
  afterEach(async () => {
    notifications.dispose();
    await config().update('lyrics', undefined, vscode.ConfigurationTarget.Global);
  });

  it('turning it on shows one information message naming what is sent and where; other changes show none', async () => {
    const lyricsHost = new URL(config().get<string>('lyricsUrl') ?? '').host;
    await config().update('lyrics', true, vscode.ConfigurationTarget.Global);
    const [notice] = await until('the lyrics notice', () => (lyricsNotices().length ? lyricsNotices() : undefined), VSCODE_WAIT);
    assert.strictEqual(notice.severity, 'info');
    for (const word of ['title, artist, album and duration', `LRCLIB at ${lyricsHost}`]) assert.ok(notice.text.includes(word), notice.text);
    await config().update('seekStepSeconds', 20, vscode.ConfigurationTarget.Global);
    await config().update('seekStepSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('lyrics', false, vscode.ConfigurationTarget.Global);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(lyricsNotices().length, 1);
  });

  it('a workspace cannot turn lyrics on', async () => {
    await assert.rejects(Promise.resolve(config().update('lyrics', true, vscode.ConfigurationTarget.Workspace)));
  });
});
