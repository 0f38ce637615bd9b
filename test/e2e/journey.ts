import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { buildApp, type App } from '../../src/server/app'
import { ensureWebBuilt, webRoot } from '../../src/server/main'
import { moduleEvents } from '../../src/server/modules'
import { defaultPasswordPolicy } from '../../src/server/platform/auth/password'
import { systemClock } from '../../src/server/platform/clock'
import type { DatabaseHandle } from '../../src/server/platform/db/database'
import type { PlatformDeps } from '../../src/server/platform/deps'
import { createPiiCipher } from '../../src/server/platform/pii/pii'
import { createTestDatabase } from '../db'
import { testPiiKeys } from '../keys'
import { launchBrowser } from './browser'

/** What a browser journey runs against: the real server on a fresh test database, and a Chromium page. */
export interface Journey {
  deps: PlatformDeps
  app: App
  /** http://127.0.0.1:<port> */
  base: string
  context: BrowserContext
  page: Page
  /** Uncaught page errors and refused static files: a journey ends by expecting none. */
  problems: string[]
  close(): Promise<void>
}

/**
 * The built web app served by the real server (in-process, on a free port) over a fresh database
 * holding the regions and the demo departments and accounts (the test template, see
 * test/template.ts), and a desktop-sized Chromium page speaking Chinese.
 */
export async function startJourney(): Promise<Journey> {
  await ensureWebBuilt(() => {})
  const handle: DatabaseHandle = await createTestDatabase()
  const deps: PlatformDeps = { db: handle.db, clock: systemClock, pii: createPiiCipher(testPiiKeys), passwordPolicy: defaultPasswordPolicy, passwordMaxAgeDays: 90, homeProvince: '32', events: moduleEvents }
  const app = await buildApp({ ...deps, logger: false, webRoot })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const browser: Browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (!url.pathname.startsWith('/api/') && response.status() >= 400) problems.push(`${response.status()} ${url.pathname}`)
  })
  return {
    deps,
    app,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    context,
    page,
    problems,
    async close() {
      await context.close()
      await browser.close()
      await app.close()
      await handle.close()
    },
  }
}

/**
 * Picks a department in an antd TreeSelect by typing its name. The dropdown closes on selection,
 * but a re-render while the filter settles can leave it open over the buttons below; moving the
 * focus away closes it, and the journey goes on only once it is gone.
 */
export async function chooseInTree(page: Page, trigger: Locator, name: string): Promise<void> {
  await trigger.click()
  await page.keyboard.type(name)
  await page.getByRole('tree').getByText(name, { exact: true }).click()
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  if ((await openDropdown.count()) > 0) await page.keyboard.press('Tab')
  await expect.poll(() => openDropdown.count()).toBe(0)
  await expect.poll(() => trigger.innerText()).toContain(name)
}
