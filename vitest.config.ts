import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A real IndexedDB implementation in memory, fresh per test file, for the database layer's tests.
    setupFiles: ['tests/unit/setup.ts'],
    // The default summary, then the skipped tests by name (those that need ../shared/fixtures).
    reporters: ['default', './tests/skippedTestsReporter.ts'],
  },
});
