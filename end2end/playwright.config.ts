import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against a server that is already up: scripts/test starts the
 * release build on a free port and passes it as BASE_URL; by hand, `scripts/run` serves
 * the default http://127.0.0.1:3000.
 *
 * The browser is Debian's Chromium: Playwright's own browser downloads are not reachable
 * from these machines, so never run `npx playwright install`.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // A hard stop so a wedged run can never eat CI's time budget.
  globalTimeout: 10 * 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Plain "html" may start a report server and hang the run.
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
