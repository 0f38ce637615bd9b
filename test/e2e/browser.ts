import { chromium, type Browser } from 'playwright-core'

/**
 * Chromium for e2e tests: the system one (apt's `chromium`, or CHROMIUM_PATH), since nothing
 * can be downloaded here. The flags keep it from reaching for the network it does not have
 * (updates, sync, QUIC probes) and let it run as root in a container with a small /dev/shm.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}
