import { defineConfig } from 'vitest/config';

// scripts/bench-web: measurements, not tests (no assertions on speed).
export default defineConfig({
  test: { include: ['tests/bench/**/*.bench.ts'], environment: 'node', testTimeout: 1_800_000, hookTimeout: 600_000 },
});
