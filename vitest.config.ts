import { defineConfig } from 'vitest/config';

// .ci/run sets MK8S_TEST_REPORT so that it can print the test counts from vitest's JSON report.
const report = process.env['MK8S_TEST_REPORT'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
