import { l10n } from '../l10n';

/** Small text helpers shared by the status bar and pickers. */
export function formatTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function shorten(text: string, maxLength: number): string {
  if (maxLength < 2 || text.length <= maxLength) return text;
  return `${text.slice(0, maxLength - 1).trimEnd()}\u2026`;
}

/** Status bar text must not be able to inject codicons or markdown from a track name. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200B(');
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Reads a position typed by a person: `83`, `1:23` or `1:02:03`. Undefined when it is not one. */
export function parseTime(text: string): number | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d{1,5}$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  // Minutes and seconds after the first part must read like a clock.
  if (numbers.slice(1).some((n) => n > 59)) return undefined;
  return numbers.reduce((total, n) => total * 60 + n, 0) * 1000;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return l10n.t('{0} h ago', hours);
  const days = Math.floor(hours / 24);
  return days === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', days);
}

/** A weekday's short name, Sunday first (Date.getDay). */
const weekday = (day: number) => [l10n.t('Sun'), l10n.t('Mon'), l10n.t('Tue'), l10n.t('Wed'), l10n.t('Thu'), l10n.t('Fri'), l10n.t('Sat')][day];
const DAY_MS = 24 * 3600_000;
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * When `ms` comes, as seen at `now`, in local time rounded up to the minute (a wait that ends at
 * 19:52:10 is over by 19:53): "19:53" today, "Tue 19:53" later this week, "2036-01-01 19:53" else.
 */
export function formatClockTime(ms: number, now: number): string {
  const date = new Date(Math.ceil(ms / 60_000) * 60_000);
  const time = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
  if (date.toDateString() === new Date(now).toDateString()) return time;
  if (ms > now && ms - now < 6 * DAY_MS) return l10n.t('{0} {1}', weekday(date.getDay()), time);
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())} ${time}`;
}

/** "1,000": counts as people read them. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "20 s", "3 min", "2 h": an interval, roughly. */
export function formatInterval(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return l10n.t('{0} s', seconds);
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? l10n.t('{0} min', minutes) : l10n.t('{0} h', Math.round(minutes / 60));
}

/** A wait Spotify asked for, as people say it: 45s, 3m, 2h 5m. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return l10n.t('{0}s', seconds);
  if (seconds < 3600) return l10n.t('{0}m', Math.ceil(seconds / 60));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  return minutes ? l10n.t('{0}h {1}m', hours, minutes) : l10n.t('{0}h', hours);
}
