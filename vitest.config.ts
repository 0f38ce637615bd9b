import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'

// Three projects, run by scripts/test.sh:
// - unit: src/**/*.test.ts, no database, no browser;
// - integration: *.int.test.ts under src/ and test/, each file on its own database from
//   createTestDatabase() (test/db.ts): PGlite, or PostgreSQL when TEST_DATABASE_URL is set;
// - e2e: test/e2e/**/*.e2e.test.ts, a real Chromium against the built app, one file at a time.
const integrationFiles = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts']

export default defineConfig({
  test: {
    // Sized for the 2-core CI machine: a worker per core; with PostgreSQL the server shares them.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...integrationFiles],
        },
      },
      {
        test: {
          name: 'integration',
          include: integrationFiles,
          globalSetup: ['test/db-setup.ts'],
          // Threads, not forks: files in one process share PGlite's compiled WebAssembly, which a
          // fresh process per file compiles and warms up again (measured: the project runs ~20%
          // faster). Each file still gets its own worker and module instances.
          pool: 'threads',
          // Generous: a loaded 2-core machine can take seconds to start PGlite.
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // e2e tests may start the app on a test database too.
          globalSetup: ['test/db-setup.ts'],
          // One browser at a time: two Chromiums and a server do not fit 2 cores.
          pool: 'forks',
          fileParallelism: false,
          // A page on a loaded 2-core machine may take seconds to show what a poll waits for; the
          // default second made journeys fail now and then in CI.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
