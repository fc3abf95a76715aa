import type { PhoneAction } from '../emulator';
import { Prng } from './prng';
import { EditorCommand, MINUTE, PAUSE_RANGE_MS, PickerUse, Scenario, ScenarioEvent, SECOND, SEEK_RANGE_MS } from './scenario';

// A working day as timed events, built from a plan: blocks of time (coding, lunch, meetings...)
// and how many phone changes, editor commands and picker uses happen in it. The same plan and
// seed give the same day for every row. Another day (say, with the desktop app playing) is another
// plan, or more happenings, through the same builder and the same runner (simulation.ts).

const HOUR = 60 * MINUTE;

interface DayBlock {
  label: string;
  hours: number;
  /**
   * coding: a window focused, in use with idle stretches (and a spell in the other window);
   * idle: focused but not in use; away: no VS Code window focused.
   */
  mode: 'coding' | 'idle' | 'away';
  /** The window focused (coding, idle). */
  window?: number;
}

interface DayPlan {
  blocks: DayBlock[];
  phoneChanges: PhoneHappening[];
  /** Changes made with the desktop app's own buttons (the music plays there). */
  desktopChanges?: PhoneHappening[];
  commands: CommandHappening[];
  pickerUses: PickerUse[];
}

type PhoneHappening = { type: 'pauseThenResume' } | { type: 'next' } | { type: 'previous' } | { type: 'seek' };
type CommandHappening = { type: 'pauseThenPlay' } | { type: 'next' } | { type: 'seek' };

const times = <T>(n: number, what: T): T[] => Array.from({ length: n }, () => what);

/** The day, 09:00-18:00: 20 phone changes, 60 editor commands, 10 searches and pickers, music all day. */
export const WORKING_DAY: DayPlan = {
  blocks: [
    { label: 'coding', hours: 3, mode: 'coding', window: 0 },
    { label: 'lunch at the desk', hours: 1, mode: 'idle', window: 0 },
    { label: 'meetings', hours: 1, mode: 'away' },
    { label: 'coding', hours: 3, mode: 'coding', window: 1 },
    { label: 'mail and chat', hours: 1, mode: 'away' },
  ],
  // 4 pauses with their resumes, 6 skips, 2 backs, 4 seeks: 20 changes.
  phoneChanges: [...times(4, { type: 'pauseThenResume' } as const), ...times(6, { type: 'next' } as const), ...times(2, { type: 'previous' } as const), ...times(4, { type: 'seek' } as const)],
  // 12 pauses with their resumes, 24 skips, 12 seeks: 60 commands.
  commands: [...times(12, { type: 'pauseThenPlay' } as const), ...times(24, { type: 'next' } as const), ...times(12, { type: 'seek' } as const)],
  pickerUses: [
    { type: 'search', queries: ['massive', 'massive attack'] },
    { type: 'search', queries: ['portishead'] },
    { type: 'search', queries: ['moon', 'moon safari'] },
    { type: 'search', queries: ['karma police'] },
    { type: 'devices' },
    { type: 'devices' },
    { type: 'playlists' },
    { type: 'playlists' },
    { type: 'queue' },
    { type: 'queue' },
  ],
};

/**
 * The same day with the music in the Spotify desktop app on this computer: 16 of the 20 changes
 * made outside the editor are made in the app itself, 4 still from the phone (as its remote control).
 */
export const DESKTOP_DAY: DayPlan = {
  ...WORKING_DAY,
  phoneChanges: [{ type: 'pauseThenResume' }, { type: 'next' }, { type: 'previous' }, { type: 'seek' }],
  desktopChanges: [...times(3, { type: 'pauseThenResume' } as const), ...times(5, { type: 'next' } as const), ...times(1, { type: 'previous' } as const), ...times(3, { type: 'seek' } as const)],
};

/** Within a coding block: in use this long, then idle (reading, thinking) this long. */
const IN_USE_MS: [number, number] = [8 * MINUTE, 25 * MINUTE];
const IDLE_MS: [number, number] = [2 * MINUTE, 8 * MINUTE];
/** The share of a coding block's in-use spells spent in the other window. */
const OTHER_WINDOW_SHARE = 0.25;
/** Room kept around each happening, so changes are measured one at a time. */
const SPACING_MS = 60 * SECOND;

interface Spell {
  start: number;
  end: number;
  window: number | undefined;
  active: boolean;
}

export function buildDay(plan: DayPlan, seed: number): Scenario {
  const rng = new Prng(seed);
  const spells = focusSpells(plan, rng);
  const durationMs = plan.blocks.reduce((sum, b) => sum + b.hours * HOUR, 0);
  const events: ScenarioEvent[] = spells.map((s) => ({ at: s.start, kind: 'focus', window: s.window, active: s.active }));
  const taken: [number, number][] = [];
  const inUse = spells.filter((s) => s.active);
  const anytime: Spell[] = [{ start: 0, end: durationMs, window: undefined, active: false }];
  const add = (within: Spell[], happening: (at: number) => ScenarioEvent[]) => {
    // Built at 0 to learn its length, then placed where that length fits.
    const length = Math.max(...happening(0).map((e) => e.at));
    events.push(...happening(place(within, length, taken, rng)));
  };
  for (const change of rng.shuffle(plan.phoneChanges)) add(anytime, phoneEvents(change, pauseLength(rng), seekPosition(rng)));
  for (const change of rng.shuffle(plan.desktopChanges ?? [])) add(anytime, phoneEvents(change, pauseLength(rng), seekPosition(rng), true));
  for (const command of rng.shuffle(plan.commands)) add(inUse, commandEvents(command, pauseLength(rng), seekPosition(rng)));
  for (const use of plan.pickerUses) add(inUse, (at) => [{ at, kind: 'picker', use }]);
  events.sort((a, b) => a.at - b.at);
  return { durationMs, events };
}

/** Who has focus when: blocks one after another, coding blocks cut into in-use and idle spells. */
function focusSpells(plan: DayPlan, rng: Prng): Spell[] {
  const spells: Spell[] = [];
  let at = 0;
  for (const block of plan.blocks) {
    const end = at + block.hours * HOUR;
    if (block.mode !== 'coding') {
      spells.push({ start: at, end, window: block.mode === 'away' ? undefined : block.window, active: false });
    } else {
      let t = at;
      while (t < end) {
        const useEnd = Math.min(end, t + Math.round(rng.between(...IN_USE_MS)));
        const window = rng.next() < OTHER_WINDOW_SHARE ? 1 - (block.window ?? 0) : block.window;
        spells.push({ start: t, end: useEnd, window, active: true });
        const idleEnd = Math.min(end, useEnd + Math.round(rng.between(...IDLE_MS)));
        if (idleEnd > useEnd) spells.push({ start: useEnd, end: idleEnd, window, active: false });
        t = idleEnd;
      }
    }
    at = end;
  }
  return spells;
}

/** A random moment inside one of `spells` with room for a happening `length` long, away from the others. */
function place(spells: Spell[], length: number, taken: [number, number][], rng: Prng): number {
  const usable = (s: Spell) => s.end - s.start - 2 * SPACING_MS - length;
  const room = spells.filter((s) => usable(s) > 0);
  const total = room.reduce((sum, s) => sum + usable(s), 0);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let offset = rng.next() * total;
    const spell = room.find((s) => (offset -= usable(s)) < 0) ?? room[room.length - 1];
    // `offset` went below zero inside `spell`: it now counts back from the end of its usable part.
    const at = Math.round(spell.end - SPACING_MS - length + offset);
    if (taken.every(([from, to]) => at + length + SPACING_MS < from || at > to + SPACING_MS)) {
      taken.push([at, at + length]);
      return at;
    }
  }
  throw new Error('the day has no room left for another happening');
}

const seekPosition = (rng: Prng) => Math.round(rng.between(...SEEK_RANGE_MS));
const pauseLength = (rng: Prng) => Math.round(rng.between(...PAUSE_RANGE_MS));

function commandEvents(happening: CommandHappening, pauseMs: number, positionMs: number): (at: number) => ScenarioEvent[] {
  const command = (when: number, c: EditorCommand): ScenarioEvent => ({ at: when, kind: 'command', command: c });
  if (happening.type === 'pauseThenPlay') return (at) => [command(at, { type: 'pause' }), command(at + pauseMs, { type: 'play' })];
  return (at) => [command(at, happening.type === 'seek' ? { type: 'seek', positionMs } : { type: 'next' })];
}

function phoneEvents(happening: PhoneHappening, pauseMs: number, positionMs: number, inDesktopApp = false): (at: number) => ScenarioEvent[] {
  const phone = (when: number, action: PhoneAction): ScenarioEvent => ({ at: when, kind: 'phone', action, measured: true, inDesktopApp });
  if (happening.type === 'pauseThenResume') return (at) => [phone(at, { type: 'pause' }), phone(at + pauseMs, { type: 'play' })];
  return (at) => [phone(at, happening.type === 'seek' ? { type: 'seek', positionMs } : { type: happening.type })];
}
