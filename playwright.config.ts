import { defineConfig } from '@playwright/test';
import { e2eTarget, ELECTRON_MISSING, electronBinary, nodeElectronLookup } from './e2e/target';

// Debian's Chromium (no browser download here). E2E_TARGET=electron runs the same suites in the desktop app
// (e2e/harness.ts launches dist/app/main.js in Electron) on machines that have Electron's binary; here it
// stops at once with one sentence instead of failing every test.
if (e2eTarget() === 'electron' && !electronBinary(nodeElectronLookup(__dirname))) throw new Error(ELECTRON_MISSING);

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: 'test-results/e2e',
  metadata: { target: e2eTarget() },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
});
