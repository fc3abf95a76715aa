import fetch from 'node-fetch';

// What the user's browser does with Spotify's authorize page, played against the emulator:
// approve or deny on the consent page (or pass through when it auto-approves) and return the
// address Spotify redirects to, which the browser would then load.

export async function redirectAfterConsent(authorizeUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
  const first = await fetch(authorizeUrl, { redirect: 'manual' });
  if (first.status === 302) return first.headers.get('location') ?? '';
  const requestId = /name="request_id" value="([^"]+)"/.exec(await first.text())?.[1];
  if (!requestId) throw new Error(`no consent page at ${new URL(authorizeUrl).pathname} (HTTP ${first.status})`);
  const decided = await fetch(`${new URL(authorizeUrl).origin}/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision }).toString(),
  });
  return decided.headers.get('location') ?? '';
}

/** Loads `url` as the browser tab would: status and page text, or status 0 and the network error's code. */
export async function load(url: string, method = 'GET'): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { method, redirect: 'manual' });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: (error as { code?: string }).code ?? String(error) };
  }
}
