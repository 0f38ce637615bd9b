import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { startJourney, type Journey } from './journey'

/**
 * The staff journey through the platform foundation in a real Chromium: the built web app served
 * by the real server (in-process, on a free port) over a fresh database holding the regions and
 * the demo departments and accounts (the test template, see test/template.ts).
 */

let journey: Journey
let page: Page
let base = ''

beforeAll(async () => {
  journey = await startJourney()
  ;({ page, base } = journey)
})

afterAll(() => journey?.close())

test('a system administrator signs in, browses regions, creates a department and an account, and signs out', { timeout: 180_000 }, async () => {
  // The public portal, and its way in for staff.
  await page.goto(`${base}/`, { waitUntil: 'networkidle' })
  // the app's scripts and styles reach an anonymous visitor
  expect(journey.problems).toEqual([])
  await page.getByRole('heading', { name: '江苏政务服务 一网通办' }).waitFor()
  await page.getByTestId('staff-login-link').click()
  await page.waitForURL(/\/login$/)

  // Sign in: a wrong password is refused with the server's message, the right one lets in.
  await page.getByLabel('用户名').fill('sysadmin')
  await page.getByLabel('密码').fill('not-the-password')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-error').waitFor()
  expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误')
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)
  expect(await page.getByTestId('welcome-card').innerText()).toContain('王建国')

  // 行政区划: 江苏省 → 南京市 → 玄武区, loaded level by level.
  await page.getByRole('link', { name: '行政区划', exact: true }).click()
  await page.waitForURL(/\/workbench\/regions$/)
  // a click on a region selects and opens it (region-node-<code> is the tree item)
  const tree = page.getByTestId('region-tree')
  await tree.getByTestId('region-node-32').getByText('江苏省').click()
  await tree.getByTestId('region-node-3201').getByText('南京市').click()
  await tree.getByTestId('region-node-320102').getByText('玄武区').click()
  const details = page.getByTestId('region-details')
  await details.getByText('江苏省南京市玄武区').waitFor()
  expect(await details.innerText()).toContain('320102')

  // 部门管理: a new department in the user's own region (江苏省).
  const orgName = 'E2E 数据治理处'
  await page.getByRole('link', { name: '部门管理', exact: true }).click()
  await page.waitForURL(/\/workbench\/orgs$/)
  await page.getByTestId('org-create').click()
  const orgDialog = page.getByRole('dialog')
  await orgDialog.getByLabel('部门名称').fill(orgName)
  await orgDialog.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByTestId('org-table').getByRole('cell', { name: orgName }).waitFor()

  // 工作人员账号: a new account in that department.
  await page.getByRole('link', { name: '工作人员账号', exact: true }).click()
  await page.waitForURL(/\/workbench\/staff$/)
  await page.getByTestId('staff-create').click()
  const staffDialog = page.getByRole('dialog')
  await staffDialog.getByLabel('用户名').fill('e2e.officer')
  await staffDialog.getByLabel('姓名').fill('测试专员')
  // the region defaults to the administrator's own; the department list is that region's
  await staffDialog.getByLabel('所属部门').click()
  await staffDialog.getByLabel('所属部门').fill(orgName)
  await page.keyboard.press('Enter')
  await staffDialog.getByLabel('初始密码').fill('Xk7#mPq2!vLw')
  await staffDialog.getByRole('button', { name: /保\s*存/ }).click()
  await staffDialog.waitFor({ state: 'hidden' })
  const filter = page.getByTestId('staff-filter')
  await filter.getByLabel('关键词').fill('e2e.officer')
  await filter.getByRole('button', { name: /查\s*询/ }).click()
  const row = page.getByTestId('staff-table').getByRole('row', { name: /e2e\.officer/ })
  await row.waitFor()
  expect(await row.innerText()).toContain(orgName)

  // Sign out, and the workbench is closed again.
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await page.waitForURL(/\/login$/)
  await page.getByTestId('login-notice').waitFor()
  await page.goto(`${base}/workbench/staff`)
  await page.waitForURL(/\/login$/)
  await page.getByTestId('login-submit').waitFor()
  expect((await page.request.get(`${base}/api/staff`)).status()).toBe(401)

  expect(journey.problems).toEqual([])
})
