import { l10n } from '../l10n';

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

/** What a kind of request is for, as the budget view names it. */
export function kindLabel(kind: RequestKind): string {
  const labels: Record<RequestKind, string> = {
    periodic: l10n.t('Now playing: steady checks'),
    focus: l10n.t('Now playing: window opened or focused again'),
    trackEnd: l10n.t('Now playing: at the end of a track'),
    confirm: l10n.t('Now playing: confirming a command'),
    localCheck: l10n.t("Now playing: where the desktop app's track plays"),
    likeStatus: l10n.t('Like status of a new track'),
    onDemand: l10n.t('Now playing: needed by a command'),
    command: l10n.t('Commands (play, next, volume, like…)'),
    picker: l10n.t('Pickers and search (devices, playlists, queue…)'),
    account: l10n.t('Account (at sign-in)'),
  };
  return labels[kind];
}

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
