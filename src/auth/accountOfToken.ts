// The account a new access token belongs to (`GET /me`), asked before any session exists: the
// sign-in names the session after it. The request goes through the same HTTP layer as every
// other, so the Retry-After gate and timeouts apply.
import { SpotifyClient } from '../spotify/client';
import { SpotifyHttp, SpotifyHttpOptions } from '../spotify/http';
import type { Account } from '../spotify/types';
import { l10n } from '../l10n';

export type AccountOfToken = (accessToken: string) => Promise<Account>;

export function accountOfToken(options: Omit<SpotifyHttpOptions, 'tokens'>): AccountOfToken {
  return (accessToken) => {
    const fixedToken = {
      accessToken: async () => accessToken,
      accessTokenAfterRejection: async () => {
        throw new Error(l10n.t('Spotify rejected the new access token.'));
      },
    };
    return new SpotifyClient(new SpotifyHttp({ ...options, tokens: fixedToken })).me();
  };
}
