import type { UserMessage } from './errorMessages';

// A web editor's tab reads SecretStorage from its own copy, made when the tab opened: a sign-in or a
// renewed session from another tab reaches it only through a reload (VS Code restores the tab as it was).
export const SESSION_IN_ANOTHER_TAB: UserMessage = {
  cause: 'session-in-another-tab',
  text: 'Your Spotify sign-in changed in another tab. Reload this tab to use it here.',
  severity: 'info',
  actions: [{ title: 'Reload Tab', command: 'workbench.action.reloadWindow' }],
};
