import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/test/**/*.test.ts', 'shared/test/**/*.test.ts', 'client/test/**/*.test.ts'],
    // The grammar loads asynchronously (the WASM fallback); parsePython needs it loaded first.
    setupFiles: ['server/test/setup-parser.ts'],
    // No test leaves a `.yieldlens_cache/` behind: the CLI's cache goes to a temporary directory.
    globalSetup: ['server/test/cache-dir.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
