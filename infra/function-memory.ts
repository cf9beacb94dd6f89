/**
 * Memory (MB) of each function of the stack; the benchmark's cost estimate reads them too.
 * Publish holds a run's findings and Security Hub's state for the lifecycle diff: measured with
 * `npm run bench -- --security-hub` at 1,000 clusters (48,102 findings), publish alone peaked at
 * 897 MB on the first day and 1,492 MB on the second (the state of the first read back), so it
 * gets 3,008 MB: about twice that, once a day, for well under a cent.
 */
export const FUNCTION_MEMORY_MB = {
  discover: 512,
  auditTarget: 1024,
  publish: 3008,
} as const;
