// What each Web API request was for. Reads nobody asked for spend only the budget's share; what the
// user asked for may also spend its reserve; the breakdown shows where the day went.

export type RequestKind =
  | 'periodic'
  | 'focus'
  | 'trackEnd'
  | 'confirm'
  | 'localCheck'
  | 'likeStatus'
  | 'onDemand'
  | 'command'
  | 'picker'
  | 'account';

export const REQUEST_KINDS: readonly RequestKind[] = ['periodic', 'focus', 'trackEnd', 'confirm', 'localCheck', 'likeStatus', 'onDemand', 'command', 'picker', 'account'];

export const KIND_LABELS: Record<RequestKind, string> = {
  periodic: 'Now playing: steady checks',
  focus: 'Now playing: window opened or focused again',
  trackEnd: 'Now playing: at the end of a track',
  confirm: 'Now playing: confirming a command',
  localCheck: 'Now playing: where the desktop app\'s track plays',
  likeStatus: 'Like status of a new track',
  onDemand: 'Now playing: needed by a command',
  command: 'Commands (play, next, volume, like…)',
  picker: 'Pickers and search (devices, playlists, queue…)',
  account: 'Account (at sign-in)',
};

const AUTOMATIC: ReadonlySet<RequestKind> = new Set(['periodic', 'focus', 'trackEnd', 'confirm', 'localCheck', 'likeStatus']);

/** Reads Backbeat makes on its own: they stop when the budget's share for them is spent. */
export function isAutomatic(kind: RequestKind): boolean {
  return AUTOMATIC.has(kind);
}

export function isRequestKind(text: string): text is RequestKind {
  return (REQUEST_KINDS as readonly string[]).includes(text);
}

/** A request's kind from its endpoint, for callers that do not say (anything but now-playing reads). */
export function kindOfRequest(method: string, path: string): RequestKind {
  if (method !== 'GET') return 'command';
  if (path === '/me/player' || path === '/me/player/currently-playing') return 'onDemand';
  if (path === '/me/library/contains') return 'likeStatus';
  if (path === '/me') return 'account';
  return 'picker';
}
