import type { CollectProgress } from '../core/collector';

/** The progress of a live scan, shown on one rewritten line of a terminal. */
export interface ScanProgress {
  /** This many more targets will be collected. */
  addTargets(count: number): void;
  /** The callbacks for one target's collector; `done` when the target is finished. */
  target(): CollectProgress & { done(): void };
  /** Clears the line (the summary follows). */
  finish(): void;
}

/** What the progress line is written to: stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export const SILENT_PROGRESS: ScanProgress = {
  addTargets() {},
  target: () => ({ listed() {}, clusterDone() {}, done() {} }),
  finish() {},
};

/** Erase the current terminal line and go back to its start. */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * A progress line on a terminal (`targets 2/5 · clusters 7/12`), rewritten as targets and
 * clusters finish; nothing at all when the stream is not a terminal (CI logs, pipes) or when
 * `quiet`, so redirected output holds only the summary.
 */
export function createScanProgress(stream: ProgressStream, quiet: boolean): ScanProgress {
  if (quiet || stream.isTTY !== true) return SILENT_PROGRESS;
  const count = { targets: 0, targetsDone: 0, clusters: 0, clustersDone: 0 };
  let shown = '';
  const render = (): void => {
    const line = `Auditing: targets ${count.targetsDone}/${count.targets} · clusters ${count.clustersDone}/${count.clusters}`;
    if (line === shown) return;
    shown = line;
    stream.write(`${CLEAR_LINE}${line}`);
  };
  return {
    addTargets(n) {
      count.targets += n;
      render();
    },
    target() {
      let finished = false;
      return {
        listed(n) {
          count.clusters += n;
          render();
        },
        clusterDone() {
          count.clustersDone += 1;
          render();
        },
        done() {
          // A collector that threw may not have reported; a target is counted once.
          if (finished) return;
          finished = true;
          count.targetsDone += 1;
          render();
        },
      };
    },
    finish() {
      if (shown !== '') stream.write(CLEAR_LINE);
      shown = '';
    },
  };
}

/** Collects one target, reporting to `progress`. */
export async function withProgress<T>(
  progress: ScanProgress,
  collect: (hooks: CollectProgress) => Promise<T>,
): Promise<T> {
  const hooks = progress.target();
  try {
    return await collect(hooks);
  } finally {
    hooks.done();
  }
}
