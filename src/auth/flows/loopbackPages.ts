import { escapeHtml } from '../../escapeHtml';
import { l10n } from '../../l10n';

// What the browser tab shows when Spotify sends it back to the loopback server: a friendly page
// for each outcome, with no script and nothing loaded from elsewhere.

export type CallbackOutcome = 'signedIn' | 'declined' | 'failed' | 'ignored';

interface Page {
  status: number;
  title: string;
  text: string;
}

function pageFor(outcome: CallbackOutcome): Page {
  switch (outcome) {
    case 'signedIn':
      return { status: 200, title: l10n.t('Signed in to Spotify'), text: l10n.t('Backbeat is finishing the sign-in in VS Code. You can close this tab.') };
    case 'declined':
      return {
        status: 200,
        title: l10n.t('You declined access in Spotify'),
        text: l10n.t('Nothing was shared with Backbeat. You can close this tab; run "Spotify: Sign In" in VS Code to try again.'),
      };
    case 'failed':
      return { status: 200, title: l10n.t('Spotify could not complete the sign-in'), text: l10n.t('VS Code shows what went wrong. You can close this tab.') };
    case 'ignored':
      return {
        status: 400,
        title: l10n.t('This sign-in link is not valid'),
        text: l10n.t('It does not belong to the sign-in VS Code is waiting for, or it was already used. Start again with "Spotify: Sign In" in VS Code.'),
      };
  }
}

export function callbackPage(outcome: CallbackOutcome): { status: number; html: string } {
  const { status, title, text } = pageFor(outcome);
  return {
    status,
    html: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(l10n.t('{0} - Backbeat', title))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body>
</html>
`,
  };
}
