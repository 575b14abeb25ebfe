// Debian's Chromium for the browser tests, started as this machine needs it: headless, as root
// (no sandbox), and without the background connections a closed network refuses.
import { type Browser, chromium } from 'playwright-core';

/** The Chromium binary: /usr/bin/chromium, or CHROMIUM=/path/to/chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches the machine's Chromium headless (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
