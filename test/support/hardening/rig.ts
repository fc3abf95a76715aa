import { SessionKeeper } from '../../../src/auth/sessionKeeper';
import type { StoredSession } from '../../../src/auth/session';
import { Core } from '../../../src/core';
import { PlaybackState } from '../../../src/playback/playbackState';
import { SpotifyClient } from '../../../src/spotify/client';
import { RetryAfterGate } from '../../../src/spotify/retryAfterGate';
import { FileLedgerStore, LedgerStore } from '../../../src/quota/ledgerStore';
import { Emulator, EmulatorOptions, startEmulator } from '../../../emulator';
import { FakeClock, settle } from '../../../sim/fakeClock';
import { SharedSecrets } from '../../../sim/fakeSecretStorage';
import { MemoryLedgerStore } from '../../../sim/memoryLedgerStore';
import { RecordingLog } from '../../../sim/recordingLog';
import { CoreWindow } from '../../../sim/coreWindow';
import { UserNotices } from '../../../sim/userNotices';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';
import { EmulatorDesktopPlayer } from '../../../sim/emulatorDesktopPlayer';

// The extension's core (src/core.ts), the very wiring `src/extension.ts` uses, on Node, talking to
// the emulator. Only what VS Code provides is a double: SecretStorage, the clock (shared with the
// emulator, so tokens expire in simulated time), the window's focus and the notifications (their
// one-per-cause rule is the core's; showing one is recorded here).

interface RigExtras {
  /** The emulator's desktop app, as MPRIS reports it (true) or as a helper with a heartbeat. */
  localPlayer?: boolean | 'helper';
  /** Keep the request ledger in files there, as the extension does (else in memory). */
  ledgerDir?: string;
  /** A view shows the like flag (the status bar's like control). */
  likeShown?: boolean;
  /** `backbeat.dailyRequestBudget`, when not the default; 0 for none. */
  dailyRequestBudget?: number;
}

/** Real milliseconds a request may take before it is aborted: short, so hanging servers cost little. */
const RIG_TIMEOUT_MS = 400;

/**
 * The scheduler's reads of the playback state, watched on the core's client from outside (only the
 * scheduler reads it): how many began, and the one under way, token refresh and retry included.
 */
class ObservedReads {
  started = 0;
  inFlight: Promise<unknown> | undefined;

  constructor(client: SpotifyClient) {
    const playback = client.playback.bind(client);
    client.playback = (kind) => this.observe(playback(kind));
  }

  private observe<T>(read: Promise<T>): Promise<T> {
    this.started++;
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
  readonly secrets = new SharedSecrets();
  readonly log: RecordingLog;
  readonly window: SimulatedWindowActivity;
  readonly notices: UserNotices;
  readonly core: Core;
  readonly reader: ObservedReads;
  /** Messages of errors thrown to callers (commands, reads): they are outputs too. */
  readonly thrown: string[] = [];

  private constructor(
    readonly emu: Emulator,
    readonly clock: FakeClock,
    /** The emulator's desktop app as the extension sees it, when the test wants one. */
    readonly local: EmulatorDesktopPlayer | undefined,
    /** The request ledger's storage (the extension's global storage folder). */
    readonly ledgerStore: LedgerStore,
    extras: RigExtras,
  ) {
    // In use from the start, with the shipped daily budget unless told: the suites see the budget's pace and limits as users do.
    const window = new CoreWindow({
      emulator: emu,
      secrets: this.secrets,
      ledger: ledgerStore,
      clock,
      dailyRequestBudget: extras.dailyRequestBudget,
      focused: true,
      host: { likeShown: () => extras.likeShown ?? false, requestTimeoutMs: RIG_TIMEOUT_MS, localPlayer: local },
    });
    ({ log: this.log, activity: this.window, notices: this.notices, core: this.core } = window);
    // Before the core starts: tests wait for the scheduler's next read.
    this.reader = new ObservedReads(this.core.client);
  }

  get keeper(): SessionKeeper {
    return this.core.keeper;
  }

  get client(): SpotifyClient {
    return this.core.client;
  }

  get state(): PlaybackState {
    return this.core.state;
  }

  get gate(): RetryAfterGate {
    return this.core.gate;
  }

  static async start(options: Partial<EmulatorOptions> = {}, extras: RigExtras = {}): Promise<Rig> {
    const clock = new FakeClock();
    // One time line: tokens expire, tracks progress and Retry-After runs out in simulated time.
    const emu = await startEmulator({ autoApprove: true, ...options, clock: clock.world });
    const ledgerStore = extras.ledgerDir ? new FileLedgerStore(extras.ledgerDir) : new MemoryLedgerStore();
    const local = extras.localPlayer ? new EmulatorDesktopPlayer(emu, clock, { heartbeat: extras.localPlayer === 'helper' }) : undefined;
    const rig = new Rig(emu, clock, local, ledgerStore, extras);
    await rig.core.start();
    return rig;
  }

  /** The core's own sign-in (PKCE, code exchange, GET /me, kept in SecretStorage), the emulator approving at once. */
  signIn(): Promise<StoredSession> {
    return this.pump(this.core.signIn());
  }

  /** A user command through the core's PlayerCommands, as the editor's commands run it. */
  command(name: string, send: (client: SpotifyClient) => Promise<unknown>): Promise<boolean> {
    return this.pump(
      this.core.commands.run({
        name,
        send: async () => {
          try {
            await send(this.client);
          } catch (error) {
            this.thrown.push(error instanceof Error ? error.message : String(error));
            throw error;
          }
        },
      }),
    );
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

  /** Lets simulated time pass and any read it started finish. */
  async wait(ms: number): Promise<void> {
    await this.clock.advance(ms);
    while (this.reader.inFlight) await this.pump(this.reader.inFlight);
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
      // A ledger in files answers in real time: the read its timer started looks at it first.
      if (this.ledgerStore instanceof FileLedgerStore) {
        await this.core.ledger.sync();
        await settle();
      }
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

  /** Deactivation: the core disposed as extension.ts's subscriptions dispose it. */
  dispose(): void {
    this.core.dispose();
  }

  async close(): Promise<void> {
    this.dispose();
    await this.emu.close();
  }
}
