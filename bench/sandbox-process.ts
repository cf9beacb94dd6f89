/**
 * The sandbox cloud in a process of its own, so that the benchmark's memory and CPU figures are
 * the pipeline's alone. Started by `bench/sandbox-link.ts` with `fork`: argv is the estate file
 * and the latency per call; it answers `counters`, `reset` and `stop` messages.
 */
import { readFileSync } from 'node:fs';
import { startSandbox } from '../sandbox/server';

const [file, latency] = process.argv.slice(2);
if (file === undefined || latency === undefined) {
  throw new Error('usage: sandbox-process <estate.json> <latencyMs>');
}
const latencyMs = Number(latency);
const sandbox = await startSandbox({
  estate: JSON.parse(readFileSync(file, 'utf8')),
  faults: latencyMs > 0 ? [{ kind: 'latency', latencyMs }] : [],
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'counters') {
    process.send?.({ type: 'counters', entries: sandbox.counters.entries() });
  } else if (message.type === 'reset') {
    sandbox.counters.reset();
    process.send?.({ type: 'reset' });
  } else if (message.type === 'stop') {
    void sandbox.stop().finally(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: sandbox.url });
