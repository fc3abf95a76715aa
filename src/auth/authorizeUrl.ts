/** The one place that builds Spotify's /authorize URL, shared by every sign-in flow. */
interface AuthorizeRequest {
  accountsUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: readonly string[];
  /** Absent in the classic flow, where the client secret proves who exchanges the code. */
  codeChallenge?: string;
  /** Spotify shows its dialog even to a user who approved before, so they can switch accounts. */
  showDialog?: boolean;
}

export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const params = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    state: request.state,
    scope: request.scopes.join(' '),
  });
  if (request.codeChallenge) {
    params.set('code_challenge_method', 'S256');
    params.set('code_challenge', request.codeChallenge);
  }
  if (request.showDialog) params.set('show_dialog', 'true');
  return `${request.accountsUrl}/authorize?${params.toString()}`;
}
