import { APP_NOT_FOUND, CANT_SET, jxaError } from './jxaError';
import type { SpotifyApp } from './spotifyApp';

// `Application(name)` as JXA's release notes describe it: the object does not talk to the app when
// made (only an unknown app throws, -2700); each dictionary term is a specifier that sends a "get"
// when called (`app.playerState()`, `app.currentTrack.name()`); assigning to a property sends a
// "set" (`app.playerPosition = 12`); commands are methods (`app.nextTrack()`). `running()` asks
// macOS, not the app, so it never launches it. Every Apple event goes through SpotifyApp, which
// launches a Spotify that is not running, as macOS does.

type Getter = () => unknown;

export function makeApplication(apps: Record<string, SpotifyApp | undefined>, onCall: () => void) {
  return function Application(name: string): object {
    onCall();
    const app = apps[name];
    if (!app?.installed) throw jxaError(APP_NOT_FOUND, "Application can't be found.");
    return spotifyObject(app, onCall);
  };
}

function spotifyObject(app: SpotifyApp, onCall: () => void): object {
  const track = (read: (t: NonNullable<SpotifyApp['current']>) => unknown, none: unknown): Getter => () => {
    const current = app.current;
    return current ? read(current) : none;
  };
  const trackTerms: Record<string, Getter> = {
    name: track((t) => t.name, ''),
    artist: track((t) => t.artist, ''),
    album: track((t) => t.album, ''),
    albumArtist: track((t) => t.artist, ''),
    duration: track((t) => t.durationMs, 0),
    id: track((t) => t.id, ''),
    artworkUrl: track((t) => t.artworkUrl, ''),
    spotifyUrl: track((t) => t.id, ''),
    trackNumber: track(() => 1, 0),
    discNumber: track(() => 1, 0),
  };
  const appTerms: Record<string, Getter> = {
    playerState: () => app.playerState,
    playerPosition: () => app.positionSeconds(),
    soundVolume: () => 100,
    shuffling: () => false,
    repeating: () => false,
    shufflingEnabled: () => true,
    repeatingEnabled: () => true,
  };
  const settable = new Set(['playerPosition', 'soundVolume', 'shuffling', 'repeating']);
  const specifier = (path: string, get: Getter) => () => {
    onCall();
    return app.appleEvent(`get ${path}`, get);
  };
  const currentTrack = specifiers(trackTerms, (term, get) => specifier(`currentTrack.${term}`, get));
  const terms = specifiers(appTerms, (term, get) => specifier(term, get));
  const commands = ['playpause', 'play', 'pause', 'nextTrack', 'previousTrack', 'playTrack'];

  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === 'running') return () => (onCall(), app.running);
        if (key === 'currentTrack') return currentTrack;
        if (typeof key === 'string' && terms[key]) return terms[key];
        if (typeof key === 'string' && commands.includes(key)) {
          return (...args: unknown[]) => {
            onCall();
            app.appleEvent(key, () => app.command(key, args));
          };
        }
        return undefined;
      },
      set(_target, key, value) {
        onCall();
        const term = String(key);
        app.appleEvent(`set ${term} ${String(value)}`, () => {
          if (!settable.has(term)) throw jxaError(CANT_SET, `Can't set ${term}.`);
          if (term === 'playerPosition') app.seek(Number(value));
        });
        return true;
      },
    },
  );
}

function specifiers(terms: Record<string, Getter>, make: (term: string, get: Getter) => Getter): Record<string, Getter> {
  return Object.fromEntries(Object.entries(terms).map(([term, get]) => [term, make(term, get)]));
}
