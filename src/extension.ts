import * as vscode from 'vscode';
import { AccountChoice } from './auth/accountChoice';
import { CallbackUriHandler } from './auth/callbackUriHandler';
import { ClientSecretStore } from './auth/clientSecretStore';
import { createSignInFlows } from './auth/flows/editorFlows';
import { redirectUriToRegister } from './auth/flows/redirectUriToRegister';
import { PendingSignIns } from './auth/pendingSignIns';
import { PROVIDER_ID, PROVIDER_LABEL, SpotifyAuthProvider } from './auth/provider';
import { SessionKeeper } from './auth/sessionKeeper';
import { SessionStore } from './auth/sessionStore';
import { DEFAULT_SCOPES } from './auth/scopes';
import { signInChoosingFlow } from './auth/signIn';
import { systemClock } from './clock';
import { onPollIntervalChanged, readPollIntervalSeconds } from './config/pollInterval';
import { onSettingsChanged, readSettings } from './config/settings';
import { createLog } from './log';
import { PlaybackScheduler, timingForPollInterval } from './playback/scheduler';
import { Availability, PlaybackState } from './playback/playbackState';
import type { PlaybackSnapshot } from './spotify/types';
import type { Event } from './emitter';
import { SpotifyClient } from './spotify/client';
import { SpotifyHttp } from './spotify/http';
import { RetryAfterGate } from './spotify/retryAfterGate';
import { registerAccountCommands } from './ui/accountCommands';
import { ControlItems } from './ui/controlItems';
import { registerLibraryCommands } from './ui/libraryCommands';
import { LikeStatus } from './ui/likeStatus';
import { Notifier } from './ui/notifier';
import { NowPlayingItem } from './ui/nowPlayingItem';
import { registerPlaybackCommands } from './ui/playbackCommands';
import { onPlayerSettingsChanged, readPlayerSettings } from './ui/playerSettings';
import { VsCodeWindowActivity } from './ui/windowActivity';

/** What other extensions may read: the track and state the status bar shows. */
export interface BackbeatApi {
  nowPlaying(): { availability: Availability['kind']; snapshot: PlaybackSnapshot | undefined };
  onDidChangeNowPlaying: Event<void>;
}

/** Composition root: builds the parts and registers them with VS Code; no behaviour of its own. */
export async function activate(context: vscode.ExtensionContext): Promise<BackbeatApi> {
  const activationStarted = performance.now();
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
  const flows = createSignInFlows(context.extension.id, pending);
  const accountChoice = new AccountChoice(context.globalState, keeper.onDidChange);
  const showDialog = () => accountChoice.wanted;
  const provider = new SpotifyAuthProvider(keeper, (scopes) =>
    signInChoosingFlow({ settings, clientSecrets, gate, clock, log, showDialog }, context.extension.id, flows, scopes).catch((error: unknown) => {
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
    timing: () => timingForPollInterval(readPollIntervalSeconds()),
    waitUntil: () => gate.blockedUntil,
    onDidChangeWait: gate.onDidChange,
  });
  const likes = new LikeStatus(client, state, () => readPlayerSettings().controls.includes('like'), log);
  const grantedScopes = () => keeper.current?.scopes ?? [];
  const playbackDeps = { client, state, scheduler, notifier, likes, clock, settings: readPlayerSettings, grantedScopes };
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
    accountChoice,
    windowActivity,
    likes,
    new NowPlayingItem({ state, clock, window: windowActivity, likes, settings: readPlayerSettings }),
    new ControlItems(state, likes, readPlayerSettings),
    onPlayerSettingsChanged(() => likes.refresh()),
    new vscode.Disposable(keeper.onDidChange(followSession).dispose),
    onSettingsChanged(() => checkSettings(notifier)),
    onPollIntervalChanged(() => scheduler.timingChanged()),
    ...registerAccountCommands({
      keeper,
      log,
      clientSecrets,
      signIn: () => provider.createSession(DEFAULT_SCOPES),
      redirectUri: (flow) => redirectUriToRegister(context.extension.id, flows, flow),
    }),
    ...registerPlaybackCommands(playbackDeps),
    ...registerLibraryCommands(playbackDeps),
  );
  checkSettings(notifier);
  await keeper.initialize();
  followSession();
  // The benchmark reads this line to report activation time.
  log.info(`Activated in ${Math.round(performance.now() - activationStarted)} ms`);
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
