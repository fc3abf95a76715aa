import { l10n } from '../../l10n';

// Reads what the user pasted in the manual flow: the whole address the browser ended on
// (`http://127.0.0.1/callback?code=…&state=…`), just its query, or the code alone.

type PasteReading = { params: URLSearchParams } | { problem: string };

/** Spotify's authorization codes are long base64url-like strings. */
const BARE_CODE = /^[A-Za-z0-9._~-]{16,}$/;

export function readPastedCallback(text: string, expectedState: string): PasteReading {
  const pasted = text.trim();
  if (!pasted) return { problem: l10n.t('Paste the address your browser ended on, or the code in it.') };
  if (BARE_CODE.test(pasted)) return { params: new URLSearchParams({ code: pasted, state: expectedState }) };
  const queryAt = pasted.indexOf('?');
  const query = (queryAt >= 0 ? pasted.slice(queryAt + 1) : pasted).split('#')[0];
  const params = new URLSearchParams(query);
  if (!params.has('code') && !params.has('error')) {
    return { problem: l10n.t('This has no code in it: copy the whole address from the browser\u2019s address bar (it contains "code=").') };
  }
  const state = params.get('state');
  if (state !== null && state !== expectedState) {
    return { problem: l10n.t('This address belongs to another sign-in attempt. Use the tab that opened for this one.') };
  }
  params.set('state', expectedState);
  return { params };
}
