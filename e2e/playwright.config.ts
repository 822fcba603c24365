import { defineConfig } from '@playwright/test';

// The server is started by E2eRunner (Maven's integration-test phase), which passes its address in BASE_URL.
// Chromium is the machine's (Debian's /usr/bin/chromium): browsers are never downloaded.
const reportDir = process.env.REPORT_DIR ?? 'target/e2e';

export default defineConfig({
  testDir: 'tests',
  outputDir: `${reportDir}/test-results`,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // in CI a broken server fails every test the same way: stop after a few rather than spend the run's budget on them
  maxFailures: process.env.CI ? 5 : 0,
  reporter: [['list'], ['junit', { outputFile: `${reportDir}/junit.xml` }]],
  // desktop runs every spec; phone (360 x 740) the flows whose layout must hold on a narrow screen
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 } }, testMatch: /(rules|backtest-numbers|settings)\.spec\.ts$/ },
  ],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080',
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-dev-shm-usage'],
    },
  },
});
