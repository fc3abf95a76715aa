// Redirect URI matching as Spotify does it: exact string match against the app's registered
// list, except that a loopback IP registered without a port accepts any port, and `localhost`
// is always refused.
//
// TEST-ONLY CONVENIENCE (not Spotify behaviour): a registered entry ending in '*' matches by
// prefix. code-server's asExternalUri hands out per-request URIs such as
// http://127.0.0.1:PORT/stable-<commit>/callback?vscode-reqid=N&..., which no fixed entry can
// match; a test registers 'http://127.0.0.1/stable-*' instead.

const LOOPBACK_WITH_PORT = /^(https?:\/\/(?:127\.0\.0\.1|\[::1\])):\d+(?=[/?#]|$)/i;

function isLocalhost(uri: string): boolean {
  try {
    return new URL(uri).hostname.toLowerCase() === 'localhost';
  } catch {
    return false;
  }
}

export function isRedirectUriAllowed(registered: readonly string[], candidate: string): boolean {
  if (isLocalhost(candidate)) return false;
  // The same URI without its port, for entries registered without one (loopback only).
  const withoutPort = candidate.replace(LOOPBACK_WITH_PORT, '$1');
  return registered.some((entry) => {
    if (isLocalhost(entry)) return false;
    const wildcard = entry.endsWith('*');
    const pattern = wildcard ? entry.slice(0, -1) : entry;
    const matches = (form: string) => (wildcard ? form.startsWith(pattern) : form === pattern);
    return matches(candidate) || (!LOOPBACK_WITH_PORT.test(entry) && matches(withoutPort));
  });
}

/** The redirect URI with extra query parameters, keeping any query it already has. */
export function withQuery(redirectUri: string, params: Record<string, string>): string {
  const hashAt = redirectUri.indexOf('#');
  const base = hashAt >= 0 ? redirectUri.slice(0, hashAt) : redirectUri;
  const extra = new URLSearchParams(params).toString();
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}${extra}`;
}
