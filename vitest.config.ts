import {defineConfig} from 'vitest/config'

export default defineConfig({
  // `sanity-plugin-sourced-news` is schemas/ itself (tsconfig.json `paths`), as in the Studio, never a build of it.
  resolve: {tsconfigPaths: true},
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: server, browser and build tests contend, so run files in two workers at most.
    maxWorkers: 2,
  },
})
