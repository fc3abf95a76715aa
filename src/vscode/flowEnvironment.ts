import * as vscode from 'vscode';
import { FlowEnvironment, flowEnvironmentOf } from '../auth/flows/signInFlow';

// Where this editor runs, as the sign-in flows care: local desktop, remote desktop (SSH, WSL,
// containers) or web. A web editor served from 127.0.0.1 / localhost (code-server on the user's
// own machine) shares the browser's loopback; Codespaces and other hosted editors do not. In a
// remote window Backbeat usually runs on the user's machine (extensionKind "ui"), like a local one.

export async function detectFlowEnvironment(extensionId: string): Promise<FlowEnvironment> {
  const web = vscode.env.uiKind === vscode.UIKind.Web;
  return flowEnvironmentOf({
    web,
    remoteWindow: vscode.env.remoteName !== undefined,
    hostOnUserMachine: vscode.extensions.getExtension(extensionId)?.extensionKind === vscode.ExtensionKind.UI,
    servedFromLoopback: web && (await servedFromLoopback(extensionId)),
  });
}

/** The external form of an editor link names the address the browser uses to reach the editor. */
async function servedFromLoopback(extensionId: string): Promise<boolean> {
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${extensionId}/`));
  const host = external.authority.replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
