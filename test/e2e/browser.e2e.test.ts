import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser } from './browser'

// Proves the e2e project itself: Chromium starts, renders a page and answers, without any server.
let browser: Browser | undefined

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('Chromium renders a data: URL page and reads its title', async () => {
  if (!browser) throw new Error('Chromium did not start')
  const page = await browser.newPage()
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent('<title>一网 e2e</title><h1>ok</h1>')}`)
  expect(await page.title()).toBe('一网 e2e')
  expect(await page.locator('h1').textContent()).toBe('ok')
})
