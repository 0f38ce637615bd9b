import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { startJourney, type Journey } from './journey'

/**
 * The knowledge base's journey in a real Chromium: a handler drafts an answer and submits it, a
 * dispatcher finds it, approves it, and it is published; the list works on a phone.
 */

let journey: Journey
let page: Page
let base = ''

beforeAll(async () => {
  journey = await startJourney()
  ;({ page, base } = journey)
})

afterAll(() => journey?.close())

async function signIn(username: string): Promise<void> {
  await page.goto(`${base}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)
}

async function signOut(): Promise<void> {
  await page.context().clearCookies()
}

/** Confirms the open Popconfirm; antd spaces out a two-character label (确 定). */
async function confirm(): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定/ }).click()
}

test('a handler drafts and submits an answer, a dispatcher approves it and it is published', { timeout: 180_000 }, async () => {
  const title = 'E2E 预付卡退费投诉口径'

  await signIn('handler')
  await page.goto(`${base}/workbench/hotline/knowledge`)
  await page.getByTestId('knowledge-create').click()
  const editor = page.getByTestId('knowledge-editor')
  // The region and department default to the handler's own: 南京市, 南京市市场监督管理局.
  await expect.poll(() => editor.getByTestId('knowledge-org').innerText()).toContain('南京市市场监督管理局')
  await editor.getByTestId('knowledge-title').fill(title)
  await editor.getByTestId('knowledge-body').fill('1. 先与经营者协商。\n2. 协商不成的，通过12315平台投诉。')
  await editor.getByTestId('knowledge-keywords').locator('input').fill('预付卡')
  await page.keyboard.press('Enter')
  await page.getByTestId('knowledge-save').click()

  const detail = page.getByTestId('knowledge-detail')
  await detail.getByTestId('knowledge-submit').click()
  await confirm()
  await expect.poll(() => detail.getByTestId('knowledge-status').first().innerText()).toBe('审核中')
  // Whoever wrote it cannot approve it, and a handler does not review at all.
  expect(await detail.getByTestId('knowledge-approve').count()).toBe(0)
  await signOut()

  await signIn('dispatcher')
  await page.goto(`${base}/workbench/hotline/knowledge`)
  await page.getByTestId('knowledge-search').locator('input').fill('预付卡退费')
  await page.keyboard.press('Enter')
  await page.getByTestId('knowledge-table').getByText(title, { exact: true }).click()
  await detail.getByTestId('knowledge-approve').click()
  await confirm()
  await expect.poll(() => detail.getByTestId('knowledge-status').first().innerText()).toBe('已发布')
  expect(await detail.getByTestId('knowledge-answer').innerText()).toContain('协商不成的，通过12315平台投诉。')
  await page.keyboard.press('Escape')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${base}/workbench/hotline/knowledge?q=${encodeURIComponent('预付卡')}`)
  await page.getByText(title, { exact: true }).waitFor()
  expect(journey.problems).toEqual([])
})
