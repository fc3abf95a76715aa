import * as vscode from 'vscode';
import { CallbackUriHandler } from './auth/callbackUriHandler';
import { ClientSecretStore } from './auth/clientSecretStore';
import { UriHandlerFlow } from './auth/flows/uriHandlerFlow';
import { PendingSignIns } from './auth/pendingSignIns';
import { PROVIDER_ID, PROVIDER_LABEL, SpotifyAuthProvider } from './auth/provider';
import { SessionKeeper } from './auth/sessionKeeper';
import { SessionStore } from './auth/sessionStore';
import { signIn } from './auth/signIn';
import { systemClock } from './clock';
import { onSettingsChanged, readSettings } from './config/settings';
import { createLog } from './log';
import { PlaybackScheduler, DEFAULT_TIMING } from './playback/scheduler';
import { Availability, PlaybackState } from './playback/playbackState';
import type { PlaybackSnapshot } from './spotify/types';
import type { Event } from './emitter';
import { SpotifyClient } from './spotify/client';
import { SpotifyHttp } from './spotify/http';
import { RetryAfterGate } from './spotify/retryAfterGate';
import { registerAccountCommands } from './ui/accountCommands';
import { Notifier } from './ui/notifier';
import { NowPlayingItem } from './ui/nowPlayingItem';
import { registerPlaybackCommands } from './ui/playbackCommands';
import { VsCodeWindowActivity } from './ui/windowActivity';

/** Composition root: builds the parts and registers them with VS Code; no behaviour of its own. */
/** What other extensions may read: the track and state the status bar shows. */
export interface BackbeatApi {
  nowPlaying(): { availability: Availability['kind']; snapshot: PlaybackSnapshot | undefined };
  onDidChangeNowPlaying: Event<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<BackbeatApi> {
  const clock = systemClock;
  const log = createLog();
  const notifier = new Notifier(log, clock);
  const gate = new RetryAfterGate(clock);
  const store = new SessionStore(context.secrets, log);
  const clientSecrets = new ClientSecretStore(context.secrets, log);
  const settings = () => readSettings();

  const keeper = new SessionKeeper({
    store,
    clock,
    log,
    tokenClient: async (usesClientSecret) => {
      const { accountsUrl, clientId = '' } = settings();
      return { accountsUrl, clientId, clientSecret: usesClientSecret ? await clientSecrets.get() : undefined };
    },
    onSignedOutByServer: (error) => notifier.report(error, 'Refresh'),
  });

  const pending = new PendingSignIns(clock);
  const flow = new UriHandlerFlow(context.extension.id, pending);
  const provider = new SpotifyAuthProvider(keeper, (scopes) =>
    signIn({ settings, clientSecrets, gate, clock, log }, flow, scopes).catch((error: unknown) => {
      notifier.report(error, 'Sign-in');
      throw error;
    }),
  );

  const client = new SpotifyClient(new SpotifyHttp({ apiUrl: () => settings().apiUrl, tokens: keeper, gate, clock, log }));
  const state = new PlaybackState(clock);
  const windowActivity = new VsCodeWindowActivity();
  const scheduler = new PlaybackScheduler({
    reader: client,
    state,
    window: windowActivity,
    clock,
    log,
    timing: () => DEFAULT_TIMING,
    waitUntil: () => gate.blockedUntil,
    onDidChangeWait: gate.onDidChange,
  });
  const followSession = () => {
    const signedIn = !!keeper.current;
    if (!signedIn) state.setAvailability({ kind: 'signedOut' });
    else if (state.availability.kind === 'signedOut') state.setAvailability({ kind: 'unknown' });
    scheduler.setEnabled(signedIn);
    void vscode.commands.executeCommand('setContext', 'backbeat.signedIn', signedIn);
  };

  context.subscriptions.push(
    log,
    { dispose: () => keeper.dispose() },
    { dispose: () => store.dispose() },
    { dispose: () => gate.dispose() },
    { dispose: () => scheduler.dispose() },
    { dispose: () => state.dispose() },
    vscode.window.registerUriHandler(new CallbackUriHandler(pending, log)),
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, PROVIDER_LABEL, provider, { supportsMultipleAccounts: false }),
    provider,
    windowActivity,
    new NowPlayingItem(state, clock),
    new vscode.Disposable(keeper.onDidChange(followSession).dispose),
    onSettingsChanged(() => checkSettings(notifier)),
    ...registerAccountCommands(keeper, log),
    ...registerPlaybackCommands({ client, state, scheduler, notifier }),
  );
  checkSettings(notifier);
  await keeper.initialize();
  followSession();
  return {
    nowPlaying: () => ({ availability: state.availability.kind, snapshot: state.snapshot }),
    onDidChangeNowPlaying: state.onDidChange,
  };
}

function checkSettings(notifier: Notifier): void {
  try {
    readSettings();
  } catch (error) {
    notifier.report(error, 'Settings');
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
