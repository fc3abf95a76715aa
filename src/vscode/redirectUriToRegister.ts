import { flowsToTryHere } from './editorFlows';
import type { SignInFlow } from '../auth/flows/signInFlow';

/** The redirect URI to register for the flow named by `requested`, or for the flow this editor tries first. */
export async function redirectUriToRegister(extensionId: string, flows: readonly SignInFlow[], requested?: unknown): Promise<string> {
  const named = flows.find((flow) => flow.id === requested);
  const first = named ?? (await flowsToTryHere(extensionId, flows))[0];
  return first.registeredRedirectUri();
}
