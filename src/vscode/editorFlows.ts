import * as vscode from 'vscode';
import type { PendingSignIns } from '../auth/pendingSignIns';
import { flowsToTry } from '../auth/flows/chooseFlow';
import { detectFlowEnvironment } from './flowEnvironment';
import { loopbackPortSetting, signInFlowSetting } from './settings/signInSettings';
import { LoopbackFlow } from '../auth/flows/loopbackFlow';
import { ManualFlow } from '../auth/flows/manualFlow';
import { externalUri, openInBrowser } from './openInBrowser';
import { askForPastedAddress } from './pastePrompt';
import type { SignInFlow } from '../auth/flows/signInFlow';
import { UriHandlerFlow } from '../auth/flows/uriHandlerFlow';

/** Every sign-in flow wired to this editor, in the order `auto` tries them. */
export function createSignInFlows(extensionId: string, pending: PendingSignIns): SignInFlow[] {
  return [
    new UriHandlerFlow(extensionId, pending, { uriScheme: vscode.env.uriScheme, externalUri, openInBrowser }),
    new LoopbackFlow(pending, { port: loopbackPortSetting, openInBrowser }),
    new ManualFlow(pending, { openInBrowser, askForPaste: askForPastedAddress }),
  ];
}

/** The flows to try in this editor, in order: `backbeat.signInFlow` and where VS Code runs decide. */
export async function flowsToTryHere(extensionId: string, flows: readonly SignInFlow[]): Promise<SignInFlow[]> {
  return flowsToTry(flows, signInFlowSetting(), await detectFlowEnvironment(extensionId));
}
