import * as fs from 'fs';
import * as path from 'path';
import { HELPERS, RECORDINGS_DIR } from '../helperStubs';
import { osascript } from './osascript';
import { TRACKS } from './tracks';
import { VirtualMac } from './virtualMac';

// The recordings the stub osascript replays (test/support/recordings/macos-*.jsonl) are what the
// real spotify.jxa.js prints in the stand-in JXA runtime, in these worlds. After changing the
// script, write them again: `npm run build && node out/test/support/jxa/macosRecordings.js`.

const TEARDROP_THEN_HOPPIPOLLA = { tracks: [TRACKS.teardrop, TRACKS.hoppipolla], positionSeconds: 61.25 };

const WORLDS: Record<string, () => VirtualMac> = {
  /** Playing, paused, the next track, Spotify quit. */
  'macos-watch.jsonl': () =>
    new VirtualMac({ spotify: TEARDROP_THEN_HOPPIPOLLA, stdoutClosesAt: 13 })
      .at(3, (m) => m.spotify.pause())
      .at(6, (m) => m.spotify.next())
      .at(9, (m) => m.spotify.quit()),
  /** Playing, nothing else happening. */
  'macos-playing.jsonl': () => new VirtualMac({ spotify: TEARDROP_THEN_HOPPIPOLLA, stdoutClosesAt: 5 }),
  /** Automation denied, on a Mac where the notification cannot be observed. */
  'macos-problems.jsonl': () =>
    new VirtualMac({ spotify: { ...TEARDROP_THEN_HOPPIPOLLA, automation: 'denied' }, failRegisterSubclass: true, stdoutClosesAt: 5 }),
};

export const MACOS_RECORDINGS = Object.keys(WORLDS);

/** What the script prints in the recording's world. */
export function record(name: string): string {
  return osascript(WORLDS[name](), HELPERS.macos, ['watch']).stdout;
}

if (require.main === module) {
  for (const name of MACOS_RECORDINGS) fs.writeFileSync(path.join(RECORDINGS_DIR, name), record(name));
}
