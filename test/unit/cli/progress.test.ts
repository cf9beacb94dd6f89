import { describe, expect, it } from 'vitest';
import { createScanProgress, withProgress } from '../../../cli/progress';

/** A stand-in for stderr that records what was written. */
function stream(isTTY: boolean): { isTTY: boolean; writes: string[]; write(t: string): void } {
  const writes: string[] = [];
  return { isTTY, writes, write: (t) => writes.push(t) };
}
const CLEAR = '\r\u001b[2K';

describe('createScanProgress', () => {
  it('rewrites one line with targets and clusters done/total on a terminal, and clears it', async () => {
    const tty = stream(true);
    const progress = createScanProgress(tty, false);
    progress.addTargets(2);
    await withProgress(progress, async (hooks) => {
      hooks.listed(3);
      hooks.clusterDone();
      hooks.clusterDone();
      hooks.clusterDone();
    });
    await withProgress(progress, async (hooks) => hooks.listed(0));
    progress.finish();
    expect(tty.writes).toEqual([
      `${CLEAR}Auditing: targets 0/2 · clusters 0/0`,
      `${CLEAR}Auditing: targets 0/2 · clusters 0/3`,
      `${CLEAR}Auditing: targets 0/2 · clusters 1/3`,
      `${CLEAR}Auditing: targets 0/2 · clusters 2/3`,
      `${CLEAR}Auditing: targets 0/2 · clusters 3/3`,
      `${CLEAR}Auditing: targets 1/2 · clusters 3/3`,
      `${CLEAR}Auditing: targets 2/2 · clusters 3/3`,
      CLEAR,
    ]);
  });

  it('counts a target whose collection threw as done', async () => {
    const tty = stream(true);
    const progress = createScanProgress(tty, false);
    progress.addTargets(1);
    await expect(
      withProgress(progress, async () => {
        throw new Error('denied');
      }),
    ).rejects.toThrow('denied');
    expect(tty.writes.at(-1)).toBe(`${CLEAR}Auditing: targets 1/1 · clusters 0/0`);
  });

  it('writes nothing when the stream is not a terminal or with --quiet', async () => {
    for (const [s, quiet] of [
      [stream(false), false],
      [stream(true), true],
    ] as const) {
      const progress = createScanProgress(s, quiet);
      progress.addTargets(1);
      await withProgress(progress, async (hooks) => {
        hooks.listed(1);
        hooks.clusterDone();
      });
      progress.finish();
      expect(s.writes).toEqual([]);
    }
  });
});
