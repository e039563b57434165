import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: server, browser and build tests contend, so run files in two workers at most.
    maxWorkers: 2,
  },
})
