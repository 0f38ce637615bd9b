import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { chooseInTree, startJourney, type Journey } from './journey'

/**
 * The catalogue editor's journey in a real Chromium: a new item of the national base list is
 * created and published, the province claims it with one element changed and publishes its
 * entry, and the entry shows that change highlighted and in the diff against the level above.
 */

let journey: Journey
let page: Page
let base = ''

beforeAll(async () => {
  journey = await startJourney()
  ;({ page, base } = journey)
})

afterAll(() => journey?.close())

test('a catalogue editor creates and publishes an item, claims it for the province with an override, and sees the override in the diff', { timeout: 180_000 }, async () => {
  const name = 'E2E 小餐饮经营许可'

  await page.goto(`${base}/login`)
  await page.getByLabel('用户名').fill('catalog')
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)

  // 事项清单 → 新增事项: a licensing item of the national base list, saved as a draft.
  await page.getByRole('link', { name: '事项清单', exact: true }).click()
  await page.waitForURL(/\/workbench\/catalog$/)
  await page.getByTestId('catalog-create').click()
  const drawer = page.getByTestId('create-item-drawer')
  await drawer.getByLabel('事项名称').fill(name)
  await drawer.getByLabel('实施主体').fill('市场监督管理部门')
  await drawer.getByLabel('审批结果').fill('小餐饮经营许可证')
  await drawer.getByTestId('material-add').click()
  await drawer.getByLabel('1. 材料名称').fill('小餐饮经营许可申请书')
  await drawer.getByTestId('create-item-submit').click()

  // The new entry opens as a draft of the national list; publish it.
  await page.waitForURL(/\/workbench\/catalog\/items\/[0-9a-f-]{36}$/)
  await page.getByRole('heading', { name }).waitFor()
  expect(await page.getByTestId('entry-header').innerText()).toContain('国家基本目录')
  await page.getByTestId('entry-publish').click()
  await page.getByTestId('entry-publish-ok').click()
  await page.getByTestId('entry-publish').waitFor({ state: 'detached' })
  expect(await page.getByTestId('entry-code').innerText()).toMatch(/^01[0-9]{8}00000001$/)

  // 认领到下级: the province (the only region below), its market regulator, one element changed.
  await page.getByTestId('entry-claim').click()
  const wizard = page.getByTestId('claim-wizard')
  await expect.poll(() => wizard.getByTestId('claim-region').innerText()).toContain('江苏省')
  await wizard.getByTestId('claim-next').click()
  await chooseInTree(page, wizard.getByTestId('claim-org'), '江苏省市场监督管理局')
  await wizard.getByTestId('claim-next').click()
  const committed = wizard.getByLabel('承诺办结时限')
  await committed.fill('5')
  await wizard.getByTestId('changed-committedDays').waitFor()
  await wizard.getByTestId('claim-next').click()

  // The confirmation lists exactly the one override against the parent's value.
  const claimDiff = wizard.getByTestId('claim-diff')
  await claimDiff.getByTestId('diff-committedDays').waitFor()
  expect(await claimDiff.locator('[data-testid^="diff-"]').count()).toBe(1)
  expect(await claimDiff.getByTestId('diff-committedDays').innerText()).toMatch(/10 个工作日[\s\S]*5 个工作日/)
  await wizard.getByTestId('claim-submit').click()
  await wizard.getByTestId('claim-publish').click()

  // The province's entry: published, the override highlighted among the elements …
  await page.waitForURL((url) => /\/workbench\/catalog\/items\/[0-9a-f-]{36}$/.test(url.pathname))
  await expect.poll(() => page.getByTestId('entry-code').innerText()).toMatch(/^01[0-9]{8}32000001$/)
  await page.getByTestId('entry-new-draft').waitFor()
  const committedElement = page.getByTestId('element-committedDays')
  expect(await committedElement.getAttribute('data-overridden')).toBe('true')
  expect(await committedElement.innerText()).toContain('5 个工作日')
  expect(await page.getByTestId('element-statutoryDays').getAttribute('data-overridden')).toBeNull()

  // … and in the diff against the level above (本级调整).
  await page.getByRole('tab', { name: '本级调整' }).click()
  const changes = page.getByTestId('region-changes')
  await changes.getByTestId('diff-committedDays').waitFor()
  expect(await changes.locator('tbody tr').count()).toBe(1)
  expect(await changes.getByTestId('diff-committedDays').innerText()).toMatch(/承诺办结时限[\s\S]*10 个工作日[\s\S]*5 个工作日/)

  // The national entry lists the province's claim below it.
  await page.getByTestId('entry-parent').click()
  await page.getByRole('tab', { name: /下级认领/ }).click()
  const child = page.getByTestId('children-table').getByRole('row', { name: /江苏省/ })
  await child.waitFor()
  expect(await child.innerText()).toContain('已发布')

  expect(journey.problems).toEqual([])
})
