// A one-line progress bar on standard error, drawn only when standard error is a terminal (io.progress is set by
// processIO then): redirected output and CI logs never see it. Cleared before any other line is printed.
import type { CliIO } from './io';

export interface ProgressBar {
  update(done: number): void;
  clear(): void;
}

const WIDTH = 30;

export function progressBar(io: CliIO, total: number): ProgressBar | null {
  const write = io.progress;
  if (!write || total < 2) return null;
  let shown = false;
  let lastStep = -1;
  return {
    update(done: number) {
      const step = Math.floor((done / total) * WIDTH);
      if (shown && step === lastStep && done !== total) return;
      lastStep = step;
      write(`\r[${'#'.repeat(step)}${'.'.repeat(WIDTH - step)}] ${done}/${total}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      write('\r\x1b[K');
      shown = false;
      lastStep = -1;
    },
  };
}
