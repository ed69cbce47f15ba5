/**
 * A progress bar on stderr for long work (training). On a terminal it redraws one line;
 * elsewhere (CI, logs) it prints each phase once, so logs stay readable.
 */
import type { TrainProgress } from '../text/classifier/types.ts';

const WIDTH = 24;

export interface ProgressBar {
  update(progress: TrainProgress): void;
  done(message: string): void;
}

export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now();
  let lastPhase = '';
  let lastDraw = 0;
  return {
    update({ phase, done, total }) {
      if (phase === 'done') {
        this.done(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
      if (!stream.isTTY) {
        if (phase !== lastPhase) stream.write(`${label}: ${phase}…\n`);
        lastPhase = phase;
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 50 && done < total) return;
      lastDraw = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}% ${phase} ${seconds}s\u001b[K`);
    },
    done(message) {
      if (stream.isTTY) stream.write('\r\u001b[K');
      stream.write(`${label}: ${message}\n`);
    },
  };
}
