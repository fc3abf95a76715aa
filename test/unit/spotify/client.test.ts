import * as assert from 'assert';
import { SpotifyClient } from '../../../src/spotify/client';
import { SpotifyError } from '../../../src/spotify/errors';
import { Emulator, startEmulator } from '../../../emulator';
import { NOT_REGISTERED_MESSAGES } from '../../../emulator/options';
import { validateRequest } from '../../../emulator/openapiValidator';
import { emulatorClient, SentRequest } from '../../support/emulatorClient';

// Every endpoint the controls use, sent to the emulator: the request must be one the real Web API
// describes (method, path, query, body per the OpenAPI description), Spotify must accept it, and
// the answer must read back into Backbeat's types.

describe('SpotifyClient against the emulator', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let client: SpotifyClient;
  let sent: SentRequest[];

  before(async () => {
    emu = await startEmulator({ autoApprove: true });
  });

  beforeEach(async () => {
    emu.reset();
    // Exact reads right after each command: no simulated lag.
    emu.configure({ devices: ['computer', 'phone', 'speaker', 'cast-group'], stateLagMs: 0, userRegistered: true });
    ({ client, sent } = await emulatorClient(emu));
    emu.requests.length = 0;
  });

  after(async () => {
    await emu.close();
  });

  /** The requests the client sent are valid per the description and were answered 2xx. */
  function assertValidAndAccepted(): void {
    assert.ok(sent.length > 0, 'something was sent');
    for (const request of sent) {
      const problems = validateRequest(request.method, `/v1${request.path}`, { query: request.query, body: request.body });
      assert.deepStrictEqual(problems, [], `${request.method} ${request.path}`);
    }
    const answered = emu.requests.filter((r) => r.path.startsWith('/v1'));
    assert.strictEqual(answered.length, sent.length);
    for (const r of answered) assert.ok(r.status >= 200 && r.status < 300, `${r.method} ${r.path} answered ${r.status}`);
  }

  it('reads the playback state with episodes included', async () => {
    const state = await client.playback();
    assert.strictEqual(state?.item?.name, 'Teardrop');
    assert.strictEqual(sent[0].query.additional_types, 'episode');
    assertValidAndAccepted();
  });

  it('sends the transport commands the way the Web API describes them', async () => {
    await client.pause();
    await client.play();
    await client.next();
    await client.previous();
    await client.seek(61_234.4);
    await client.setVolume(42);
    await client.setShuffle(true);
    await client.setRepeat('context');
    assertValidAndAccepted();
    const live = emu.snapshot();
    assert.strictEqual(live.volumePercent, 42);
    assert.strictEqual(live.shuffle, true);
    assert.strictEqual(live.repeat, 'context');
    assert.deepStrictEqual(sent.find((r) => r.path === '/me/player/seek')?.query, { position_ms: '61234' });
  });

  it('clamps volume and seek to what Spotify accepts', async () => {
    await client.setVolume(130);
    await client.setVolume(-5);
    await client.seek(-1_000);
    assertValidAndAccepted();
    assert.deepStrictEqual(sent.map((r) => r.query.volume_percent ?? r.query.position_ms), ['100', '0', '0']);
  });

  it('starts a context at a track, a list of tracks, and resumes without a body', async () => {
    const playlist = (await client.myPlaylists()).items.find((p) => p.name === 'Late Night Coding')!;
    const track = (await client.search('Karma Police', ['track'])).byKind.track!.items[0];
    await client.play({ contextUri: playlist.uri, offsetUri: track.uri });
    assert.strictEqual(emu.snapshot().itemName, 'Karma Police');
    await client.play({ uris: [track.uri] });
    await client.pause();
    await client.play();
    assertValidAndAccepted();
    const bodies = sent.filter((r) => r.path === '/me/player/play').map((r) => r.body);
    assert.deepStrictEqual(bodies, [{ context_uri: playlist.uri, offset: { uri: track.uri } }, { uris: [track.uri] }, undefined]);
  });

  it('replays a track from an artist\u2019s context on its own: Spotify takes offset only for albums and playlists', async () => {
    const artist = (await client.search('Portishead', ['artist'])).byKind.artist!.items[0];
    const track = (await client.search('Roads', ['track'])).byKind.track!.items[0];
    await client.play({ contextUri: artist.uri, offsetUri: track.uri });
    await client.play({ contextUri: 'spotify:user:31l77y2p6t4q2c7hjwkf3mrpxkza:collection', offsetUri: track.uri });
    assert.strictEqual(emu.snapshot().itemName, 'Roads');
    await client.play({ contextUri: track.contextUri, offsetUri: track.uri });
    assertValidAndAccepted();
    const bodies = sent.filter((r) => r.path === '/me/player/play').map((r) => r.body);
    assert.deepStrictEqual(bodies, [{ uris: [track.uri] }, { uris: [track.uri] }, { context_uri: track.contextUri, offset: { uri: track.uri } }]);
  });

  it('recognises a user missing from the allow-list in every wording, as plain text or JSON', async () => {
    for (const message of NOT_REGISTERED_MESSAGES) {
      for (const body of ['text', 'json'] as const) {
        emu.configure({ userRegistered: false, notRegisteredMessage: message, notRegisteredBody: body });
        await assert.rejects(client.me(), (e: SpotifyError) => e.kind === 'user_not_registered' && e.status === 403 && e.message === `Spotify said: ${message}`, `${body}: ${message}`);
      }
    }
    emu.configure({ userRegistered: true });
  });

  it('lists devices, including one without an id, and transfers to one', async () => {
    const devices = await client.devices();
    assert.deepStrictEqual(devices.map((d) => d.name), ['Backbeat Test Computer', 'Pixel Phone', 'Kitchen Speaker', 'Living Room Group']);
    assert.strictEqual(devices[3].id, null);
    assert.strictEqual(devices[2].isRestricted, true);
    const phone = devices[1];
    await client.transfer(phone.id!, true);
    assertValidAndAccepted();
    assert.strictEqual(emu.snapshot().deviceName, 'Pixel Phone');
    assert.strictEqual(emu.snapshot().isPlaying, true);
  });

  it('queues a track and reads the queue back', async () => {
    const track = (await client.search('Roads', ['track'])).byKind.track!.items[0];
    await client.addToQueue(track.uri);
    const queue = await client.queue();
    assert.strictEqual(queue.current?.name, 'Teardrop');
    assert.strictEqual(queue.upNext[0].name, 'Roads');
    assertValidAndAccepted();
  });

  it('searches across kinds with a limit Spotify allows, and pages on', async () => {
    const first = await client.search('a', ['track', 'album', 'artist', 'playlist'], 0, 5);
    assert.strictEqual(first.byKind.track!.items.length, 5);
    assert.strictEqual(first.byKind.track!.nextOffset, 5);
    assert.ok(first.byKind.album!.items.every((a) => a.kind === 'album'));
    assert.ok(first.byKind.artist!.items.length > 0);
    const second = await client.search('a', ['track'], 5, 5);
    assert.notDeepStrictEqual(second.byKind.track!.items, first.byKind.track!.items);
    const max = await client.search('a', ['track']);
    assert.strictEqual(max.byKind.track!.items.length, 10, 'the default page is the 10-result maximum');
    assertValidAndAccepted();
  });

  it('reads the user\u2019s playlists and what was played recently', async () => {
    const playlists = await client.myPlaylists();
    assert.ok(playlists.items.some((p) => p.name === 'Late Night Coding' && p.byline === 'Backbeat Tester'));
    const recent = await client.recentlyPlayed();
    assert.ok(recent.length >= 1);
    assert.ok(recent[0].playedAt < Date.now());
    assert.ok(recent[0].contextUri?.startsWith('spotify:playlist:'));
    assertValidAndAccepted();
  });

  it('likes and unlikes through /me/library', async () => {
    const uri = (await client.playback())!.item!.uri!;
    assert.deepStrictEqual(await client.isSaved([uri]), [false]);
    await client.save([uri]);
    assert.deepStrictEqual(await client.isSaved([uri]), [true]);
    assert.ok(emu.snapshot().likedUris.includes(uri));
    await client.unsave([uri]);
    assert.deepStrictEqual(await client.isSaved([uri]), [false]);
    assertValidAndAccepted();
    assert.ok(sent.every((r) => !r.path.startsWith('/me/tracks')), 'never the old /me/tracks endpoints');
  });

  it('turns Spotify\u2019s refusals into typed errors', async () => {
    const devices = await client.devices();
    await client.transfer(devices[1].id!);
    await assert.rejects(client.setVolume(50), (e: SpotifyError) => e.kind === 'volume_not_controllable');
    await assert.rejects(client.transfer('0000000000000000000000000000000000000000'), (e: SpotifyError) => e.kind === 'device_not_found');
    await assert.rejects(client.transfer(devices[2].id!), (e: SpotifyError) => e.kind === 'restricted');
    emu.phone({ type: 'stop' });
    await assert.rejects(client.next(), (e: SpotifyError) => e.kind === 'no_active_device');
    emu.configure({ premium: false });
    await assert.rejects(client.play(), (e: SpotifyError) => e.kind === 'premium_required');
    emu.configure({ premium: true });
  });
});
