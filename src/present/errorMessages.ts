import { NotSignedIn } from '../auth/sessionKeeper';
import { NotOnUserList, SignInCancelled, SignInDeclined, SignInSetupNeeded, SignInTimedOut } from '../auth/signInErrors';
import { TokenError } from '../auth/tokenEndpoint';
import { FreeAccountUsesLocalApp, NoActiveDeviceButOne } from '../playback/commandOutcomes';
import { CommandDisallowed } from '../playback/disallowed';
import { ScopeMissing, SpotifyError } from '../spotify/errors';
import { l10n } from '../l10n';
import { formatWait } from './format';

// Turns any failure into one line for the user and the actions that fix it. Returns undefined for
// outcomes that deserve no message (a cancelled sign-in).

interface MessageAction {
  title: string;
  command: string;
  args?: unknown[];
}

export interface UserMessage {
  /** Same cause, same key: repeated failures are logged instead of shown again. */
  cause: string;
  text: string;
  severity: 'error' | 'warning' | 'info';
  actions: MessageAction[];
}

// Functions, not constants: a title is translated when shown, after activation installed the translator.
const SIGN_IN = (): MessageAction => ({ title: l10n.t('Sign In'), command: 'backbeat.signIn' });
const SELECT_DEVICE = (): MessageAction => ({ title: l10n.t('Select Device'), command: 'backbeat.selectDevice' });
const SET_CLIENT_ID = (): MessageAction => ({ title: l10n.t('Set Client ID'), command: 'backbeat.setClientId' });
const SHOW_LOG = (): MessageAction => ({ title: l10n.t('Show Log'), command: 'backbeat.showLog' });
/** Consent again with every scope Backbeat asks for, even though a session exists. */
const SIGN_IN_AGAIN = (): MessageAction => ({ title: l10n.t('Sign In Again'), command: 'backbeat.signIn', args: [{ reconsent: true }] });
const OPEN_DASHBOARD = (): MessageAction => ({ title: l10n.t('Open Developer Dashboard'), command: 'backbeat.openDeveloperDashboard' });
const COPY_CLIENT_ID = (): MessageAction => ({ title: l10n.t('Copy Client ID'), command: 'backbeat.copyClientId' });
const TRY_AGAIN = (): MessageAction => ({ title: l10n.t('Try Again'), command: 'backbeat.signIn' });

/** What to do about an account missing from the app's User Management, at sign-in or later. */
function notOnUserList(clientId?: string): string {
  return clientId
    ? l10n.t('Spotify does not let this account use your app yet. In the Spotify developer dashboard, open the app with Client ID {0} and add the account\u2019s e-mail under User Management, then sign in again.', clientId)
    : l10n.t('Spotify does not let this account use your app yet. In the Spotify developer dashboard, open the app whose Client ID Backbeat uses and add the account\u2019s e-mail under User Management, then sign in again.');
}


/** Any failure but the daily quota's, which needs the time (describeQuotaFailure). */
export function describeFailure(error: unknown): UserMessage | undefined {
  const msg = (cause: string, text: string, actions: MessageAction[] = [], severity: UserMessage['severity'] = 'error'): UserMessage => ({
    cause,
    text,
    severity,
    actions,
  });
  if (error instanceof SignInCancelled) return undefined;
  if (error instanceof NotSignedIn) return msg('signedOut', l10n.t('You are not signed in to Spotify.'), [SIGN_IN()], 'info');
  if (error instanceof SignInDeclined) return msg('declined', l10n.t('You declined access in Spotify.'), [TRY_AGAIN()], 'info');
  if (error instanceof SignInTimedOut) return msg('timeout', error.message, [TRY_AGAIN()], 'warning');
  if (error instanceof NotOnUserList) return msg('user_not_registered', notOnUserList(error.clientId), [OPEN_DASHBOARD(), COPY_CLIENT_ID()]);
  if (error instanceof SignInSetupNeeded) return msg('setup', error.message, [SET_CLIENT_ID(), { title: l10n.t('Open Setup Guide'), command: 'backbeat.openSetupGuide' }]);
  if (error instanceof TokenError) {
    switch (error.kind) {
      case 'dead_grant':
        return msg('deadGrant', l10n.t('{0} Sign in again.', error.message), [SIGN_IN()]);
      case 'expired_grant':
        return msg('expiredGrant', l10n.t('Spotify ends a sign-in after six months, and yours has ended. Sign in again to go on.'), [SIGN_IN()], 'warning');
      case 'rejected_client':
        return msg('rejectedClient', error.message, [SET_CLIENT_ID()]);
      case 'unavailable':
        return msg('tokenUnavailable', l10n.t('{0} You stay signed in; Backbeat will try again.', error.message), [SHOW_LOG()], 'warning');
      default:
        return msg('tokenRequest', error.message, [SHOW_LOG()]);
    }
  }
  if (error instanceof FreeAccountUsesLocalApp) return msg('freeAccount', error.message, [], 'info');
  if (error instanceof NoActiveDeviceButOne) {
    const { device } = error;
    return msg('no_active_device', l10n.t('No active Spotify device. Play on {0}?', device.name), [{ title: l10n.t('Play on {0}', device.name), command: 'backbeat.selectDevice', args: [device] }, SELECT_DEVICE()], 'warning');
  }
  if (error instanceof CommandDisallowed) return msg(`disallowed:${error.action}`, error.message, [], 'info');
  if (error instanceof ScopeMissing) {
    // Signing in again asks for Backbeat's scopes: it helps only when the sign-in lacks this one.
    return error.alreadyGranted
      ? msg('missing_scope', l10n.t('Spotify refused {0}, saying the {1} permission is missing, although your sign-in includes it. Signing in again would ask for the same permissions.', error.doing, error.scope), [SHOW_LOG()])
      : msg('missing_scope', l10n.t('{0} needs the Spotify permission {1}, which your sign-in does not include. Sign in again to grant it.', error.doing, error.scope), [SIGN_IN_AGAIN()]);
  }
  if (error instanceof SpotifyError) return describeSpotifyError(error, msg);
  const text = error instanceof Error ? error.message : String(error);
  return msg('unexpected', l10n.t('Spotify: {0}', text), [SHOW_LOG()]);
}

function describeSpotifyError(
  error: SpotifyError,
  msg: (cause: string, text: string, actions?: MessageAction[], severity?: UserMessage['severity']) => UserMessage,
): UserMessage {
  switch (error.kind) {
    case 'no_active_device':
      return msg(error.kind, l10n.t('No active Spotify device. Start Spotify on a device, or select one.'), [SELECT_DEVICE()], 'warning');
    case 'premium_required':
      return msg(error.kind, l10n.t('Controlling playback needs Spotify Premium on this account.'));
    case 'volume_not_controllable':
      return msg(error.kind, l10n.t('This device does not let other apps change its volume.'), [SELECT_DEVICE()], 'warning');
    case 'device_not_controllable':
      return msg(error.kind, l10n.t('This device cannot be controlled remotely.'), [SELECT_DEVICE()], 'warning');
    case 'device_not_found':
      return msg(error.kind, l10n.t('That Spotify device is no longer available.'), [SELECT_DEVICE()], 'warning');
    case 'restricted':
      // "Restriction violated": a device that refuses remote control, or a command that does not apply now.
      return msg(error.kind, l10n.t('Spotify does not allow that on this device right now ({0}).', error.spotifySaid ?? error.message), [SELECT_DEVICE()], 'warning');
    case 'nothing_to_skip':
      return msg(error.kind, l10n.t('There is no track to skip to.'), [], 'info');
    case 'device_waking':
      return msg(error.kind, l10n.t('The Spotify device is still waking up and did not take the command. Try again in a moment.'), [SELECT_DEVICE()], 'warning');
    case 'rate_limited':
      return msg(error.kind, l10n.t('Spotify is rate-limiting your app and asked Backbeat to wait {0} before the next request.', formatWait(error.retryAfterSeconds ?? 0)), [], 'warning');
    case 'closed_to_app':
      return msg(error.kind, l10n.t('Spotify keeps answering \u201ctoo many requests\u201d to this while it answers Backbeat\u2019s other requests: Spotify has likely closed it to development-mode apps like yours.'), [SHOW_LOG()], 'warning');
    case 'missing_scope':
      return msg(error.kind, l10n.t('Backbeat needs more Spotify permissions for that. Sign in again to grant them.'), [SIGN_IN_AGAIN()]);
    case 'user_not_registered':
      return msg(error.kind, notOnUserList(), [OPEN_DASHBOARD(), COPY_CLIENT_ID()]);
    case 'unauthorized':
      return msg(error.kind, l10n.t('Spotify did not accept the sign-in.'), [SIGN_IN()]);
    case 'network':
      return msg(error.kind, l10n.t('{0}. Check your connection; Backbeat will catch up when Spotify is reachable.', error.message), [], 'warning');
    case 'server':
      return msg(error.kind, l10n.t('Spotify is having trouble right now. Try again in a moment.'), [], 'warning');
    case 'malformed':
      return msg(error.kind, l10n.t('Spotify sent an answer Backbeat could not read.'), [SHOW_LOG()], 'warning');
    default:
      return msg(error.kind, l10n.t('Spotify refused the request ({0}).', error.spotifySaid ?? error.message), [SHOW_LOG()]);
  }
}
