import type { UserMessage } from './errorMessages';

// A web editor's tab reads SecretStorage from its own copy, made when the tab opened: a sign-in made
// in another tab reaches it only through a reload (VS Code restores the tab as it was).
export const SIGNED_IN_IN_ANOTHER_TAB: UserMessage = {
  cause: 'signed-in-in-another-tab',
  text: 'You signed in to Spotify in another tab. Reload this tab to use that sign-in here.',
  severity: 'info',
  actions: [{ title: 'Reload Tab', command: 'workbench.action.reloadWindow' }],
};
