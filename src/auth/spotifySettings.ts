// Where sign-in and the Web API go, and with which app: read from `backbeat.*` by
// src/vscode/settings/settings.ts on every use.

export interface SpotifySettings {
  clientId: string | undefined;
  accountsUrl: string;
  apiUrl: string;
}
