// What the server (or the CLI) should publish for a text: the engine's findings through the shared conversion.
// Word segmentation arrives a moment after start-up, so a result may come from either engine state.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine';
import type { Locale } from '../../server/src/engine';
import { toDiagnostics } from '../../server/src/present/convert';
import { loadSegmenter } from '../../server/src/segmenter';

export interface ExpectOptions {
  locale?: Locale;
  relatedInformation?: boolean;
}

export function engineDiagnostics(text: string, uri: string, opts: ExpectOptions = {}, segmented = false): Diagnostic[] {
  const segmenter = segmented ? (loadSegmenter() ?? undefined) : undefined;
  const findings = analyze(text, { locale: opts.locale ?? 'zh-cn', segmenter }).findings;
  return toDiagnostics(findings, uri, { relatedInformation: opts.relatedInformation ?? true });
}

/** Passes when `actual` equals the engine's result with or without segmentation; otherwise shows the diff. */
export function assertEngineDiagnostics(actual: unknown, text: string, uri: string, opts: ExpectOptions = {}): void {
  const segmented = engineDiagnostics(text, uri, opts, true);
  if (JSON.stringify(actual) === JSON.stringify(segmented)) return;
  assert.deepEqual(actual, engineDiagnostics(text, uri, opts, false));
}
