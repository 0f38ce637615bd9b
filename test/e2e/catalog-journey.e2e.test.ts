import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { claimItem, publishVersion } from '../../src/server/modules/catalog/items.service'
import { createLaw } from '../../src/server/modules/laws'
import { shanghaiDay } from '../../src/server/platform/calendar/calendar'
import type { PlatformDeps, RequestContext } from '../../src/server/platform/deps'
import { chooseInTree, startJourney, type Journey } from './journey'

/**
 * The journey through the catalogue and the laws library in a real Chromium: an editor
 * creates and publishes an item citing a law article, Pei county claims it with an override, the
 * law editor amends the article, the county's review task appears and is settled, and the public
 * service guide shows the new text of its legal basis. The province's and Xuzhou's claims in
 * between are made through the services, as the county can only claim from its city.
 */

let journey: Journey
let page: Page
let base = ''
let deps: PlatformDeps
const system: RequestContext = { actor: { kind: 'system', name: 'e2e' }, ip: null }
const oldText = '从事小餐饮经营活动，应当依法取得小餐饮经营许可。'
const newText = '从事小餐饮经营活动，应当依法取得小餐饮经营许可；许可实行告知承诺制。'

beforeAll(async () => {
  journey = await startJourney()
  ;({ page, base } = journey)
  deps = journey.deps
  await createLaw(deps, system, {
    title: '小餐饮管理示范条例',
    kind: 'local_regulation',
    issuer: '江苏省人民代表大会常务委员会',
    regionCode: '32',
    promulgatedOn: '2020-01-01',
    effectiveOn: '2020-03-01',
    articles: ['为了规范小餐饮经营，保障食品安全，制定本条例。', oldText, '本条例自2020年3月1日起施行。'],
  })
})

afterAll(() => journey?.close())

async function signIn(username: string): Promise<void> {
  await journey.context.clearCookies()
  await page.goto(`${base}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)
}

async function orgId(regionCode: string, name: string): Promise<string> {
  return (await deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
}

/** The province and Xuzhou claim the entry above them and publish, as their editors would. */
async function claimDown(nationalId: string): Promise<void> {
  let parentId = nationalId
  for (const [regionCode, org] of [
    ['32', '江苏省市场监督管理局'],
    ['3203', '徐州市市场监督管理局'],
  ] as const) {
    const claimed = await claimItem(deps, system, { parentId, regionCode, orgId: await orgId(regionCode, org) })
    await publishVersion(deps, system, claimed.draft.id)
    parentId = claimed.implementation.id
  }
}

test('an item is created, claimed by a county with an override, its law amended, the review settled, and the guide shows the new basis', { timeout: 240_000 }, async () => {
  const name = '小餐饮经营许可（旅程）'

  // 1. The province's catalogue editor creates the item, citing 第二条, and publishes it.
  await signIn('catalog')
  await page.goto(`${base}/workbench/catalog`)
  await page.getByTestId('catalog-create').click()
  const drawer = page.getByTestId('create-item-drawer')
  await drawer.getByLabel('事项名称').fill(name)
  await drawer.getByLabel('实施主体').fill('市场监督管理部门')
  await drawer.getByLabel('审批结果').fill('小餐饮经营许可证')
  await drawer.getByTestId('basis-add').click()
  await drawer.getByTestId('basis-law').click()
  await page.keyboard.type('小餐饮')
  await page.locator('.ant-select-dropdown:visible').getByText('小餐饮管理示范条例').click()
  await drawer.getByTestId('basis-article').click()
  await page.locator('.ant-select-dropdown:visible').getByText('第二条', { exact: false }).first().click()
  await drawer.getByTestId('create-item-submit').click()
  await page.waitForURL(/\/workbench\/catalog\/items\/[0-9a-f-]{36}$/)
  const nationalId = page.url().split('/').pop()!
  await page.getByTestId('entry-publish').click()
  await page.getByTestId('entry-publish-ok').click()
  await page.getByTestId('entry-publish').waitFor({ state: 'detached' })
  await claimDown(nationalId)

  // An import with a bad row is checked, its problem listed by row and field, and nothing imported.
  await page.goto(`${base}/workbench/catalog`)
  await page.getByTestId('catalog-import').click()
  const bad = [{ kind: 'licensing', elements: { name: '导入测试事项', committedDays: 'abc' } }]
  await page.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: 'items.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
  await page.getByTestId('catalog-import-check').click()
  await page.getByTestId('catalog-import-problems').waitFor()
  expect(await page.getByTestId('catalog-import-run').isDisabled()).toBe(true)
  await page.keyboard.press('Escape')

  // 2. Pei county claims Xuzhou's entry with its own committed time limit, and publishes.
  const xuzhou = await deps.db.selectFrom('catalog.implementation').select('id').where('parentId', 'is not', null).where('regionCode', '=', '3203').where('name', '=', name).executeTakeFirstOrThrow()
  await signIn('peixian.catalog')
  await page.goto(`${base}/workbench/catalog/items/${xuzhou.id}`)
  await page.getByTestId('entry-claim').click()
  const wizard = page.getByTestId('claim-wizard')
  await expect.poll(() => wizard.getByTestId('claim-region').innerText()).toContain('沛县')
  await wizard.getByTestId('claim-next').click()
  await chooseInTree(page, wizard.getByTestId('claim-org'), '沛县行政审批局')
  await wizard.getByTestId('claim-next').click()
  await wizard.getByLabel('承诺办结时限').fill('2')
  await wizard.getByTestId('changed-committedDays').waitFor()
  await wizard.getByTestId('claim-next').click()
  await wizard.getByTestId('claim-submit').click()
  await wizard.getByTestId('claim-publish').click()
  await expect.poll(() => page.getByTestId('entry-code').innerText()).toMatch(/^01[0-9]{8}32032201$/)
  const countyId = page.url().split('/').pop()!.split('?')[0]!

  // 3. The law editor amends 第二条 through the change wizard, effective today.
  await signIn('lawyer')
  const law = await deps.db.selectFrom('laws.law').select('id').where('title', '=', '小餐饮管理示范条例').executeTakeFirstOrThrow()
  await page.goto(`${base}/workbench/laws/${law.id}/change`)
  await page.getByTestId('wizard-kind-amend').click()
  await page.getByTestId('wizard-title').fill('关于修改《小餐饮管理示范条例》的决定')
  const today = shanghaiDay(new Date())
  for (const picker of ['wizard-decided', 'wizard-effective']) {
    await page.getByTestId(picker).click()
    await page.keyboard.type(today)
    await page.keyboard.press('Enter')
  }
  await page.getByTestId('wizard-next-1').click()
  await page.getByTestId('amend-edit-2').click()
  await page.getByTestId('amend-text-2').fill(newText)
  await page.getByTestId('wizard-next-2').click()
  await page.getByTestId('wizard-submit').click()
  await page.getByTestId('wizard-result').waitFor()
  await expect.poll(() => page.getByTestId('wizard-result').innerText()).toContain('沛县')

  // 4. The county's review task is in its inbox; the editor confirms the entry still holds.
  await signIn('peixian.catalog')
  await page.goto(`${base}/workbench/catalog/reviews`)
  const task = page.getByTestId('reviews-list').locator('[data-testid^="task-"]').filter({ hasText: name })
  await task.waitFor()
  expect(await task.innerText()).toContain('小餐饮管理示范条例')
  await task.locator('[data-testid^="resolve-confirm-"]').click()
  await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|确认/ }).click()
  await task.waitFor({ state: 'detached' })

  // 5. The public guide of the county's entry shows the new text of its basis, with no review warning.
  await journey.context.clearCookies()
  await page.goto(`${base}/guide/${countyId}`)
  await page.getByTestId('guide-name').waitFor()
  const basis = page.getByTestId('legal-basis')
  await expect.poll(() => basis.innerText()).toContain('许可实行告知承诺制')
  expect(await basis.innerText()).toContain('第二条')
  expect(await page.getByTestId('guide-under-review').count()).toBe(0)
  expect(await page.getByTestId('guide-committed').innerText()).toMatch(/^[\s\S]*\b2\b[\s\S]*工作日/)

  expect(journey.problems).toEqual([])
})
