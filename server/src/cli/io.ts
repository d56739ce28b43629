// Where commands write. Kept behind an interface so tests (and later commands) can capture output.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Set only when standard error is a terminal: where a progress bar may be drawn (and erased). */
  progress?: (text: string) => void;
}

let pipeGuarded = false;

/** `fazhi-report check … | head` closes the pipe early: stop quietly instead of dying with an EPIPE stack trace. */
function guardPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export const processIO: CliIO = {
  out: (text) => {
    guardPipe();
    process.stdout.write(text);
  },
  err: (text) => void process.stderr.write(text),
  progress: process.stderr.isTTY ? (text) => void process.stderr.write(text) : undefined,
};
