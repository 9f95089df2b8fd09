/**
 * The report as text for a terminal: one block per group, one line per check (status, title,
 * cause), the fix and details indented under it, then the manual checks and a one-line summary.
 */
import { checkGroups, type Check, type DoctorReport } from './report.js';

const LABEL: Record<Check['status'], string> = {
  ok: 'ok  ',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: 'skip',
};

export function renderReport(report: DoctorReport): string {
  const { context } = report;
  const lines: string[] = [];
  const about = [
    context.eventName ?? 'no event',
    context.audience === 'Multicast'
      ? 'Multicast'
      : context.userId === null
        ? undefined
        : `to ${context.userId}`,
  ].filter((part) => part !== undefined);
  lines.push(
    `doctor: ${about.join(' ')} · stage ${context.stage} · region ${context.region} · ${context.checkedAt}`,
  );
  for (const group of checkGroups) {
    const checks = report.checks.filter((entry) => entry.group === group);
    if (checks.length === 0) continue;
    lines.push('', group);
    for (const entry of checks) {
      lines.push(`  ${LABEL[entry.status]}  ${entry.title}: ${entry.cause}`);
      for (const detail of entry.details ?? []) lines.push(`          ${detail}`);
      if (entry.fix !== null && entry.status !== 'ok') lines.push(`          fix: ${entry.fix}`);
    }
  }
  lines.push('', 'manual checks (cannot be seen from here)');
  for (const manual of report.manual) lines.push(`  - ${manual.title}: ${manual.how}`);
  const { summary } = report;
  lines.push(
    '',
    `${summary.fail} failed, ${summary.warn} warning${summary.warn === 1 ? '' : 's'}, ${summary.ok} ok, ${summary.skipped} skipped.`,
  );
  return `${lines.join('\n')}\n`;
}
