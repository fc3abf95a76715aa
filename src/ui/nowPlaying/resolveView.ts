import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../escapeHtml';
import { LrclibLyrics, LrclibLyricsOptions } from '../../lyrics/lrclibLyrics';
import type { PlayerCommands } from '../../playback/playerCommands';
import { nowPlayingTexts } from '../../present/nowPlayingTexts';
import { NowPlayingFeed, NowPlayingFeedOptions, ViewAction } from '../../present/nowPlayingFeed';
import type { SpotifyClient } from '../../spotify/client';
import { installVsCodeTranslator } from '../../vscode/translator';

// The Now Playing view once VS Code shows it: a webview whose page (./page.ts, bundled as
// dist/nowPlaying.js) is dropped when the view hides (no retainContextWhenHidden). What it shows
// comes from NowPlayingFeed; what it asks for runs the `backbeat.*` commands, the palette's own
// path. The page is held by a strict CSP: its one script by nonce, images only from Spotify's
// image hosts.

export interface NowPlayingViewDeps extends Omit<NowPlayingFeedOptions, 'post' | 'lyrics'> {
  extensionUri: vscode.Uri;
  /** Where lyrics come from while `backbeat.lyrics` is on; undefined: off. */
  lyrics(): LrclibLyricsOptions | undefined;
  commands: Pick<PlayerCommands, 'run'>;
  client: Pick<SpotifyClient, 'play'>;
}

/** One LRCLIB source for every showing of the view: what it asked and when it may ask again outlive a hidden view. */
let lyricsSource: LrclibLyrics | undefined;
const lyricsFrom = (options: LrclibLyricsOptions) => (lyricsSource ??= new LrclibLyrics(options));

export function resolveNowPlayingView(view: vscode.WebviewView, deps: NowPlayingViewDeps): void {
  // This side is a bundle of its own (dist/nowPlayingView.js), with its own src/l10n.ts.
  installVsCodeTranslator();
  const { webview } = view;
  const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
  const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
  webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
  const lyricsOptions = deps.lyrics();
  const feed = new NowPlayingFeed({ ...deps, lyrics: lyricsOptions && lyricsFrom(lyricsOptions), post: (message) => void webview.postMessage(message) });
  const subscriptions = [
    webview.onDidReceiveMessage((raw: unknown) => {
      const action = feed.receive(raw);
      if (action) void run(action, deps).then(undefined, () => undefined);
    }),
    view.onDidChangeVisibility(() => feed.setVisible(view.visible)),
    feed,
  ];
  view.onDidDispose(() => subscriptions.forEach((s) => s.dispose()));
  feed.setVisible(view.visible);
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'nowPlaying.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'nowPlaying.css'));
  const texts = nowPlayingTexts();
  webview.html = `<!DOCTYPE html><html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://i.scdn.co https://*.spotifycdn.com; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${style}"><title>${escapeHtml(texts.pageTitle)}</title></head>
<body><main id="root" aria-label="${escapeHtml(texts.region)}" data-texts="${escapeHtml(JSON.stringify(texts))}"></main><script nonce="${nonce}" src="${script}"></script></body></html>`;
}

/** Runs what the page asked for as the palette does. */
function run(action: ViewAction, deps: NowPlayingViewDeps): Thenable<unknown> {
  switch (action.kind) {
    case 'command':
      return vscode.commands.executeCommand(`backbeat.${action.command}`);
    case 'seek':
      return vscode.commands.executeCommand('backbeat.seekTo', action.positionMs);
    case 'volume':
      return vscode.commands.executeCommand('backbeat.setVolume', action.percent);
    case 'play': {
      const { item } = action;
      return deps.commands.run({
        name: `Play ${item.name}`,
        action: 'interrupting_playback',
        // Another item: a read still showing the one from before is Spotify lagging, read again.
        movesOn: true,
        send: () => deps.client.play({ uris: [item.uri] }),
      });
    }
  }
}

function newNonce(): string {
  return randomBytes(18).toString('base64url');
}
