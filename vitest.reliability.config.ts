// The reliability suite (`npm run test:reliability`): crashes, tampering, rollback, a full disk,
// and fuzzing of every importer at 10,000 cases each. Slower than the unit run, which leaves
// test/reliability out; CI runs both.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Crash and full-disk tests spawn writers and time their kills; one file at a time keeps
    // them from starving each other on a two-core machine.
    fileParallelism: false,
  },
});
