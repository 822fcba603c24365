/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The build lands in the Maven module's output, so the web jar carries it as classpath:/static for the server.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['app/**/*.test.{ts,tsx}'],
    setupFiles: ['app/test-setup.ts'],
    // jsdom renders are CPU-bound: on a loaded 2-core machine a form test can pass 5 s (Vitest's default) while
    // working correctly. The tests await conditions; this only bounds how long a broken one hangs.
    testTimeout: 30000,
  },
});
