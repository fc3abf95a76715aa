import { SpotifyError } from '../../spotify/errors';
import { SignInDeclined, SignInSetupNeeded } from '../signInErrors';
import { TokenError } from '../tokenEndpoint';
import type { FlowEnvironment, FlowId, SignInFlow } from './signInFlow';

// Which flows to try, in which order, and the "Try another way" loop between them. `auto` keeps
// the flows that declare they work in this environment, in their given order; a flow named in
// `backbeat.signInFlow` goes first, and the ones that work here remain as other ways.

export type FlowSetting = 'auto' | FlowId;

export function flowsToTry(all: readonly SignInFlow[], setting: FlowSetting, env: FlowEnvironment): SignInFlow[] {
  const working = all.filter((flow) => flow.worksIn(env));
  const chosen = setting === 'auto' ? undefined : all.find((flow) => flow.id === setting);
  return chosen ? [chosen, ...working.filter((flow) => flow !== chosen)] : working;
}

/** Asks whether to try `next` after `failed` ended with `error`; resolves true to go on. */
type OfferAnotherWay = (failed: SignInFlow, next: SignInFlow, error: unknown) => Promise<boolean>;

/** Tries `flows` in order; between them, offers the next one when another way could help. */
export async function signInTryingFlows<T>(flows: readonly SignInFlow[], attempt: (flow: SignInFlow) => Promise<T>, offer: OfferAnotherWay): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt(flows[i]);
    } catch (error) {
      const next = flows[i + 1];
      if (!next || !anotherWayCouldHelp(error) || !(await offer(flows[i], next, error))) throw error;
    }
  }
}

/**
 * A cancel, a timeout or a flow that could not start may be the flow's fault. A refusal in
 * Spotify, a missing Client ID or a token endpoint that refuses the app are the same whichever
 * way the browser comes back.
 */
function anotherWayCouldHelp(error: unknown): boolean {
  return !(error instanceof SignInDeclined || error instanceof SignInSetupNeeded || error instanceof TokenError || error instanceof SpotifyError);
}
