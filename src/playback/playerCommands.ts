import type { LocalCommand, LocalPlayer } from '../localPlayer/localPlayer';
import type { Log } from '../log';
import type { SpotifyClient } from '../spotify/client';
import type { DeviceList } from '../spotify/deviceList';
import { disallowed, PlayerAction } from './disallowed';
import { onlyAvailableDevice } from '../spotify/devices';
import { SpotifyError } from '../spotify/errors';
import type { PlaybackSnapshot } from '../spotify/types';
import { FreeAccountUsesLocalApp, NoActiveDeviceButOne } from './commandOutcomes';
import type { PlaybackState } from './playbackState';
import type { ReadScheduling } from './scheduler';
import { l10n } from '../l10n';

// The one way a command reaches Spotify, free of `vscode` so the hardening rig and the benchmark
// run it as the editor does: the status bar shows the effect at once, the command is sent, one
// confirming read follows once Spotify has caught up, and a refusal rolls back with a message.
// Play, pause, next, previous and seek go to the Spotify app on this computer when it is the
// active player (no quota, no Premium); if that fails they go through the Web API, and the log
// says so. A Free account's PREMIUM_REQUIRED sends them to the local app from then on.

interface CommandRun {
  /** For the log and the notification ("Next: ..."). */
  name: string;
  /** Resolves 'local' when the Spotify app on this computer took it (its own reports confirm it). */
  send(): Promise<void | 'local'>;
  /** The playback state the user should see at once. */
  guess?: (s: PlaybackSnapshot) => PlaybackSnapshot;
  /** Next or Previous: no guess, but a read still showing the item from before is lag (see PlaybackState.expectMoveOn). */
  movesOn?: boolean;
  /** A guess outside the playback state (the like flag); returns its undo. */
  show?: () => () => void;
  /** Read the playback state back afterwards (default); off for commands that do not change it. */
  confirm?: boolean;
  /** What it asks of the player, as `actions.disallows` names it: refused there, it is not sent. */
  action?: PlayerAction;
  /** Puts a refusal in terms of this command (which scope it needed), before the user is told. */
  explain?: (error: unknown) => unknown;
}

interface PlayerCommandsDeps {
  client: SpotifyClient;
  devices: Pick<DeviceList, 'list'>;
  state: PlaybackState;
  scheduler: Pick<ReadScheduling, 'confirmAfterCommand' | 'refreshNow'>;
  /** Tells the user of a refusal or an outcome (src/present/notices.ts), once per cause. */
  notices: { report(error: unknown, action: string): void };
  log: Pick<Log, 'warn'>;
  /** Where transport commands go: the local app, or (undefined) the Web API. */
  local?: LocalRoute;
}

interface LocalRoute {
  localFor(command: LocalCommand): LocalPlayer | undefined;
  accountIsFree(): void;
}

const NOTHING_ACTIVE = () => new SpotifyError('no_active_device', l10n.t('Nothing is playing on any device.'));

export class PlayerCommands {
  private toldFree = false;

  constructor(private readonly deps: PlayerCommandsDeps) {}

  /** Resolves true when Spotify accepted the command. */
  async run(command: CommandRun): Promise<boolean> {
    const refusal = command.action && disallowed(this.deps.state.snapshot, command.action);
    if (refusal) {
      this.deps.notices.report(refusal, command.name);
      return false;
    }
    const undoGuess = command.guess ? this.deps.state.applyOptimistic(command.guess) : command.movesOn ? this.deps.state.expectMoveOn() : undefined;
    const undoShow = command.show?.();
    try {
      const via = await command.send();
      if (undoGuess) this.deps.state.commandTaken();
      if (command.confirm !== false && via !== 'local') this.deps.scheduler.confirmAfterCommand();
      return true;
    } catch (error) {
      undoGuess?.();
      undoShow?.();
      await this.report(command.name, command.explain ? command.explain(error) : error);
      return false;
    }
  }

  /** Tells the user why something failed; with no active device, offers the only one there is. */
  async report(name: string, error: unknown): Promise<void> {
    let explained = error;
    if (error instanceof SpotifyError && error.kind === 'no_active_device') {
      const only = await this.deps.devices.list().then(onlyAvailableDevice, () => undefined);
      if (only) explained = new NoActiveDeviceButOne(only);
    }
    this.deps.notices.report(explained, name);
  }

  /** Runs a command that needs the current state (read once when nothing is known yet), or says nothing is active. */
  async withState(name: string, command: (s: PlaybackSnapshot) => CommandRun): Promise<boolean> {
    if (!this.deps.state.snapshot) await this.deps.scheduler.refreshNow();
    const snapshot = this.deps.state.snapshot;
    if (!snapshot) {
      await this.report(name, NOTHING_ACTIVE());
      return false;
    }
    return this.run(command(snapshot));
  }

  /** Sends a transport command to the local app when it is the active player, else (or when that fails) to the Web API. */
  private async transport(name: string, command: LocalCommand, web: () => Promise<void>): Promise<void | 'local'> {
    const route = this.deps.local;
    const local = route?.localFor(command);
    if (local) {
      try {
        await local.send(command);
        return 'local';
      } catch (error) {
        this.deps.log.warn(`${name} through Spotify on this computer (${local.via}) failed: ${(error as Error).message}. Sending it through the Web API.`);
      }
    }
    try {
      await web();
    } catch (error) {
      if (!(error instanceof SpotifyError && error.kind === 'premium_required') || !route || local) throw error;
      route.accountIsFree();
      const free = route.localFor(command);
      if (!free) throw error;
      await free.send(command);
      if (!this.toldFree) this.deps.notices.report(new FreeAccountUsesLocalApp(), name);
      this.toldFree = true;
      return 'local';
    }
  }

  play(): Promise<boolean> {
    return this.run({
      name: 'Play',
      action: 'resuming',
      guess: (s) => ({ ...s, isPlaying: true }),
      send: () => this.transport('Play', { type: 'play' }, () => this.deps.client.play()),
    });
  }

  pause(): Promise<boolean> {
    return this.run({
      name: 'Pause',
      action: 'pausing',
      guess: (s) => ({ ...s, isPlaying: false }),
      send: () => this.transport('Pause', { type: 'pause' }, () => this.deps.client.pause()),
    });
  }

  playPause(): Promise<boolean> {
    return this.deps.state.snapshot?.isPlaying ? this.pause() : this.play();
  }

  next(): Promise<boolean> {
    return this.run({ name: 'Next', action: 'skipping_next', movesOn: true, send: () => this.transport('Next', { type: 'next' }, () => this.deps.client.next()) });
  }

  previous(): Promise<boolean> {
    return this.run({ name: 'Previous', action: 'skipping_prev', movesOn: true, send: () => this.transport('Previous', { type: 'previous' }, () => this.deps.client.previous()) });
  }

  /** `target` gets the position now and gives the one to go to (kept within the item). */
  seek(name: string, target: (nowMs: number) => number): Promise<boolean> {
    return this.withState(name, (s) => {
      const duration = s.item?.durationMs ?? Infinity;
      const positionMs = Math.min(duration, Math.max(0, target(this.deps.state.progressMs())));
      return {
        name,
        action: 'seeking',
        guess: (g) => ({ ...g, progressMs: positionMs }),
        send: () => this.transport(name, { type: 'seek', positionMs }, () => this.deps.client.seek(positionMs)),
      };
    });
  }
}
