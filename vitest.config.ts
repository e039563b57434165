import {defineConfig} from 'vitest/config'

const BROWSER_TESTS = 'tests/browser/**/*.test.ts'

export default defineConfig({
  // `sanity-plugin-sourced-news` is schemas/ itself (tsconfig.json `paths`), as in the Studio, never a build of it.
  resolve: {tsconfigPaths: true},
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: server, browser and build tests contend, so run files in two workers at most.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {name: 'node', include: ['tests/**/*.test.ts'], exclude: [BROWSER_TESTS]},
      },
      // Each browser file builds a Studio and drives Chromium: two at once starve each other on two
      // cores (waits time out), so they take turns in one worker while the other runs the rest.
      // A step that waits on the Studio's own timing (a sync, a re-sorting list) can still miss its
      // 20 s wait when the other worker is busy: one retry, so a slow moment is not a red build; a
      // test that fails twice fails.
      {
        extends: true,
        test: {name: 'browser', include: [BROWSER_TESTS], fileParallelism: false, retry: 1},
      },
    ],
  },
})
