import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/test/**/*.test.ts', 'shared/test/**/*.test.ts', 'client/test/**/*.test.ts'],
    // The grammar loads asynchronously (the WASM fallback); parsePython needs it loaded first.
    setupFiles: ['server/test/setup-parser.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
