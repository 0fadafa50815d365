import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers: one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
