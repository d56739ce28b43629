// What the status bar item says (VS Code status-bar guidelines: short text with a codicon, details in the tooltip,
// right side because it is about the active file, hidden when the active file is not a report). Pure: unit-tested.
import type { Translate } from './skeleton';
import type { CheckFilesResult, SeverityCounts } from '../../server/src/shared/protocol';

export type Counts = SeverityCounts;

export interface StatusView {
  text: string;
  tooltip: string;
  /** The item is shown (the active document is a report). */
  visible: boolean;
  /** Errors: the item gets the error background. */
  severe: boolean;
}

export function countDiagnostics(severities: number[]): Counts {
  const c: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const s of severities) {
    if (s === 0) c.error++;
    else if (s === 1) c.warning++;
    else if (s === 2) c.information++;
    else c.hint++;
  }
  return c;
}

/** `severities` use vscode.DiagnosticSeverity numbering (0 error … 3 hint). */
export function statusView(state: { isReport: boolean; checking: boolean; counts: Counts }, t: Translate): StatusView {
  if (!state.isReport) return { text: '', tooltip: '', visible: false, severe: false };
  const { error, warning, information, hint } = state.counts;
  const click = t('Click to open the Problems panel');
  if (state.checking) {
    return { text: `$(sync~spin) ${t('Checking')}`, tooltip: `${t('Rule-of-law report: checking…')}\n${click}`, visible: true, severe: false };
  }
  const total = error + warning + information + hint;
  if (total === 0) {
    return { text: '$(check) 0', tooltip: `${t('Rule-of-law report: no problems found')}\n${click}`, visible: true, severe: false };
  }
  const icon = error > 0 ? '$(error)' : warning > 0 ? '$(warning)' : '$(info)';
  const details = t('Rule-of-law report: {0} errors, {1} warnings, {2} notes', error, warning, information + hint);
  return { text: `${icon} ${total}`, tooltip: `${details}\n${click}`, visible: true, severe: error > 0 };
}

/** What fazhiReport/checkFiles answers (summed over the chunks of a workspace check): shared/protocol.ts. */
export type { CheckFilesResult };

/** The notification at the end of a workspace check. */
export function workspaceSummary(r: CheckFilesResult, total: number, t: Translate): string {
  const found = t('{0} reports: {1} errors, {2} warnings, {3} notes', r.reports, r.counts.error, r.counts.warning, r.counts.information + r.counts.hint);
  if (r.cancelled) return `${t('Workspace check cancelled after {0} of {1} files.', r.checked, total)} ${found}`;
  return `${t('Checked {0} files.', r.checked)} ${found}`;
}
