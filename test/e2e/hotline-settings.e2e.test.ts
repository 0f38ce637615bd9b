import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { chooseInTree, startJourney, type Journey } from './journey'

/** 热线配置: Nanjing's supervisor names another department for 噪声扰民 in 玄武区 and sees the catalogue change. */

let journey: Journey
let page: Page
let base = ''

beforeAll(async () => {
  journey = await startJourney()
  ;({ page, base } = journey)
})

afterAll(() => journey?.close())

test('the supervisor changes a dispatch catalogue entry of 玄武区', { timeout: 120_000 }, async () => {
  await page.goto(`${base}/login`)
  await page.getByLabel('用户名').fill('supervisor')
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)

  await page.goto(`${base}/workbench/hotline/settings`)
  // The page is a chunk of its own: wait for it as a user would, not for a poll's second.
  await page.getByTestId('catalogue-region').waitFor()

  await page.getByTestId('catalogue-region').click()
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^南京市$/ }).click()
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^玄武区$/ }).click()

  const cell = page.getByTestId('catalogue-org-environment.noise')
  await expect.poll(() => cell.innerText(), { timeout: 20_000 }).toBe('玄武区住房和城乡建设局')

  await page.getByTestId('catalogue-edit-environment.noise').click()
  const modal = page.locator('.ant-modal:visible')
  await chooseInTree(page, modal.getByTestId('catalogue-entry-org'), '玄武区市场监督管理局')
  await page.getByTestId('catalogue-entry-save').click()

  await expect.poll(() => cell.innerText(), { timeout: 20_000 }).toBe('玄武区市场监督管理局')
})
