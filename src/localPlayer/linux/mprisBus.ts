// The only file that talks D-Bus (through dbus-next). esbuild bundles it on its own, as
// dist/mprisBus.js, which Backbeat loads on Linux only and only once the local player is wanted:
// the main bundle stays small and other systems never load it. Values leave here as plain
// JavaScript (variants unwrapped, 64-bit integers as numbers).
import * as dbus from 'dbus-next';

const MPRIS_PATH = '/org/mpris/MediaPlayer2';
const PLAYER_INTERFACE = 'org.mpris.MediaPlayer2.Player';
const PROPERTIES_INTERFACE = 'org.freedesktop.DBus.Properties';

export interface MprisEvents {
  /** After connecting: the player's bus name gained (the app started) or lost (it quit) its owner. */
  onPresence(present: boolean): void;
  /** `PropertiesChanged` on the player interface (Position is never in it). */
  onChanged(changed: Record<string, unknown>): void;
  /** The `Seeked` signal: the app jumped to this position (µs). */
  onSeeked(positionUs: number): void;
  /** The bus connection failed or closed. */
  onError(error: Error): void;
}

export interface MprisLink {
  /** The app was there when the link was made; later changes come as `onPresence`. */
  readonly present: boolean;
  /** Every player property; rejects when the app is not there. */
  readAll(): Promise<Record<string, unknown>>;
  /** The Position property (µs). */
  readPosition(): Promise<number>;
  /** Calls a player method; an object path as a string, microseconds as a number. */
  call(method: string, ...args: unknown[]): Promise<void>;
  close(): void;
}

/** Connects to the session bus and follows `busName`. */
export async function watchMpris(busName: string, events: MprisEvents, address = process.env.DBUS_SESSION_BUS_ADDRESS): Promise<MprisLink> {
  if (!address) throw absent('there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)');
  const bus = dbus.sessionBus({ busAddress: reachableAddress(address) });
  let closed = false;
  bus.on('error', (error: Error) => {
    if (!closed) events.onError(error);
  });
  const daemon = (await bus.getProxyObject('org.freedesktop.DBus', '/org/freedesktop/DBus')).getInterface('org.freedesktop.DBus');
  let player: Promise<{ props: dbus.ClientInterface; player: dbus.ClientInterface }> | undefined;

  const attach = () => {
    player = (async () => {
      const object = await bus.getProxyObject(busName, MPRIS_PATH);
      const props = object.getInterface(PROPERTIES_INTERFACE);
      const methods = object.getInterface(PLAYER_INTERFACE);
      props.on('PropertiesChanged', (iface: string, changed: Record<string, dbus.Variant>) => {
        if (iface === PLAYER_INTERFACE) events.onChanged(unwrapAll(changed));
      });
      methods.on('Seeked', (position: bigint) => events.onSeeked(Number(position)));
      return { props, player: methods };
    })();
    player.catch(() => undefined);
  };
  const detach = () => {
    const was = player;
    player = undefined;
    was?.then((p) => [p.props, p.player].forEach((i) => i.removeAllListeners()), () => undefined);
  };

  daemon.on('NameOwnerChanged', (name: string, _old: string, owner: string) => {
    if (name !== busName) return;
    if (owner) attach();
    else detach();
    events.onPresence(!!owner);
  });
  const present = (await daemon.NameHasOwner(busName)) as boolean;
  if (present) attach();

  const connected = () => {
    if (!player) throw new Error('Spotify is not running');
    return player;
  };
  return {
    present,
    async readAll() {
      const { props } = await connected();
      return unwrapAll((await props.GetAll(PLAYER_INTERFACE)) as Record<string, dbus.Variant>);
    },
    async readPosition() {
      const { props } = await connected();
      return Number(unwrap(await props.Get(PLAYER_INTERFACE, 'Position')));
    },
    async call(method, ...args) {
      const { player: methods } = await connected();
      // The player's only numeric arguments are 64-bit microseconds (Seek, SetPosition).
      const typed = args.map((a) => (typeof a === 'number' ? BigInt(Math.round(a)) : a));
      await methods[method](...typed);
    },
    close() {
      closed = true;
      detach();
      // disconnect() only half-closes: answering a call that still arrives would throw, uncaught.
      bus.send = () => undefined;
      bus.disconnect();
    },
  };
}

/**
 * The first address dbus-next can reach. It needs a native module for Linux's abstract sockets
 * (`unix:abstract=`, used by some desktops without systemd), which Backbeat does not ship.
 */
function reachableAddress(address: string): string {
  const usable = address.split(';').find((a) => !/^unix:(?:.*,)?abstract=/.test(a));
  if (!usable) throw absent(`the session bus is on an abstract socket (${address.split(',')[0]}), which Backbeat cannot reach`);
  return usable;
}

/** A fact about this machine that no retry changes (see MprisPlayer). */
function absent(message: string): Error {
  return Object.assign(new Error(message), { absent: true });
}

function unwrap(value: unknown): unknown {
  if (value instanceof dbus.Variant) return unwrap(value.value);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(unwrap);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) return unwrapAll(value as Record<string, unknown>);
  return value;
}

function unwrapAll(values: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) plain[key] = unwrap(value);
  return plain;
}
