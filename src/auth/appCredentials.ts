import { l10n } from '../l10n';

// The two credentials of the user's own Spotify app, the Client ID and the optional client
// secret, are each 32 hexadecimal characters. Every check of their shape lives here.
const APP_CREDENTIAL = /^[0-9a-f]{32}$/i;

/** What is wrong with `value` as a Spotify Client ID, in words for the user; undefined when nothing is. */
export function clientIdProblem(value: string): string | undefined {
  return APP_CREDENTIAL.test(value.trim()) ? undefined : l10n.t('A Spotify Client ID is 32 characters of 0-9 and a-f.');
}

/** What is wrong with `value` as a Spotify client secret, in words for the user; undefined when nothing is. */
export function clientSecretProblem(value: string): string | undefined {
  return APP_CREDENTIAL.test(value.trim()) ? undefined : l10n.t('A Spotify client secret is 32 characters of 0-9 and a-f.');
}
