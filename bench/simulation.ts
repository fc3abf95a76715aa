import { SessionStore } from '../src/auth/sessionStore';
import { startEmulator, type Emulator, type EmulatorSnapshot, type PhoneAction } from '../emulator';
import { SharedSecrets } from '../test/support/fakeSecretStorage';
import { RecordingLog } from '../test/support/recordingLog';
import { emulatorSession } from '../test/support/emulatorGrant';
import { SimulatedWindow } from './benchWindow';
import type { Contender } from './contender';
import { runEditorCommand } from './editorCommands';
import type { InFlightRequests } from './inFlightRequests';
import { WINDOW_COUNT, type Scenario, type ScenarioEvent } from './scenario';
import { StalenessMeter, TrackEndWatch } from './staleness';
import { VirtualTime } from './virtualTime';

/**
 * Plays the scenario's hour once for one contender: a fresh emulator on a virtual clock, one
 * signed-in session shared by two simulated windows, the contender reading for each window, and
 * the scenario's focus changes, phone actions, editor commands and 429 applied on time.
 */
export interface RunResult {
  name: string;
  /** Web API requests, by "METHOD /path", with their virtual time from the start (ms). */
  requests: { endpoint: string; at: number; status: number; someWindowFocused: boolean }[];
  staleness: Record<'phone' | 'trackEnd', { values: number[]; neverShown: number }>;
  /** Editor commands Spotify refused (none expected). */
  commandFailures: string[];
}

const API_PREFIX = '/v1';

export async function simulate(contender: Contender, scenario: Scenario, inFlight: InFlightRequests): Promise<RunResult> {
  const clock = new VirtualTime(inFlight);
  const emulator = await startEmulator({ clock });
  const windows: SimulatedWindow[] = [];
  let watch: TrackEndWatch | undefined;
  try {
    const secrets = new SharedSecrets();
    await new SessionStore(secrets.window(), new RecordingLog()).write(await emulatorSession(emulator, clock.now()));
    let focused: number | undefined;
    // Sent requests, in the order the emulator logs them: whether any window had focus then.
    const sentWithFocus: boolean[] = [];
    for (let i = 0; i < WINDOW_COUNT; i++) {
      const window = new SimulatedWindow({
        emulator,
        secrets,
        clock,
        contender,
        onRequest: () => sentWithFocus.push(focused !== undefined),
      });
      windows.push(window);
      // Unfocused at first: it reads nothing until the scenario focuses it.
      await window.open();
    }
    // Repeat the playlist so the hour never runs out of music (set up before anything is counted).
    await windows[0].client.setRepeat('context');
    emulator.requests.length = 0;
    sentWithFocus.length = 0;
    const start = clock.now();

    const meter = new StalenessMeter(clock, () => (focused === undefined ? undefined : windows[focused].state));
    windows.forEach((w) => w.state.onDidChange(() => meter.check()));
    watch = new TrackEndWatch(emulator, clock, (truth) => meter.changed('trackEnd', 'item', truth));
    watch.rearm();

    const commands: Promise<string | undefined>[] = [];
    for (const event of scenario.events) {
      await clock.runUntil(start + event.at);
      if (event.kind === 'focus') {
        focused = event.window;
        // Focus leaves one window before it reaches the next, as in VS Code.
        windows.forEach((w, i) => i !== focused && w.activity.set(false, false));
        if (focused !== undefined) windows[focused].activity.set(true, event.active);
        meter.check();
      } else if (event.kind === 'phone') {
        const truth = phone(emulator, event.action);
        if (event.measured) meter.changed('phone', aspectOf(event.action), truth);
        watch.rearm();
      } else if (event.kind === 'command') {
        const from = focused ?? 0;
        commands.push(runEditorCommand(windows[from], event.command).finally(() => watch?.rearm()));
      } else {
        injectRateLimit(emulator, event);
      }
    }
    await clock.runUntil(start + scenario.durationMs);
    const failures = (await Promise.all(commands)).filter((f): f is string => f !== undefined);
    const end = clock.now();
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
      staleness: { phone: meter.seconds('phone', end), trackEnd: meter.seconds('trackEnd', end) },
      commandFailures: failures,
    };
  } finally {
    watch?.dispose();
    windows.forEach((w) => w.dispose());
    await emulator.close();
  }
}

function phone(emulator: Emulator, action: PhoneAction): EmulatorSnapshot {
  emulator.phone(action);
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
