import { SessionStore } from '../src/auth/sessionStore';
import { startEmulator, VIRTUAL_START_MS, type Emulator, type EmulatorOptions, type EmulatorSnapshot, type PhoneAction } from '../emulator';
import { SharedSecrets } from '../sim/fakeSecretStorage';
import { MemoryLedgerStore } from '../sim/memoryLedgerStore';
import { RecordingLog } from '../sim/recordingLog';
import { signInToEmulator } from '../sim/emulatorSignIn';
import { benchWindow } from './benchWindow';
import type { BenchWindow } from './windowShape';
import type { Disposable } from '../src/disposable';
import type { Contender } from './contender';
import { runEditorCommand, usePicker } from './editorCommands';
import type { InFlightRequests } from '../sim/inFlightRequests';
import { WINDOW_COUNT, type Scenario, type ScenarioEvent } from './scenario';
import { StalenessMeter, TrackEndWatch } from './staleness';
import { FakeClock } from '../sim/fakeClock';

// Plays a scenario (the hour, or a working day) once for one contender: a fresh emulator on a
// virtual clock, one signed-in session and one request ledger shared by two simulated windows,
// the contender reading for each window, and the scenario's focus changes, phone actions, editor
// commands, pickers and 429s applied on time.

export interface RunSetup {
  /** Emulator options for the run (the day sets Spotify's daily quota). */
  emulator?: EmulatorOptions;
  /** Virtual epoch ms the scenario starts at (the day starts at 09:00). */
  startMs?: number;
}

export interface RunResult {
  name: string;
  /** Web API requests, by "METHOD /path", with their virtual time from the start (ms). */
  requests: { endpoint: string; at: number; status: number; someWindowFocused: boolean }[];
  staleness: Record<'phone' | 'trackEnd' | 'recovery', { values: number[]; neverShown: number }>;
  /** Editor commands and picker uses that did not go through, with what the user was told. */
  commandFailures: string[];
  /** Spotify's daily quota: when it was first exceeded (ms from the start) and how long requests were refused in the run. */
  quota: { firstExceededAt: number | null; blindMs: number };
}

const API_PREFIX = '/v1';

export async function simulate(contender: Contender, scenario: Scenario, inFlight: InFlightRequests, setup: RunSetup = {}): Promise<RunResult> {
  const clock = new FakeClock(setup.startMs ?? VIRTUAL_START_MS, inFlight);
  const emulator = await startEmulator({ ...setup.emulator, clock: clock.world });
  const ledger = new MemoryLedgerStore();
  const windows: BenchWindow[] = [];
  let watch: TrackEndWatch | undefined;
  let sending: Disposable | undefined;
  try {
    const secrets = new SharedSecrets();
    const log = new RecordingLog();
    await new SessionStore(secrets.window(), log).write(await signInToEmulator(emulator, clock, log));
    let focused: number | undefined;
    // Web API requests as they leave this process, in the order the emulator logs them: whether any window had focus then.
    const sentWithFocus: boolean[] = [];
    sending = inFlight.onStart((path) => path.startsWith(`${API_PREFIX}/`) && sentWithFocus.push(focused !== undefined));
    for (let i = 0; i < WINDOW_COUNT; i++) {
      const window = benchWindow({ emulator, secrets, ledger, clock, contender });
      windows.push(window);
      // Unfocused at first: it reads nothing until the scenario focuses it.
      await window.open();
    }
    // Repeat the playlist so the music never runs out (set up before the log starts; the quota and
    // the ledger count this one request).
    await windows[0].client.setRepeat('context');
    emulator.requests.length = 0;
    sentWithFocus.length = 0;
    const start = clock.now();

    const inUse = () => focused !== undefined && windows[focused].activity.active;
    const meter = new StalenessMeter(
      clock,
      () => (focused === undefined ? undefined : windows[focused].state),
      // Phone changes count while someone works in VS Code; track ends and recoveries whenever a window is focused.
      (kind) => (kind === 'phone' ? inUse() : focused !== undefined),
    );
    windows.forEach((w) => w.state.onDidChange(() => meter.check()));
    watch = new TrackEndWatch(emulator, clock, (truth) => meter.changed('trackEnd', 'item', truth));
    watch.rearm();
    const silence = contender.helperSilence;
    if (silence) {
      // The helper hangs just as the user skips a track in the desktop app: what the status bar
      // shows is stale until the Web API takes over.
      clock.setTimeout(() => {
        windows.forEach((w) => w.local?.silence(true));
        meter.changed('recovery', 'item', inDesktopApp(emulator, { type: 'next' }));
        watch?.rearm();
      }, silence.atMs);
      clock.setTimeout(() => windows.forEach((w) => w.local?.silence(false)), silence.atMs + silence.forMs);
    }

    const actions: Promise<string | undefined>[] = [];
    for (const event of scenario.events) {
      await clock.runUntil(start + event.at);
      if (event.kind === 'focus') {
        meter.check();
        focused = event.window;
        // Focus leaves one window before it reaches the next, as in VS Code.
        windows.forEach((w, i) => i !== focused && w.activity.set(false, false));
        if (focused !== undefined) windows[focused].activity.set(true, event.active);
        meter.check();
      } else if (event.kind === 'phone') {
        const truth = event.inDesktopApp ? inDesktopApp(emulator, event.action) : phone(emulator, event.action);
        if (event.measured) meter.changed('phone', aspectOf(event.action), truth);
        watch.rearm();
      } else if (event.kind === 'command') {
        actions.push(runEditorCommand(windows[focused ?? 0], event.command).finally(() => watch?.rearm()));
      } else if (event.kind === 'picker') {
        actions.push(usePicker(windows[focused ?? 0], event.use));
      } else {
        injectRateLimit(emulator, event);
      }
    }
    await clock.runUntil(start + scenario.durationMs);
    const failures = (await Promise.all(actions)).filter((f): f is string => f !== undefined);
    const end = clock.now();
    const staleness = { phone: meter.seconds('phone'), trackEnd: meter.seconds('trackEnd'), recovery: meter.seconds('recovery') };
    const apiRequests = emulator.requests.filter((r) => r.path.startsWith(API_PREFIX));
    if (apiRequests.length !== sentWithFocus.length) throw new Error('the emulator logged a request no window sent');
    return {
      name: contender.name,
      requests: apiRequests.map((r, i) => ({
        endpoint: `${r.method} ${r.path.slice(API_PREFIX.length)}`,
        at: r.time - start,
        status: r.status,
        someWindowFocused: sentWithFocus[i],
      })),
      staleness,
      commandFailures: failures,
      quota: quotaOutcome(emulator, start, end),
    };
  } finally {
    sending?.dispose();
    watch?.dispose();
    await Promise.all(windows.map((w) => w.close()));
    await emulator.close();
  }
}

/** When the emulator first refused with QUOTA_EXCEEDED, and for how long of the run it refused. */
function quotaOutcome(emulator: Emulator, start: number, end: number): RunResult['quota'] {
  const locks = emulator.quota().clients.flatMap((c) => c.locks);
  const first = Math.min(...locks.map((l) => l.from));
  const blindMs = locks.reduce((sum, l) => sum + Math.max(0, Math.min(l.until, end) - Math.max(l.from, start)), 0);
  return { firstExceededAt: Number.isFinite(first) ? first - start : null, blindMs };
}

function phone(emulator: Emulator, action: PhoneAction): EmulatorSnapshot {
  emulator.phone(action);
  return emulator.snapshot();
}

function inDesktopApp(emulator: Emulator, action: PhoneAction): EmulatorSnapshot {
  emulator.desktop(action);
  return emulator.snapshot();
}

function aspectOf(action: PhoneAction): 'item' | 'playing' | 'position' {
  if (action.type === 'seek') return 'position';
  return action.type === 'next' || action.type === 'previous' ? 'item' : 'playing';
}

/** The next player request is answered 429 with the scenario's Retry-After. */
function injectRateLimit(emulator: Emulator, event: Extract<ScenarioEvent, { kind: 'rateLimit' }>): void {
  emulator.addFault({
    match: { path: `${API_PREFIX}/me/player*` },
    status: 429,
    headers: { 'Retry-After': String(event.retryAfterSeconds) },
    body: { error: { status: 429, message: 'API rate limit exceeded' } },
  });
}
