import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CounterEntry } from '../sandbox/counters';
import type { EstateInput } from '../sandbox/estate';

/** A sandbox cloud running in a child process (`bench/sandbox-process.ts`). */
export interface SandboxLink {
  url: string;
  counters(): Promise<CounterEntry[]>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function reply<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the sandbox process exited (code ${code}) before answering ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Writes the estate to `dir` and starts a sandbox serving it with a fixed latency per call. */
export async function startSandboxProcess(
  estate: EstateInput,
  latencyMs: number,
  dir: string,
): Promise<SandboxLink> {
  const file = join(dir, 'estate.json');
  writeFileSync(file, JSON.stringify(estate));
  const child = fork(join(import.meta.dirname, 'sandbox-process.ts'), [file, String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url } = await reply<{ url: string }>(child, 'ready');
  return {
    url,
    async counters() {
      const answer = reply<{ entries: CounterEntry[] }>(child, 'counters');
      child.send({ type: 'counters' });
      return (await answer).entries;
    },
    async reset() {
      const answer = reply(child, 'reset');
      child.send({ type: 'reset' });
      await answer;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
