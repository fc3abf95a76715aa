import { l10n } from '../l10n';

/** Typed outcomes of a sign-in attempt that did not end signed in, so the UI picks the words. */
export class SignInCancelled extends Error {
  constructor() {
    super(l10n.t('Sign-in was cancelled.'));
  }
}

export class SignInDeclined extends Error {
  constructor() {
    super(l10n.t('You declined access in Spotify.'));
  }
}

export class SignInTimedOut extends Error {
  constructor(minutes: number) {
    super(l10n.t('Sign-in timed out: Spotify did not send you back to VS Code within {0} minutes.', minutes));
  }
}

export class SignInSetupNeeded extends Error {}

/**
 * Spotify let the user approve the app but refuses their account: it is not on the app's User
 * Management list (development-mode apps serve only the users added there).
 */
export class NotOnUserList extends SignInSetupNeeded {
  constructor(readonly clientId: string) {
    super(l10n.t('Spotify does not let this account use the app with Client ID {0} yet.', clientId));
  }
}

/** A sign-in flow cannot start here (a busy port, for instance); another flow may still work. */
export class SignInFlowUnavailable extends Error {}
