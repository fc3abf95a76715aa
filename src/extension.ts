import * as path from 'path';
import * as vscode from 'vscode';
import { CallbackUriHandler } from './vscode/callbackUriHandler';
import { editorSignInUi } from './vscode/editorSignIn';
import { createSignInFlows, flowsToTryHere } from './vscode/editorFlows';
import { redirectUriToRegister } from './vscode/redirectUriToRegister';
import { PendingSignIns } from './auth/pendingSignIns';
import { PROVIDER_ID, PROVIDER_LABEL, SpotifyAuthProvider } from './vscode/authProvider';
import { FileSessionMarks } from './auth/sessionMark';
import { systemClock } from './clock';
import { Core } from './core';
import { localPlayerEnabled } from './vscode/settings/localPlayerSetting';
import { readDailyRequestBudget, readPollIntervalSeconds } from './vscode/settings/pacingSettings';
import { onSettingsChanged, readSettings } from './vscode/settings/settings';
import { localPlayerForThisSystem } from './localPlayer/forThisSystem';
import { createLog } from './vscode/logChannel';
import { timingForPollInterval } from './playback/scheduler';
import { FileLedgerStore } from './quota/ledgerStore';
import { setListenerErrorReporter } from './emitter';
import { registerAccountCommands } from './ui/accountCommands';
import { registerBudgetView } from './ui/budgetView';
import { ControlItems } from './ui/controlItems';
import { registerLibraryCommands } from './ui/libraryCommands';
import { announceLyricsWhenTurnedOn } from './ui/lyricsAnnouncement';
import type { Notices } from './present/notices';
import { nowPlayingApi } from './present/nowPlayingApi';
import type { BackbeatApi } from '../api/backbeat';
import { showNotification } from './ui/notifier';
import { NowPlayingItem } from './ui/nowPlayingItem';
import { registerNowPlayingView } from './ui/nowPlayingView';
import { registerPlaybackCommands } from './ui/playbackCommands';
import { readPlayerSettings } from './vscode/settings/playerSettings';
import { lyricsEnabled, readLyricsUrl } from './vscode/settings/lyricsSettings';
import { VsCodeWindowActivity } from './vscode/editorWindowActivity';
import { installVsCodeTranslator } from './vscode/translator';

/** Binds VS Code to the core: adapts its APIs, registers what the core built; no behaviour of its own. */
export function activate(context: vscode.ExtensionContext): BackbeatApi {
  const activationStarted = performance.now();
  installVsCodeTranslator();
  const clock = systemClock;
  const log = createLog();
  // A listener's exception (a renderer's, say) goes to the log instead of vanishing.
  context.subscriptions.push(setListenerErrorReporter((error) => log.error('An event listener failed', error)));
  const settings = () => readSettings();
  const windowActivity = new VsCodeWindowActivity();
  const timing = () => timingForPollInterval(readPollIntervalSeconds());
  const pending = new PendingSignIns(clock);
  const flows = createSignInFlows(context.extension.id, pending);
  const core = new Core({
    secrets: context.secrets,
    clock,
    log,
    window: windowActivity,
    spotify: settings,
    // The extension host's global storage is one folder for every window (and code-server tab).
    ledgerStore: new FileLedgerStore(path.join(context.globalStorageUri.fsPath, 'requests')),
    sessionMarks: new FileSessionMarks(path.join(context.globalStorageUri.fsPath, 'session-mark.json')),
    dailyRequestBudget: readDailyRequestBudget,
    memento: context.globalState,
    signIn: { flows: () => flowsToTryHere(context.extension.id, flows), ui: editorSignInUi },
    showNotice: showNotification(log),
    timing,
    likeShown: () => readPlayerSettings().controls.includes('like'),
    onSignedInChanged: (signedIn) => void vscode.commands.executeCommand('setContext', 'backbeat.signedIn', signedIn),
    localPlayer: localPlayerForThisSystem(process.platform, context.asAbsolutePath('dist/helpers'), { clock, log }),
    localPlayerEnabled,
    showsProgress: () => readPlayerSettings().showProgress,
  });
  const { notices, keeper, client, state, commands, likes, budget, ledger, devices, playlists } = core;
  /** The steady rhythm while the window is in use, as the tooltip and the budget view state it. */
  const checkEveryMs = () => budget.rhythmIntervalMs(true, timing());
  const provider = new SpotifyAuthProvider(keeper, (scopes) => core.signIn(scopes));

  const grantedScopes = () => keeper.current?.scopes ?? [];
  const playbackDeps = { client, devices, playlists, state, commands, likes, clock, settings: readPlayerSettings, grantedScopes };

  context.subscriptions.push(
    log,
    core,
    vscode.window.registerUriHandler(new CallbackUriHandler(pending, log)),
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, PROVIDER_LABEL, provider, { supportsMultipleAccounts: false }),
    provider,
    windowActivity,
    new NowPlayingItem({ state, clock, window: windowActivity, likes, settings: readPlayerSettings, budget, checkEveryMs }),
    new ControlItems(state, likes, readPlayerSettings),
    announceLyricsWhenTurnedOn(),
    registerNowPlayingView({
      extensionUri: context.extensionUri,
      state,
      likes,
      accountFree: () => core.sources?.accountFree ?? false,
      clock,
      queue: client,
      budget,
      client,
      commands,
      lookedAt: () => core.scheduler.lookedAt?.(),
      // Read when the view is shown: turning lyrics on or off takes effect the next time.
      lyrics: () => (lyricsEnabled() ? { url: readLyricsUrl, cacheDir: context.globalStorageUri.fsPath, clock, log } : undefined),
    }),
    onSettingsChanged(() => {
      checkSettings(notices);
      core.settingsChanged();
    }),
    ...registerAccountCommands({
      keeper,
      log,
      clientSecrets: core.clientSecrets,
      signIn: () => core.signIn(),
      redirectUri: (flow) => redirectUriToRegister(context.extension.id, flows, flow),
    }),
    ...registerPlaybackCommands(playbackDeps),
    ...registerLibraryCommands(playbackDeps),
    ...registerBudgetView({ budget, ledger, clock, checkEveryMs }),
  );
  checkSettings(notices);
  // The session, the ledger and the desktop app come after the first paint: activate does not wait.
  core.start().catch((error: unknown) => log.error('Starting failed', error));
  // The benchmark reads this line to report activation time.
  log.info(`Activated in ${Math.round(performance.now() - activationStarted)} ms`);
  // What other extensions read (api/backbeat.d.ts): what this window knows, never a request.
  return nowPlayingApi({ state, budget, clock, signedIn: () => !!keeper.current });
}

function checkSettings(notices: Notices): void {
  try {
    readSettings();
  } catch (error) {
    notices.report(error, 'Settings');
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
