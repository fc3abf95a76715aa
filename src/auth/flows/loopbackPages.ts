// What the browser tab shows when Spotify sends it back to the loopback server: a friendly page
// for each outcome, with no script and nothing loaded from elsewhere.

export type CallbackOutcome = 'signedIn' | 'declined' | 'failed' | 'ignored';

interface Page {
  status: number;
  title: string;
  text: string;
}

const PAGES: Record<CallbackOutcome, Page> = {
  signedIn: {
    status: 200,
    title: 'Signed in to Spotify',
    text: 'Backbeat is finishing the sign-in in VS Code. You can close this tab.',
  },
  declined: {
    status: 200,
    title: 'You declined access in Spotify',
    text: 'Nothing was shared with Backbeat. You can close this tab; run "Spotify: Sign In" in VS Code to try again.',
  },
  failed: {
    status: 200,
    title: 'Spotify could not complete the sign-in',
    text: 'VS Code shows what went wrong. You can close this tab.',
  },
  ignored: {
    status: 400,
    title: 'This sign-in link is not valid',
    text: 'It does not belong to the sign-in VS Code is waiting for, or it was already used. Start again with "Spotify: Sign In" in VS Code.',
  },
};

export function callbackPage(outcome: CallbackOutcome): { status: number; html: string } {
  const page = PAGES[outcome];
  return {
    status: page.status,
    html: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${page.title} - Backbeat</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style></head>
<body><main><h1>${page.title}</h1><p>${page.text}</p></main></body>
</html>
`,
  };
}
