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

type FaultMatch = Fault['match'];

// Spotify's three kinds of 429, as faults (platform notes: "Two other kinds of 429").

/** The rolling 30 s rate limit: "API rate limit exceeded", no reason, a short Retry-After (aome510/spotify-player #1073). */
export function rateLimitFault(match: FaultMatch, retryAfterSeconds = 5, times = 1): Fault {
  return {
    match, times, status: 429, headers: { 'retry-after': String(retryAfterSeconds) },
    body: { error: { status: 429, message: 'API rate limit exceeded' } },
  };
}

/** The daily quota spent: every request gets QUOTA_EXCEEDED and a wait of 13-15 h, until the fault is cleared. */
export function quotaExceededFault(match: FaultMatch, retryAfterSeconds = 50_000): Fault {
  return {
    match, times: Infinity, status: 429, headers: { 'retry-after': String(retryAfterSeconds) },
    body: { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } },
  };
}

/**
 * An endpoint closed to development-mode apps: it answers every request with a 429 that reads like
 * a rate limit, while the other endpoints answer (michaelherger/Spotty-Plugin #213).
 */
export function closedEndpointFault(method: string, path: string, retryAfterSeconds = 5): Fault {
  return rateLimitFault({ method, path }, retryAfterSeconds, Infinity);
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
