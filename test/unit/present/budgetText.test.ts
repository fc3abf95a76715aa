import * as assert from 'assert';
import type { BudgetStatus } from '../../../src/quota/requestBudget';
import type { LedgerEntry } from '../../../src/quota/requestLedger';
import { budgetReport } from '../../../src/present/budgetReport';
import { quotaSpentLabel, spendLine } from '../../../src/present/budgetText';
import { formatClockTime } from '../../../src/present/format';

/** A local time today, so the expected "HH:MM" does not depend on the machine's time zone. */
function today(hours: number, minutes: number, seconds = 0): number {
  const d = new Date(2026, 5, 1, hours, minutes, seconds);
  return d.getTime();
}

/** When the texts are shown: a Monday afternoon. */
const NOW = today(15, 0);

const FREE: BudgetStatus = { limit: 1000, used: 412, reserve: 150, readsPausedUntil: 0, commandsRefusedUntil: 0, penalty: undefined };

describe('the daily budget in words', () => {
  it('says when Spotify lets Backbeat back in, in local time, rounded up to the minute', () => {
    assert.strictEqual(quotaSpentLabel(today(19, 52, 10), NOW), '$(watch) Spotify quota spent · back at 19:53');
    assert.strictEqual(formatClockTime(today(7, 5), NOW), '07:05');
  });

  it('names the day when "back at" is not today', () => {
    const tomorrow = new Date(2026, 5, 2, 8, 10).getTime();
    assert.strictEqual(quotaSpentLabel(tomorrow, NOW), '$(watch) Spotify quota spent · back at Tue 08:10', '2026-06-02 is a Tuesday');
    assert.strictEqual(formatClockTime(new Date(2026, 5, 1, 23, 59, 30).getTime(), NOW), 'Tue 00:00', 'rounded up past midnight');
    assert.strictEqual(formatClockTime(new Date(2036, 0, 1, 1, 0).getTime(), NOW), '2036-01-01 01:00', 'years ahead: the date');
    assert.strictEqual(formatClockTime(today(9, 0) - 24 * 3600_000, NOW), '2026-05-31 09:00', 'a time already past: the date');
    const penalty = { ...FREE, penalty: { since: today(6, 0), until: tomorrow, reason: 'QUOTA_EXCEEDED' } };
    assert.strictEqual(spendLine(penalty, 34_000, NOW), "Spotify requests, last 24 h: 412 of 1,000 · Spotify's quota is spent until Tue 08:10");
  });

  it('shows the spend and the pace in the tooltip', () => {
    assert.strictEqual(spendLine(FREE, 20_000, NOW), 'Spotify requests, last 24 h: 412 of 1,000 · checking every 20 s');
    assert.strictEqual(spendLine({ ...FREE, limit: 0, used: 5321 }, 5_000, NOW), 'Spotify requests, last 24 h: 5,321 (no daily budget) · checking every 5 s');
    assert.strictEqual(spendLine(FREE, 170_000, NOW), 'Spotify requests, last 24 h: 412 of 1,000 · checking every 3 min');
  });

  it('says what stopped and until when: the reads, the commands, or Spotify', () => {
    const paused = { ...FREE, used: 860, readsPausedUntil: today(14, 5) };
    assert.strictEqual(spendLine(paused, undefined, NOW), 'Spotify requests, last 24 h: 860 of 1,000 · checks paused until 14:05; 140 kept for your commands');
    const spent = { ...paused, used: 1000, commandsRefusedUntil: today(15, 30) };
    assert.strictEqual(spendLine(spent, undefined, NOW), 'Spotify requests, last 24 h: 1,000 of 1,000 · budget spent: commands work again at 15:30');
    const penalty = { ...FREE, penalty: { since: today(6, 0), until: today(19, 53), reason: 'QUOTA_EXCEEDED' } };
    assert.strictEqual(spendLine(penalty, 34_000, NOW), "Spotify requests, last 24 h: 412 of 1,000 · Spotify's quota is spent until 19:53");
  });

  it('breaks the last 24 hours down per hour and per kind', () => {
    const now = today(15, 20);
    const entries: LedgerEntry[] = [
      ...Array.from({ length: 30 }, () => ({ at: today(9, 30), kind: 'periodic' as const })),
      ...Array.from({ length: 6 }, () => ({ at: today(15, 1), kind: 'command' as const })),
      { at: today(15, 2), kind: 'confirm' },
      { at: today(14, 59), kind: 'picker' },
    ];
    const report = budgetReport(entries, { ...FREE, used: entries.length }, now, 34_000);
    assert.match(report, /^# Spotify requests, last 24 hours\n\nSpotify requests, last 24 h: 38 of 1,000 · checking every 34 s\n/);
    assert.match(report, /\| 09:00 \| 30 \| █{24} \|/);
    assert.match(report, /\| 14:00 \| 1 \| █ \|/);
    assert.match(report, /\| 15:00 \| 7 \| █{6} \|\n\nSee/, 'the current hour last');
    assert.match(report, /\| 16:00 \| 0 \| {2}\|/, 'yesterday afternoon, with nothing spent');
    const kinds = report.slice(report.indexOf('## Per kind'), report.indexOf('## Per hour'));
    assert.deepStrictEqual(
      [...kinds.matchAll(/^\| ([^|]+) \| (\d+) \| (\d+)% \|$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3])]),
      [
        ['Now playing: steady checks', 30, 79],
        ['Commands (play, next, volume, like…)', 6, 16],
        ['Now playing: confirming a command', 1, 3],
        ['Pickers and search (devices, playlists, queue…)', 1, 3],
      ],
    );
  });
});
