// The JavaScript engine's settings for checking a folder. A folder check is short-lived and runs a large engine over
// many reports: much of its CPU goes to the optimizing compiler warming up, not to the steady state. Two settings:
// - less inlining makes each optimized function cheaper to compile, so the analysis reaches its optimized code
//   sooner (folder benchmark, one thread: the first pass took about 2.2 s instead of 2.7 s);
// - a larger interrupt budget (how much a function runs before V8 considers optimizing it) leaves the many
//   lukewarm functions of a 500-report run to the baseline tiers and optimizes only the hottest: measured on the
//   folder benchmark (500 reports, 2 cores, best of 5), CPU time 4.4 s → 3.5 s with one thread, and with two
//   threads 6.7 s → 5.2 s of CPU, 3.6 s → 3.0 s of wall time (their compiler threads no longer fight the analysis
//   for the two cores). Budgets of 1–4 MB measured alike; 2 MB is in the middle.
// The language server, which analyses the same text again and again while the user types, keeps V8's defaults.
import v8 from 'node:v8';

/** The cumulative size of the functions inlined into one optimized function (V8's default: 920 bytes of bytecode). */
export const FOLDER_INLINE_BUDGET = 300;

/** The bytes of bytecode a function runs before V8 considers optimizing it (V8's default: 132 KB). */
export const FOLDER_INTERRUPT_BUDGET = 2_000_000;

let tuned = false;

/** Applied once, before the reports are analysed; worker threads share the process's engine settings. */
export function tuneForFolder(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${FOLDER_INLINE_BUDGET}`);
  v8.setFlagsFromString(`--interrupt-budget=${FOLDER_INTERRUPT_BUDGET}`);
}
