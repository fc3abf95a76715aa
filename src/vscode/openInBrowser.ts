import * as vscode from 'vscode';

/** Opens Spotify's authorize page in the user's browser (a popup tab on web hosts). */
export async function openInBrowser(url: string): Promise<void> {
  // A string, not a vscode.Uri: re-encoding the query would corrupt redirect_uri.
  await vscode.env.openExternal(url as unknown as vscode.Uri);
}

/** The address under which the browser reaches `uri` (remote and web hosts route it). */
export async function externalUri(uri: string): Promise<string> {
  // toString(true): an encoded query would not match the redirect URI Spotify sends back to.
  return (await vscode.env.asExternalUri(vscode.Uri.parse(uri))).toString(true);
}
