import type { UserMessage } from './errorMessages';
import { l10n } from '../l10n';

// A web editor's tab reads SecretStorage from its own copy, made when the tab opened: a sign-in or a
// renewed session from another tab reaches it only through a reload (VS Code restores the tab as it was).
// The words are getters: read when shown, after activation installed the translator.
export const SESSION_IN_ANOTHER_TAB: UserMessage = {
  cause: 'session-in-another-tab',
  get text() {
    return l10n.t('Your Spotify sign-in changed in another tab. Reload this tab to use it here.');
  },
  severity: 'info',
  get actions() {
    return [{ title: l10n.t('Reload Tab'), command: 'workbench.action.reloadWindow' }];
  },
};
