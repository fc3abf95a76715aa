import * as vscode from 'vscode';
import type { PendingSignIns } from '../pendingSignIns';
import { loopbackPortSetting } from '../signInSettings';
import { LoopbackFlow } from './loopbackFlow';
import { ManualFlow } from './manualFlow';
import { externalUri, openInBrowser } from './openInBrowser';
import { askForPastedAddress } from './pastePrompt';
import type { SignInFlow } from './signInFlow';
import { UriHandlerFlow } from './uriHandlerFlow';

/** Every sign-in flow wired to this editor, in the order `auto` tries them. */
export function createSignInFlows(extensionId: string, pending: PendingSignIns): SignInFlow[] {
  return [
    new UriHandlerFlow(extensionId, pending, { uriScheme: vscode.env.uriScheme, externalUri, openInBrowser }),
    new LoopbackFlow(pending, { port: loopbackPortSetting, openInBrowser }),
    new ManualFlow(pending, { openInBrowser, askForPaste: askForPastedAddress }),
  ];
}
