import * as vscode from 'vscode';
import type { FlowSetting } from '../../auth/flows/chooseFlow';
import { FLOW_IDS } from '../../auth/flows/signInFlow';
import { LOOPBACK_PORT } from './numberSettings';
import { readNumber, SECTION } from './settings';

// The settings that choose how sign-in gets the code back from the browser.

/** `backbeat.signInFlow`; a value VS Code's schema would refuse falls back to the default. */
export function signInFlowSetting(): FlowSetting {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('signInFlow');
  return (FLOW_IDS as readonly string[]).includes(value ?? '') ? (value as FlowSetting) : 'auto';
}

/** `backbeat.loopbackPort`; 0 (a free port) unless it is a valid port number. */
export function loopbackPortSetting(): number {
  return readNumber(LOOPBACK_PORT);
}
