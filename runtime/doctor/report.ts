/**
 * What `diagnose` returns and `proactive-events doctor --json` prints (docs/doctor.schema.json
 * describes the JSON). Every check ends in one of four states and says, in one sentence each, what
 * it found and what to do about it, so a person can act on any line without reading the others.
 */

export const checkStatuses = ['ok', 'warn', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const checkGroups = [
  'event',
  'manifest',
  'stage',
  'region',
  'subscription',
  'live',
] as const;
export type CheckGroup = (typeof checkGroups)[number];

export interface Check {
  /** Stable identifier, `group.name` (for scripts and tests). */
  readonly id: string;
  readonly group: CheckGroup;
  /** A few words naming what was checked. */
  readonly title: string;
  readonly status: CheckStatus;
  /** One sentence: what was found (for `skipped`: why it was not checked). */
  readonly cause: string;
  /** One sentence: what to do; null when there is nothing to do. */
  readonly fix: string | null;
  /** Supporting lines (validation issues, declared names…), shown under the check. */
  readonly details?: readonly string[];
}

/** Something only a person holding the device or the Alexa app can check. */
export interface ManualCheck {
  readonly id: string;
  readonly title: string;
  /** One sentence: where to look and what to change. */
  readonly how: string;
}

/** What the report was run against, so a saved report can be read on its own. */
export interface DiagnosisContext {
  /** When the checks ran (ISO 8601). */
  readonly checkedAt: string;
  readonly eventSource: string | null;
  readonly eventName: string | null;
  readonly audience: 'Unicast' | 'Multicast' | null;
  readonly userId: string | null;
  readonly region: string;
  readonly stage: string;
  readonly manifest: string | null;
  readonly store: string | null;
  readonly liveCheck: boolean;
}

export interface DoctorReport {
  /** true when no check failed (warnings allowed): the CLI exits 0 exactly then. */
  readonly ok: boolean;
  readonly summary: Readonly<Record<CheckStatus, number>>;
  readonly context: DiagnosisContext;
  readonly checks: readonly Check[];
  readonly manual: readonly ManualCheck[];
}

export function check(
  group: CheckGroup,
  name: string,
  title: string,
  status: CheckStatus,
  cause: string,
  fix: string | null,
  details?: readonly string[],
): Check {
  const result: Check = { id: `${group}.${name}`, group, title, status, cause, fix };
  return details === undefined || details.length === 0 ? result : { ...result, details };
}

export function summarize(checks: readonly Check[]): Record<CheckStatus, number> {
  const summary: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const entry of checks) summary[entry.status]++;
  return summary;
}
