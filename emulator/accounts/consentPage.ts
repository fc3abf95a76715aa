import { escapeHtml } from '../http';
import { describeScope } from '../scopes';

interface ConsentDetails {
  requestId: string;
  appName: string;
  redirectUri: string;
  scopes: string[];
}

/**
 * Spotify's "Agree"-style consent page, reduced to what a browser test needs: the app name, the
 * requested permissions in plain words, and `Approve` / `Deny` buttons posting the decision.
 */
export function consentPage(details: ConsentDetails): string {
  const permissions = details.scopes.length === 0
    ? '<li>Read your public profile</li>'
    : details.scopes.map((s) => `<li>${escapeHtml(describeScope(s))} <code>${escapeHtml(s)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorize ${escapeHtml(details.appName)} - Spotify (emulator)</title></head>
<body>
<main>
  <h1>${escapeHtml(details.appName)} wants to connect to your Spotify account</h1>
  <p>You agree that ${escapeHtml(details.appName)} will be able to:</p>
  <ul id="scopes">
${permissions}
  </ul>
  <p>You will be sent back to <code>${escapeHtml(details.redirectUri)}</code>.</p>
  <form method="post" action="/authorize/decision">
    <input type="hidden" name="request_id" value="${escapeHtml(details.requestId)}">
    <button type="submit" name="decision" value="deny">Deny</button>
    <button type="submit" name="decision" value="approve">Approve</button>
  </form>
</main>
</body>
</html>
`;
}

/** The plain error page /authorize shows when it cannot redirect (bad client or redirect URI). */
export function errorPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error - Spotify (emulator)</title></head>
<body><h1>Oops! Something went wrong, please try again or check out our help area.</h1>
<p id="error">${escapeHtml(message)}</p></body></html>
`;
}
