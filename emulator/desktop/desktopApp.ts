import * as dbus from 'dbus-next';
import type { PhoneAction } from '../world/player';
import type { World } from '../world/world';
import { DesktopView, desktopView } from './desktopView';
import { PlayerBehaviour, PlayerInterface, RootInterface } from './mprisInterfaces';

// The Spotify desktop app on "this computer" (the emulator's `computer` device), published as
// `org.mpris.MediaPlayer2.spotify` on a D-Bus session bus the way the real app publishes itself:
// one emulator drives both the Web API and the local path. It shows desktopView.ts's view of the
// player. Its commands need no Premium and never reach the Web API's request log.

interface DesktopOptions {
  /** The app runs (owns its bus name); false is the app quit (or its computer offline). */
  running(): boolean;
  /** Recent builds report Position; older ones always answered 0. */
  reportsPosition(): boolean;
  /** Signals Seeked after a jump; Spotify's real app never does. */
  sendsSeeked(): boolean;
}

const SPOTIFY_BUS_NAME = 'org.mpris.MediaPlayer2.spotify';
const MPRIS_PATH = '/org/mpris/MediaPlayer2';
/** A position this far from where playing on would have taken it was a jump: signal Seeked. */
const JUMP_MS = 1_500;

/** What the app showed last, to signal only what changed. */
interface Shown {
  props: Record<string, unknown>;
  itemUri: string | undefined;
  positionMs: number;
  at: number;
}

export class DesktopApp implements PlayerBehaviour {
  private readonly player: PlayerInterface;
  private shown: Shown | undefined;
  private owned = false;
  private endTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;
  private syncing: Promise<void> = Promise.resolve();

  private constructor(private readonly bus: dbus.MessageBus, private readonly world: World, private readonly options: DesktopOptions) {
    this.player = new PlayerInterface(this);
    bus.export(MPRIS_PATH, new RootInterface());
    bus.export(MPRIS_PATH, this.player);
    this.unsubscribe = world.player.onChange(() => this.sync());
  }

  /** Connects to the bus at `address` and publishes the app (if it runs). */
  static async publish(address: string, world: World, options: DesktopOptions): Promise<DesktopApp> {
    const bus = dbus.sessionBus({ busAddress: address });
    const app = new DesktopApp(bus, world, options);
    await app.syncNow();
    return app;
  }

  /** Call after the options changed (the app started or quit). */
  sync(): void {
    this.syncing = this.syncing.then(() => this.syncNow()).catch((error: unknown) => console.error('Spotify emulator: desktop app', error));
  }

  async close(): Promise<void> {
    this.unsubscribe();
    clearTimeout(this.endTimer);
    await this.syncing;
    // disconnect() only half-closes: answering a call that still arrives would throw, uncaught.
    this.bus.send = () => undefined;
    this.bus.disconnect();
  }

  // ---- MPRIS --------------------------------------------------------------------------------

  property(name: string): unknown {
    const view = desktopView(this.world);
    if (name === 'Position') return BigInt(this.options.reportsPosition() ? Math.round(view.positionMs * 1000) : 0);
    return properties(view)[name];
  }

  method(name: string, args: unknown[]): void {
    const player = this.world.player;
    const live = player.live();
    const item = this.world.catalogue.playable(live.itemUri);
    const act = (action: PhoneAction) => player.phone(action, 'computer');
    switch (name) {
      case 'PlayPause':
        return act({ type: live.isPlaying && live.activeKey !== null ? 'pause' : 'play' });
      case 'Play':
        return act({ type: 'play' });
      case 'Pause':
      case 'Stop':
        return act({ type: 'pause' });
      case 'Next':
        return act({ type: 'next' });
      case 'Previous':
        return act({ type: 'previous' });
      case 'Seek':
        return act({ type: 'seek', positionMs: Math.max(0, player.progress(live) + Number(args[0]) / 1000) });
      case 'SetPosition': {
        // MPRIS: ignored unless the id is the current track's, or the position is outside it.
        const [trackId, us] = args as [string, bigint];
        const ms = Number(us) / 1000;
        if (trackId !== trackIdOf(live.itemUri) || ms < 0 || ms > (item?.durationMs ?? 0)) return;
        return act({ type: 'seek', positionMs: ms });
      }
      case 'OpenUri': {
        const uri = String(args[0]);
        if (!this.world.catalogue.playable(uri)) throw new dbus.DBusError('org.mpris.MediaPlayer2.Player.Error', `cannot open ${uri}`);
        return act({ type: 'play', uri });
      }
    }
  }

  // ---- mirroring -----------------------------------------------------------------------------

  /** Owns or releases the bus name, and signals what changed since the app last showed it. */
  private async syncNow(): Promise<void> {
    const wanted = this.options.running();
    if (wanted !== this.owned) {
      this.owned = wanted;
      if (wanted) await this.bus.requestName(SPOTIFY_BUS_NAME, dbus.NameFlag.DO_NOT_QUEUE);
      else await this.bus.releaseName(SPOTIFY_BUS_NAME);
      this.shown = undefined;
    }
    clearTimeout(this.endTimer);
    if (!wanted) return;
    const view = desktopView(this.world);
    const props = properties(view);
    const now = this.world.clock.now();
    const { positionMs } = view;
    const before = this.shown;
    this.shown = { props, itemUri: view.item?.uri, positionMs, at: now };
    if (before) {
      const changed: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(props)) {
        if (JSON.stringify(value, bigints) !== JSON.stringify(before.props[name], bigints)) changed[name] = value;
      }
      if (Object.keys(changed).length > 0) PlayerInterface.emitPropertiesChanged(this.player, changed, []);
      const expected = before.positionMs + (before.props.PlaybackStatus === 'Playing' ? now - before.at : 0);
      const jumped = before.itemUri === view.item?.uri && Math.abs(positionMs - expected) > JUMP_MS;
      if (jumped && this.options.sendsSeeked()) this.player.Seeked(BigInt(Math.round(positionMs * 1000)));
    }
    // A track that ends on its own changes nothing the listener hears of: look again then.
    if (view.playing && view.item) {
      const untilEnd = Math.max(0, view.item.durationMs - positionMs);
      this.endTimer = setTimeout(() => this.sync(), untilEnd + 20);
      this.endTimer.unref();
    }
  }
}

function properties(view: DesktopView): Record<string, unknown> {
  return {
    PlaybackStatus: view.playing ? 'Playing' : 'Paused',
    LoopStatus: view.repeat === 'track' ? 'Track' : view.repeat === 'context' ? 'Playlist' : 'None',
    Rate: 1, MinimumRate: 1, MaximumRate: 1,
    Shuffle: view.shuffle,
    Volume: view.volumePercent === null ? 1 : view.volumePercent / 100,
    Metadata: view.item ? metadata(view) : {},
    CanGoNext: true, CanGoPrevious: true, CanPlay: true, CanPause: true, CanSeek: true, CanControl: true,
  };
}

function metadata({ item }: DesktopView): Record<string, dbus.Variant> {
  if (!item) return {};
  return {
    'mpris:trackid': new dbus.Variant('o', trackIdOf(item.uri)),
    'mpris:length': new dbus.Variant('t', BigInt(item.durationMs * 1000)),
    'mpris:artUrl': new dbus.Variant('s', item.artUrl),
    'xesam:title': new dbus.Variant('s', item.title),
    'xesam:artist': new dbus.Variant('as', item.artists),
    'xesam:album': new dbus.Variant('s', item.album),
    'xesam:albumArtist': new dbus.Variant('as', item.artists.slice(0, 1)),
    'xesam:url': new dbus.Variant('s', item.webUrl),
    'xesam:trackNumber': new dbus.Variant('i', item.trackNumber),
    'xesam:discNumber': new dbus.Variant('i', 1),
  };
}

function trackIdOf(uri: string): string {
  const [, type, id] = uri.split(':');
  return `/com/spotify/${type}/${id}`;
}

function bigints(_key: string, value: unknown): unknown {
  const plain = value instanceof dbus.Variant ? value.value : value;
  return typeof plain === 'bigint' ? plain.toString() : plain;
}
