import * as dbus from 'dbus-next';

// The two MPRIS 2.2 interfaces as dbus-next services. Property values and method behaviour come
// from the desktop app (desktopApp.ts); this file only declares names and D-Bus signatures.

const READ = dbus.interface.ACCESS_READ;

export interface PlayerBehaviour {
  property(name: string): unknown;
  method(name: string, args: unknown[]): void;
}

const PLAYER_PROPERTIES: Record<string, string> = {
  PlaybackStatus: 's', LoopStatus: 's', Rate: 'd', Shuffle: 'b', Metadata: 'a{sv}', Volume: 'd', Position: 'x',
  MinimumRate: 'd', MaximumRate: 'd', CanGoNext: 'b', CanGoPrevious: 'b', CanPlay: 'b', CanPause: 'b',
  CanSeek: 'b', CanControl: 'b',
};

const PLAYER_METHODS: Record<string, string> = {
  Next: '', Previous: '', Pause: '', PlayPause: '', Stop: '', Play: '', Seek: 'x', SetPosition: 'ox', OpenUri: 's',
};

export class PlayerInterface extends dbus.interface.Interface {
  constructor(readonly behaviour: PlayerBehaviour) {
    super('org.mpris.MediaPlayer2.Player');
  }

  Seeked(positionUs: bigint): bigint {
    return positionUs;
  }
}

/** The base interface: who the player is. Spotify cannot be raised or quit over MPRIS on Linux. */
export class RootInterface extends dbus.interface.Interface {
  constructor() {
    super('org.mpris.MediaPlayer2');
  }
}

function declare(): void {
  const proto = PlayerInterface.prototype as unknown as Record<string, unknown>;
  for (const name of Object.keys(PLAYER_PROPERTIES)) {
    Object.defineProperty(proto, name, {
      get(this: PlayerInterface) {
        return this.behaviour.property(name);
      },
    });
  }
  for (const name of Object.keys(PLAYER_METHODS)) {
    proto[name] = function (this: PlayerInterface, ...args: unknown[]) {
      this.behaviour.method(name, args);
    };
  }
  PlayerInterface.configureMembers({
    properties: Object.fromEntries(Object.entries(PLAYER_PROPERTIES).map(([name, signature]) => [name, { signature, access: READ }])),
    methods: Object.fromEntries(Object.entries(PLAYER_METHODS).map(([name, inSignature]) => [name, { inSignature }])),
    signals: { Seeked: { signature: 'x' } },
  });

  const root: Record<string, unknown> = {
    Identity: 'Spotify', DesktopEntry: 'spotify', CanQuit: false, CanRaise: false, HasTrackList: false,
    SupportedUriSchemes: ['spotify'], SupportedMimeTypes: [],
  };
  const rootProto = RootInterface.prototype as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(root)) Object.defineProperty(rootProto, name, { get: () => value });
  rootProto.Raise = () => undefined;
  rootProto.Quit = () => undefined;
  RootInterface.configureMembers({
    properties: {
      Identity: { signature: 's', access: READ }, DesktopEntry: { signature: 's', access: READ },
      CanQuit: { signature: 'b', access: READ }, CanRaise: { signature: 'b', access: READ },
      HasTrackList: { signature: 'b', access: READ }, SupportedUriSchemes: { signature: 'as', access: READ },
      SupportedMimeTypes: { signature: 'as', access: READ },
    },
    methods: { Raise: {}, Quit: {} },
  });
}
declare();
