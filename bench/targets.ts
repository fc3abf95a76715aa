import type { RowMetrics } from './metrics';

// The targets for our row in the hour, checked against the baselines A and B of the same
// run. "Phone changes no later than A" gave way to the daily budget: A's 5 s rhythm spends the
// day's quota in about 1.5 hours, so ours reads about every 34 s and aims at 45 s at worst.

export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

const MAX_SHARE_OF_A = 0.7;
const MAX_TRACK_END_P95_S = 1.5;
const MAX_PHONE_P95_S = 45;

export function checkTargets(ours: RowMetrics, a: RowMetrics, b: RowMetrics): TargetCheck[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    { target: `at most ${pct(MAX_SHARE_OF_A)} of A's requests`, met: ours.relativeToA <= MAX_SHARE_OF_A, detail: `${ours.total} of ${a.total} = ${pct(ours.relativeToA)}` },
    {
      target: `phone-change p95 staleness at most ${MAX_PHONE_P95_S} s (the daily budget's pace)`,
      met: ours.phone.p95 <= MAX_PHONE_P95_S && ours.phone.neverShown === 0,
      detail: `${ours.phone.p95.toFixed(2)} s (A: ${a.phone.p95.toFixed(2)} s)`,
    },
    {
      target: `track-end p95 staleness at most ${MAX_TRACK_END_P95_S} s`,
      met: ours.trackEnd.p95 <= MAX_TRACK_END_P95_S && ours.trackEnd.neverShown === 0,
      detail: `${ours.trackEnd.p95.toFixed(2)} s`,
    },
    { target: '0 requests while no window is focused', met: ours.whileNoWindowFocused === 0, detail: String(ours.whileNoWindowFocused) },
    { target: '0 requests inside the Retry-After wait', met: ours.insideRetryAfterWait === 0, detail: String(ours.insideRetryAfterWait) },
    {
      target: 'fewer requests than A and B, and no more requests without focus or inside the wait',
      met:
        ours.total < Math.min(a.total, b.total) &&
        ours.whileNoWindowFocused <= Math.min(a.whileNoWindowFocused, b.whileNoWindowFocused) &&
        ours.insideRetryAfterWait <= Math.min(a.insideRetryAfterWait, b.insideRetryAfterWait),
      detail: `${ours.total} vs ${a.total} (A), ${b.total} (B)`,
    },
    { target: 'every editor command accepted by Spotify', met: ours.commandFailures.length === 0, detail: ours.commandFailures.join('; ') || 'all accepted' },
  ];
}
