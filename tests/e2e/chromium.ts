import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (Playwright's own browser download cannot run here). The flags keep it from
 * reaching for the network, which this machine refuses, and from doing work a test does not want.
 * Playwright gives every launch a fresh, temporary user-data dir, and every test a fresh context.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
