import type { Reporter, TestModule } from 'vitest/node';

/**
 * Names every skipped test after the run (Vitest's default reporter only counts them), so that a
 * lone clone shows which tests of the team's fixtures it could not run, and why.
 */
export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) => [...module.children.allTests('skipped')]);
    if (skipped.length === 0) return;
    console.log(`\nSkipped (${skipped.length}):`);
    for (const test of skipped) console.log(`  - ${test.fullName}`);
  }
}
