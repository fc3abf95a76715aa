import type { PhoneAction } from '../emulator';
import { Prng } from './prng';

// The simulated hour the issue describes, as a list of timed events. Generated from a seed, so
// every scheduler meets exactly the same hour, and every run of the benchmark the same one.

export type EditorCommand = { type: 'play' } | { type: 'pause' } | { type: 'next' } | { type: 'seek'; positionMs: number };

/** A picker or search the user opens: what it asks Spotify for (through the core, as the pickers do). */
export type PickerUse = { type: 'search'; queries: string[] } | { type: 'devices' } | { type: 'playlists' } | { type: 'queue' };

export type ScenarioEvent =
  /** `window` is the focused window's index, or undefined when no window has focus. */
  | { at: number; kind: 'focus'; window: number | undefined; active: boolean }
  /**
   * A change made outside the editor: on the phone, or (`inDesktopApp`) with the Spotify desktop
   * app's own buttons. `measured`: one of the changes whose staleness is reported.
   */
  | { at: number; kind: 'phone'; action: PhoneAction; measured: boolean; inDesktopApp?: boolean }
  | { at: number; kind: 'command'; command: EditorCommand }
  | { at: number; kind: 'picker'; use: PickerUse }
  | { at: number; kind: 'rateLimit'; retryAfterSeconds: number };

export interface Scenario {
  durationMs: number;
  events: ScenarioEvent[];
}

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const WINDOW_COUNT = 2;
export const RETRY_AFTER_SECONDS = 30;

/** Positions a seek jumps to: inside every track of the playlist (the shortest is 3:46). */
export const SEEK_RANGE_MS: [number, number] = [5 * SECOND, 200 * SECOND];
/** A pause (on the phone or from the editor) lasts this long before playback resumes. */
export const PAUSE_RANGE_MS: [number, number] = [10 * SECOND, 50 * SECOND];
/** Room each slot keeps after its event(s): a pause and its resume, or a whole Retry-After wait. */
const SLOT_TAIL_MS = 70 * SECOND;

type Happening = (at: number, rng: Prng) => ScenarioEvent[];

const seekPosition = (rng: Prng) => Math.round(rng.between(...SEEK_RANGE_MS));
const phone = (action: (rng: Prng) => PhoneAction): Happening => (at, rng) => [{ at, kind: 'phone', action: action(rng), measured: true }];
const command = (make: (rng: Prng) => EditorCommand): Happening => (at, rng) => [{ at, kind: 'command', command: make(rng) }];

/** A pause and, a little later, the matching resume. */
function pauseThenResume(first: 'phone' | 'command'): Happening {
  return (at, rng) => {
    const resumeAt = at + Math.round(rng.between(...PAUSE_RANGE_MS));
    return first === 'phone'
      ? [
          { at, kind: 'phone', action: { type: 'pause' }, measured: true },
          { at: resumeAt, kind: 'phone', action: { type: 'play' }, measured: true },
        ]
      : [
          { at, kind: 'command', command: { type: 'pause' } },
          { at: resumeAt, kind: 'command', command: { type: 'play' } },
        ];
  };
}

/** 0-30 min: 6 phone changes, 10 editor commands and one 429, each in its own slot at a random moment. */
const FIRST_HALF_HOUR: Happening[] = [
  phone(() => ({ type: 'next' })),
  phone(() => ({ type: 'next' })),
  phone((rng) => ({ type: 'seek', positionMs: seekPosition(rng) })),
  phone((rng) => ({ type: 'seek', positionMs: seekPosition(rng) })),
  pauseThenResume('phone'),
  command(() => ({ type: 'next' })),
  command(() => ({ type: 'next' })),
  command(() => ({ type: 'next' })),
  command((rng) => ({ type: 'seek', positionMs: seekPosition(rng) })),
  command((rng) => ({ type: 'seek', positionMs: seekPosition(rng) })),
  command((rng) => ({ type: 'seek', positionMs: seekPosition(rng) })),
  pauseThenResume('command'),
  pauseThenResume('command'),
  (at) => [{ at, kind: 'rateLimit', retryAfterSeconds: RETRY_AFTER_SECONDS }],
];

export function buildScenario(seed: number): Scenario {
  const rng = new Prng(seed);
  const slotMs = (30 * MINUTE) / FIRST_HALF_HOUR.length;
  const events: ScenarioEvent[] = [{ at: 0, kind: 'focus', window: 0, active: true }];
  rng.shuffle(FIRST_HALF_HOUR).forEach((happening, slot) => {
    const at = Math.round(slot * slotMs + rng.between(5 * SECOND, slotMs - SLOT_TAIL_MS));
    events.push(...happening(at, rng));
  });
  events.push(
    { at: 30 * MINUTE, kind: 'focus', window: 0, active: false },
    { at: 40 * MINUTE, kind: 'focus', window: undefined, active: false },
    { at: 50 * MINUTE, kind: 'focus', window: 1, active: true },
    { at: 50 * MINUTE + Math.round(rng.between(15 * SECOND, 90 * SECOND)), kind: 'command', command: { type: 'pause' } },
    { at: 55 * MINUTE, kind: 'phone', action: { type: 'stop' }, measured: false },
  );
  events.sort((a, b) => a.at - b.at);
  return { durationMs: 60 * MINUTE, events };
}
