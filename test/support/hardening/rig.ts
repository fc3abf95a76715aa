import { SessionKeeper } from '../../../src/auth/sessionKeeper';
import { SessionStore } from '../../../src/auth/sessionStore';
import type { StoredSession } from '../../../src/auth/session';
import { Emitter } from '../../../src/emitter';
import { PlaybackState } from '../../../src/playback/playbackState';
import { DEFAULT_TIMING, PlaybackReader, PlaybackScheduler, WindowActivity } from '../../../src/playback/scheduler';
import { SpotifyClient } from '../../../src/spotify/client';
import { SpotifyHttp } from '../../../src/spotify/http';
import { RetryAfterGate } from '../../../src/spotify/retryAfterGate';
import type { PlaybackSnapshot } from '../../../src/spotify/types';
import { describeFailure, UserMessage } from '../../../src/ui/errorMessages';
import { NotificationGate } from '../../../src/ui/notificationGate';
import { Emulator, EmulatorOptions, startEmulator } from '../../../emulator';
import { FakeClock } from '../fakeClock';
import { SharedSecrets } from '../fakeSecretStorage';
import { RecordingLog } from '../recordingLog';
import { emulatorSession } from '../emulatorGrant';

/**
 * The extension's parts, built and wired as `src/extension.ts` builds them, on Node: the real
 * session store and keeper, HTTP layer, client, Retry-After gate, playback state and scheduler,
 * talking to the emulator. Only what VS Code provides is a double: SecretStorage, the clock
 * (shared with the emulator, so tokens expire in simulated time), the window's focus and the
 * notifications (recorded through the same describe-then-gate rule the Notifier applies).
 */

/** Real milliseconds a request may take before it is aborted: short, so hanging servers cost little. */
export const RIG_TIMEOUT_MS = 400;

export class FakeWindow implements WindowActivity {
  focused = true;
  active = true;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  set(focused: boolean, active: boolean): void {
    this.focused = focused;
    this.active = active;
    this.changed.fire();
  }

  get listenerCount(): number {
    return this.changed.listenerCount;
  }
}

/** What the user saw: notifications shown, per the Notifier's one-per-cause rule. */
export class UserNotices {
  readonly shown: UserMessage[] = [];
  private readonly gate: NotificationGate;

  constructor(
    clock: FakeClock,
    private readonly log: RecordingLog,
  ) {
    this.gate = new NotificationGate(clock);
  }

  report(error: unknown, context: string): void {
    const message = describeFailure(error);
    if (!message) return;
    this.log.warn(`${context}: ${message.text}`);
    if (this.gate.tryOpen(message.cause)) this.shown.push(message);
  }

  /** The user closes every open notification. */
  dismissAll(): void {
    for (const m of this.shown) this.gate.closed(m.cause);
  }

  countFor(cause: string): number {
    return this.shown.filter((m) => m.cause === cause).length;
  }
}

/** The scheduler's reader, counting reads and keeping the one under way. */
class ObservedReader implements PlaybackReader {
  started = 0;
  inFlight: Promise<unknown> | undefined;

  constructor(private readonly client: SpotifyClient) {}

  playback(): Promise<PlaybackSnapshot | undefined> {
    this.started++;
    const read = this.client.playback();
    const tracked: Promise<unknown> = read
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight === tracked) this.inFlight = undefined;
      });
    this.inFlight = tracked;
    return read;
  }
}

const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Rig {
  readonly log = new RecordingLog();
  readonly secrets = new SharedSecrets();
  readonly window = new FakeWindow();
  readonly notices: UserNotices;
  readonly gate: RetryAfterGate;
  readonly store: SessionStore;
  readonly keeper: SessionKeeper;
  readonly client: SpotifyClient;
  readonly state: PlaybackState;
  readonly scheduler: PlaybackScheduler;
  readonly reader: ObservedReader;
  /** Messages of errors thrown to callers (commands, reads): they are outputs too. */
  readonly thrown: string[] = [];
  private readonly subscriptions: { dispose(): void }[] = [];

  private constructor(
    readonly emu: Emulator,
    readonly clock: FakeClock,
  ) {
    const { log } = this;
    this.notices = new UserNotices(clock, log);
    this.gate = new RetryAfterGate(clock);
    this.store = new SessionStore(this.secrets.window(), log);
    this.keeper = new SessionKeeper({
      store: this.store,
      clock,
      log,
      tokenClient: async () => ({ accountsUrl: emu.accountsUrl, clientId: emu.clientId, timeoutMs: RIG_TIMEOUT_MS }),
      onSignedOutByServer: (error) => this.notices.report(error, 'Refresh'),
    });
    this.client = new SpotifyClient(new SpotifyHttp({ apiUrl: () => emu.apiUrl, tokens: this.keeper, gate: this.gate, clock, log, timeoutMs: RIG_TIMEOUT_MS }));
    this.state = new PlaybackState(clock);
    this.reader = new ObservedReader(this.client);
    this.scheduler = new PlaybackScheduler({
      reader: this.reader,
      state: this.state,
      window: this.window,
      clock,
      log,
      timing: () => DEFAULT_TIMING,
      waitUntil: () => this.gate.blockedUntil,
      onDidChangeWait: this.gate.onDidChange,
    });
    // As extension.ts: the session decides whether the status bar reads at all.
    this.subscriptions.push(this.keeper.onDidChange(() => this.followSession()));
  }

  static async start(options: Partial<EmulatorOptions> = {}): Promise<Rig> {
    const clock = new FakeClock();
    // One time line: tokens expire, tracks progress and Retry-After runs out in simulated time.
    const emu = await startEmulator({ autoApprove: true, ...options, clock: { now: () => clock.now() } });
    const rig = new Rig(emu, clock);
    await rig.keeper.initialize();
    rig.followSession();
    return rig;
  }

  private followSession(): void {
    const signedIn = !!this.keeper.current;
    if (!signedIn) this.state.setAvailability({ kind: 'signedOut' });
    else if (this.state.availability.kind === 'signedOut') this.state.setAvailability({ kind: 'unknown' });
    this.scheduler.setEnabled(signedIn);
  }

  /** A real PKCE authorization and code exchange with the emulator, adopted as a sign-in. */
  async signIn(): Promise<StoredSession> {
    const session = await emulatorSession(this.emu, this.clock.now());
    this.log.addSecret(session.accessToken);
    this.log.addSecret(session.refreshToken);
    await this.keeper.signedIn(session);
    return session;
  }

  /** A user command the way playbackCommands' `run` handles it: failures become one notice. */
  async command(name: string, send: (client: SpotifyClient) => Promise<unknown>): Promise<boolean> {
    try {
      await this.pump(send(this.client));
      this.scheduler.confirmAfterCommand();
      return true;
    } catch (error) {
      this.thrown.push(error instanceof Error ? error.message : String(error));
      this.notices.report(error, name);
      return false;
    }
  }

  /**
   * Waits for `work` in real time while simulated time moves on in small steps, for work that
   * waits on both (a 202 retry delay, the grace before concluding a grant is dead).
   */
  async pump<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const settled = work.finally(() => (done = true));
    settled.catch(() => undefined);
    while (!done) {
      await Promise.race([settled.catch(() => undefined), realDelay(3)]);
      if (!done) await this.clock.advance(50);
    }
    return settled;
  }

  /** Moves simulated time to the scheduler's next read and lets it finish. Returns the time it took. */
  async nextRead(limitMs = 24 * 3600_000): Promise<number> {
    // A read still under way (started while commands waited) finishes first; it is not the next one.
    while (this.reader.inFlight) await this.pump(this.reader.inFlight);
    const startedAt = this.clock.now();
    const before = this.reader.started;
    while (this.reader.started === before) {
      const at = this.clock.nextTimerAt();
      if (at === undefined || at - startedAt > limitMs) throw new Error(`no read scheduled within ${limitMs} ms`);
      await this.clock.advance(Math.max(0, at - this.clock.now()));
    }
    while (this.reader.inFlight) await this.pump(this.reader.inFlight);
    return this.clock.now() - startedAt;
  }

  /** Everything the user could have seen or read: log lines, notifications, error messages. */
  outputs(): { place: string; text: string }[] {
    return [
      ...this.log.lines.map((text, i) => ({ place: `log line ${i + 1}`, text })),
      ...this.notices.shown.map((m, i) => ({ place: `notification ${i + 1}`, text: `${m.text} ${JSON.stringify(m.actions)}` })),
      ...this.thrown.map((text, i) => ({ place: `error message ${i + 1}`, text })),
      ...this.state.availability.kind === 'unreachable' ? [{ place: 'status bar tooltip', text: this.state.availability.message }] : [],
    ];
  }

  /** Deactivation: the same parts disposed as extension.ts's subscriptions dispose them. */
  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.keeper.dispose();
    this.store.dispose();
    this.gate.dispose();
    this.scheduler.dispose();
    this.state.dispose();
  }

  async close(): Promise<void> {
    this.dispose();
    await this.emu.close();
  }
}
