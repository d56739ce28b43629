// When documents are checked: a debounce per document that adapts to how long its last check took, a generation
// number that invalidates every cached analysis when something other than the text changes (settings, the workspace
// file, the segmenter arriving), and the segmenter's loading schedule. What a check does is the caller's (`validate`).
import { loadSegmenter, segmenterError } from '../segmenter';
import type { DocumentStore, OpenDocument } from './documents';

/** Typing pauses shorter than this are one edit; a document just opened is checked at once. */
export const EDIT_DELAY_MS = 150;
/**
 * The pause actually waited after an edit adapts to the document: three times its last check, between these bounds.
 * A report that checks in 10 ms gets its diagnostics ~40 ms after a keystroke; one that takes 300 ms still waits for
 * a pause in typing, so its checks do not queue behind each other (bench/README.md: typing burst).
 */
export const EDIT_DELAY_MIN_MS = 40;
const EDIT_DELAY_PER_CHECK = 3;
/** The segmenter loads synchronously (~1 s): wait a moment after the first diagnostics so they reach the client first. */
const SEGMENTER_DELAY_MS = 200;

/** The pause after an edit before a document is checked again. */
export function editDelay(entry: OpenDocument | undefined): number {
  const last = entry?.lastCheckMs;
  if (last === undefined) return EDIT_DELAY_MS;
  return Math.round(Math.min(EDIT_DELAY_MS, Math.max(EDIT_DELAY_MIN_MS, EDIT_DELAY_PER_CHECK * last)));
}

export interface SchedulerHooks {
  /** Check one open document and publish (or, in pull mode, wait to be asked). */
  validate(uri: string): Promise<void>;
  /** Ask a pull-mode client to pull again (a no-op when it cannot). */
  refreshDiagnostics(): void;
  info(message: string): void;
  logError(where: string, e: unknown): void;
}

export class Scheduler {
  /** Bumped when something other than the text changes the result: cached analyses of older generations are stale. */
  generation = 0;
  shuttingDown = false;
  private segmenterScheduled = false;

  constructor(
    private readonly documents: DocumentStore,
    private readonly hooks: SchedulerHooks,
  ) {}

  /** Check `uri` after `delay` ms, replacing a check already waiting for it. */
  schedule(uri: string, delay: number): void {
    const entry = this.documents.get(uri);
    if (!entry || this.shuttingDown) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.hooks.validate(uri).catch((e: unknown) => this.hooks.logError(`check ${uri}`, e));
    }, delay);
  }

  /** Settings, the workspace file or the segmenter changed: every open document is checked again. */
  recheckAll(): void {
    this.generation++;
    if (!this.shuttingDown) this.hooks.refreshDiagnostics();
    for (const [uri] of this.documents.all()) this.schedule(uri, 0);
  }

  /** The first diagnostics never wait for word segmentation: it is loaded after them, then everything is re-checked. */
  scheduleSegmenter(): void {
    if (this.segmenterScheduled) return;
    this.segmenterScheduled = true;
    setTimeout(() => {
      if (this.shuttingDown) return;
      try {
        if (loadSegmenter()) this.recheckAll();
        else this.hooks.info(`fazhi-report: word segmentation unavailable (${segmenterError() ?? 'unknown'}); checking without it`);
      } catch (e) {
        this.hooks.logError('segmenter', e);
      }
    }, SEGMENTER_DELAY_MS);
  }

  shutdown(): void {
    this.shuttingDown = true;
    this.documents.clearTimers();
  }
}
