import type { BudgetStatus } from '../quota/requestBudget';
import type { LedgerEntry } from '../quota/requestLedger';
import { kindLabel, REQUEST_KINDS } from '../spotify/requestKinds';
import { spendLine } from './budgetText';
import { formatCount } from './format';
import { l10n } from '../l10n';

// "Spotify: Show Request Budget": where the last 24 h of requests went, per hour and per kind,
// as Markdown (kept free of `vscode`, so it is tested on Node).

const HOUR_MS = 3600_000;
const BAR_WIDTH = 24;

function hourLabel(start: number): string {
  const date = new Date(start);
  return `${String(date.getHours()).padStart(2, '0')}:00`;
}

function bar(count: number, most: number): string {
  return count ? '█'.repeat(Math.max(1, Math.round((count / most) * BAR_WIDTH))) : '';
}

export function budgetReport(entries: readonly LedgerEntry[], status: BudgetStatus, now: number, checkEveryMs: number | undefined): string {
  const lines = [`# ${l10n.t('Spotify requests, last 24 hours')}`, '', spendLine(status, checkEveryMs, now), ''];
  if (status.limit > 0) {
    lines.push(
      l10n.t(
        'Daily budget `backbeat.dailyRequestBudget`: {0}, of which {1} are kept for commands, pickers and search. Every VS Code window and every Client ID on this machine count into the same 24 hours (Spotify counts per developer account).',
        formatCount(status.limit),
        formatCount(status.reserve),
      ),
      '',
    );
  }

  const perKind = REQUEST_KINDS.map((kind) => ({ kind, count: entries.filter((e) => e.kind === kind).length }))
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count);
  lines.push(`## ${l10n.t('Per kind')}`, '', `| ${l10n.t('Kind')} | ${l10n.t('Requests')} | ${l10n.t('Share')} |`, '| --- | ---: | ---: |');
  for (const { kind, count } of perKind) lines.push(`| ${kindLabel(kind)} | ${count} | ${Math.round((count / entries.length) * 100)}% |`);
  if (!perKind.length) lines.push(`| ${l10n.t('(none yet)')} | 0 | |`);

  // 24 clock hours, the current one last.
  const currentHour = new Date(now);
  currentHour.setMinutes(0, 0, 0);
  const firstHour = currentHour.getTime() - 23 * HOUR_MS;
  const perHour = Array.from({ length: 24 }, () => 0);
  for (const e of entries) {
    const slot = Math.floor((e.at - firstHour) / HOUR_MS);
    if (slot >= 0 && slot < 24) perHour[slot]++;
  }
  const most = Math.max(1, ...perHour);
  lines.push('', `## ${l10n.t('Per hour')}`, '', `| ${l10n.t('Hour')} | ${l10n.t('Requests')} | |`, '| --- | ---: | --- |');
  perHour.forEach((count, i) => lines.push(`| ${hourLabel(firstHour + i * HOUR_MS)} | ${count} | ${bar(count, most)} |`));

  lines.push('', l10n.t('See "Spotify\'s daily quota" in the README for how Backbeat paces its reads.'), '');
  return lines.join('\n');
}
