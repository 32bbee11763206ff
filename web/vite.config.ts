import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests (Vitest) live beside the code as *.test.ts(x); end-to-end tests in tests/e2e run with
// vitest.e2e.config.ts against a built page in real Chromium.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
