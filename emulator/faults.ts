import { Reply } from './http';

/** A scripted failure: the next matching request(s) get this instead of (or before) the real answer. */
export interface Fault {
  match: {
    method?: string;
    /** Exact path, or a prefix ending in '*' ('/v1/me/player*'). Query strings are not part of it. */
    path?: string;
  };
  /** How many requests it hits (default 1; Infinity allowed). */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Answer after this long (real milliseconds); without `status` the normal answer comes late. */
  delayMs?: number;
  /** Accept the request and never answer (until the emulator closes). */
  hang?: boolean;
  /** Destroy the socket: the client sees a network error. */
  destroy?: boolean;
  /** Send the status, headers and half of the body, then stall (until the emulator closes). */
  stallBody?: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
  const { method: wantMethod, path: wantPath } = fault.match;
  if (wantMethod !== undefined && wantMethod.toUpperCase() !== method.toUpperCase()) return false;
  if (wantPath === undefined) return true;
  return wantPath.endsWith('*') ? path.startsWith(wantPath.slice(0, -1)) : path === wantPath;
}

/** The reply a fault gives, when it gives one (hang/destroy/delay-only give none). */
export function faultReply(fault: Fault): Reply | undefined {
  if (fault.status === undefined) return undefined;
  return { status: fault.status, headers: { ...fault.headers }, body: fault.body };
}

/** Faults in the order they were added; the first match wins and uses up one of its `times`. */
export class FaultList {
  private active: ActiveFault[] = [];

  add(fault: Fault): void {
    if (typeof fault !== 'object' || fault === null || typeof fault.match !== 'object' || fault.match === null) {
      throw new Error('a fault needs a match object');
    }
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error('fault.times must be positive');
    this.active.push({ fault, remaining: times });
  }

  clear(): void {
    this.active = [];
  }

  take(method: string, path: string): Fault | undefined {
    const hit = this.active.find((a) => faultMatches(a.fault, method, path));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.active = this.active.filter((a) => a !== hit);
    return hit.fault;
  }
}
