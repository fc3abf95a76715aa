import { l10n } from '../l10n';

// Spotify service URLs may point at a local emulator, but tokens must never travel in clear text
// to another machine: only https, or http on a loopback address, is accepted.

export class ServiceUrlError extends Error {}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/** Returns the URL without a trailing slash, or throws a ServiceUrlError that says what to fix. */
export function checkServiceUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ServiceUrlError(l10n.t('The setting {0} is not a valid URL: "{1}".', setting, value));
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (!secure && !local) {
    throw new ServiceUrlError(
      l10n.t('The setting {0} must use https (or http on 127.0.0.1 / [::1] for a local emulator); "{1}" was refused.', setting, value),
    );
  }
  if (url.username || url.password) {
    throw new ServiceUrlError(l10n.t('The setting {0} must not contain credentials.', setting));
  }
  return url.toString().replace(/\/+$/, '');
}
