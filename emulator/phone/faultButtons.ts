// The phone page's fault buttons: what a newcomer can make Spotify do to Backbeat, each as
// the control API call the page sends. The emulator's contract tests send the same calls.
import { Fault, quotaExceededFault, rateLimitFault } from '../faults';

export interface FaultButton {
  label: string;
  /** What Spotify does after the press, in a few words under the button. */
  effect: string;
  /** The control API call, relative to /__emulator. */
  call: { method: 'POST' | 'DELETE'; path: string; body?: Fault };
}

/** Every Web API request; the accounts service (sign-in, refresh) keeps working. */
const WEB_API = { path: '/v1/*' };

/** Spotify's daily quota for development-mode apps is spent: it asks to wait 13-15 hours. */
const QUOTA_RETRY_AFTER_SECONDS = 50_000;

/** The same refusal with a wait short enough to try by hand: Backbeat keeps a quota wait across restarts. */
const SHORT_QUOTA_RETRY_AFTER_SECONDS = 15 * 60;

function quotaSpent(retryAfterSeconds: number): FaultButton['call'] {
  return { method: 'POST', path: '/faults', body: quotaExceededFault(WEB_API, retryAfterSeconds) };
}

export const FAULT_BUTTONS: readonly FaultButton[] = [
  {
    label: 'Rate limit (429)',
    effect: 'The next request gets 429 with Retry-After: 5.',
    call: {
      method: 'POST',
      path: '/faults',
      body: rateLimitFault(WEB_API, 5),
    },
  },
  {
    label: 'Daily quota spent (15 min)',
    effect: `Every request gets 429 QUOTA_EXCEEDED with Retry-After: ${SHORT_QUOTA_RETRY_AFTER_SECONDS}, until you clear faults. Backbeat waits those 15 minutes in every window, also after a restart, even once they are cleared.`,
    call: quotaSpent(SHORT_QUOTA_RETRY_AFTER_SECONDS),
  },
  {
    label: 'Daily quota spent (14 h, as Spotify)',
    effect: `As Spotify does it: Retry-After: ${QUOTA_RETRY_AFTER_SECONDS} (about 14 h). Backbeat waits those 14 h in every window, also after a restart; \`npm run sandbox -- --fresh\` starts over.`,
    call: quotaSpent(QUOTA_RETRY_AFTER_SECONDS),
  },
  {
    label: 'Server error (503)',
    effect: 'The next 3 requests get 503 Service unavailable.',
    call: { method: 'POST', path: '/faults', body: { match: WEB_API, times: 3, status: 503, body: { error: { status: 503, message: 'Service unavailable' } } } },
  },
  {
    label: 'Revoke access',
    effect: 'Spotify forgets the sign-in: tokens stop working and cannot be refreshed.',
    call: { method: 'POST', path: '/revoke' },
  },
  {
    label: 'Six months pass',
    effect: 'Spotify ends the sign-in, as it does six months after it began: the next refresh gets invalid_grant "Refresh token expired".',
    call: { method: 'POST', path: '/expire-grants' },
  },
  {
    label: 'Clear faults',
    effect: 'Requests are answered normally again (a revoked sign-in stays revoked).',
    call: { method: 'DELETE', path: '/faults' },
  },
];
