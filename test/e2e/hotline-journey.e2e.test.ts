import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo'
import { chooseInTree, startJourney, type Journey } from './journey'

/**
 * The journey through the 12345 hotline in a real Chromium: a citizen files a food-safety
 * complaint on the portal and gets a number and a query code; the district's market regulator
 * returns it, the city's dispatcher sends it back, the regulator asks for three more days, the
 * dispatcher agrees, the regulator replies, the agent records the callback, and the citizen sees
 * the appeal closed with its answer.
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
  await journey.context.clearCookies()
  await page.goto(`${base}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/\/workbench$/)
}

/** Opens a workbench list and, from it, the appeal: the way staff reach it, not by its address. */
async function openFromList(list: 'inbox' | 'dispatch' | 'appeals', number: string): Promise<void> {
  await page.goto(`${base}/workbench/hotline/${list}`)
  await page.getByTestId('filter-number').fill(number)
  await page.getByTestId('filter-submit').click()
  await page.getByTestId(`appeal-link-${number}`).click()
  await page.waitForURL(/\/workbench\/hotline\/appeals\/[0-9a-f-]{36}$/)
  await expect.poll(() => page.getByTestId('appeal-number').innerText()).toBe(number)
}

/** Fires one action from the detail page's panel, the form filled by `fill`, and waits for the form to close. */
async function act(key: string, fill: (form: Locator) => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`action-${key}`).click()
  const form = page.locator('.ant-modal:visible')
  await form.waitFor()
  await fill(form)
  await form.getByTestId('action-submit').click()
  await form.waitFor({ state: 'detached' })
}

const stateOf = () => page.getByTestId('appeal-detail').getByTestId('appeal-state').first().innerText()

test('a citizen files a food-safety complaint; it is returned, re-dispatched, extended, answered and called back, and the citizen follows it to the end', { timeout: 300_000 }, async () => {
  const answer = '经现场检查，该店已下架过期凉菜，责令整改并立案调查。'

  // 1. The citizen files the complaint on the portal. The test database has no classifier model,
  //    so the citizen names the category (食品安全): the dispatch catalogue then sends it to
  //    玄武区市场监督管理局 at once.
  await journey.context.clearCookies()
  await page.goto(`${base}/`)
  await page.getByTestId('entry-hotline').click()
  await page.waitForURL(/\/hotline$/)
  const form = page.getByTestId('appeal-form')
  await form.getByText('投诉', { exact: true }).click()
  await page.getByTestId('appeal-region').click()
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^南京市$/ }).click()
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^玄武区$/ }).click()
  await expect.poll(() => page.getByTestId('appeal-region').innerText()).toContain('玄武区')
  await page.getByTestId('appeal-category').click()
  await page.keyboard.type('食品安全')
  await page.locator('.ant-select-dropdown:visible').getByText('食品安全', { exact: true }).click()
  await page.getByTestId('appeal-content').fill('玄武区珠江路一家面馆出售过期变质的凉菜，后厨卫生条件很差，请相关部门检查处理。')
  await page.getByTestId('appeal-location').fill('珠江路88号')
  await page.getByTestId('appeal-name').fill('张三')
  await page.getByTestId('appeal-phone').fill('13812345678')
  await page.getByTestId('appeal-submit').click()
  // The server's first appeal warms up the working calendar and the dispatch catalogue: slow on a busy machine.
  await page.getByTestId('appeal-receipt').waitFor({ timeout: 60_000 })
  const number = (await page.getByTestId('receipt-number').innerText()).trim()
  const code = (await page.getByTestId('receipt-code').innerText()).trim()
  expect(number).toMatch(/^\d{13}$/)
  expect(code).toMatch(/^\d{6}$/)
  expect(await page.getByTestId('receipt-state').innerText()).toBe('办理中')
  expect(await page.getByTestId('emergency-alert').count()).toBe(0)

  // 2. The district's market regulator finds it in its inbox, within its deadline, and returns it.
  await signIn('xuanwu.handler')
  await page.goto(`${base}/workbench/hotline/inbox`)
  const row = page.getByTestId('appeal-table').locator('tr').filter({ has: page.getByTestId(`appeal-link-${number}`) })
  await row.waitFor()
  expect(await row.getByTestId('deadline-ok').count()).toBe(1)
  await openFromList('inbox', number)
  expect(await page.getByTestId('appeal-org').innerText()).toBe('玄武区市场监督管理局')
  expect(await page.getByTestId('appellant').innerText()).toContain('张*')
  await act('return', (modal) => modal.getByTestId('action-reason').fill('店名和具体门牌不详，请核实后再派'))
  // Returned, the appeal leaves the department: the page says so instead of failing.
  await page.getByTestId('appeal-gone').waitFor()

  // 3. The city's dispatcher finds it back in the queue and sends it to the same department.
  await signIn('dispatcher')
  await page.goto(`${base}/workbench/hotline/dispatch`)
  const queued = page.getByTestId('appeal-table').locator('tr').filter({ has: page.getByTestId(`appeal-link-${number}`) })
  await expect.poll(() => queued.innerText()).toContain('待派单')
  await openFromList('dispatch', number)
  expect(await page.getByTestId('appeal-timeline').innerText()).toContain('店名和具体门牌不详')
  await act('dispatch', (modal) => chooseInTree(page, modal.getByTestId('action-org'), '玄武区市场监督管理局'))
  await expect.poll(stateOf).toBe('办理中')
  expect(await page.getByTestId('appeal-org').innerText()).toBe('玄武区市场监督管理局')

  // 4. The regulator asks for three more working days.
  await signIn('xuanwu.handler')
  await openFromList('inbox', number)
  const before = await page.getByTestId('appeal-detail').locator('[data-testid^="deadline-"]').innerText()
  await act('request_extension', async (modal) => {
    await modal.getByTestId('action-days').fill('3')
    await modal.getByTestId('action-reason').fill('需会同街道联合检查，申请延期')
  })
  await expect.poll(stateOf).toBe('延期审核中')

  // 5. The dispatcher approves the three days asked for; the deadline moves.
  await signIn('dispatcher')
  await openFromList('dispatch', number)
  await act('approve_extension', async (modal) => {
    expect(await modal.getByTestId('action-days').inputValue()).toBe('3')
    await modal.getByTestId('action-reason').fill('同意延期')
  })
  await expect.poll(stateOf).toBe('办理中')
  const after = await page.getByTestId('appeal-detail').locator('[data-testid^="deadline-"]').innerText()
  expect(after.slice(0, 10) > before.slice(0, 10)).toBe(true)

  // 6. The regulator replies.
  await signIn('xuanwu.handler')
  await openFromList('inbox', number)
  await act('reply', (modal) => modal.getByTestId('action-answer').fill(answer))
  await expect.poll(stateOf).toBe('待回访')

  // 7. The agent calls the citizen back: satisfied.
  await signIn('agent')
  await openFromList('appeals', number)
  await act('callback', (modal) => modal.getByText('满意', { exact: true }).click())
  await expect.poll(stateOf).toBe('已办结')

  // 8. The citizen follows the appeal with its number and code: closed, with the answer.
  await journey.context.clearCookies()
  await page.goto(`${base}/hotline/follow`)
  await page.getByTestId('follow-number').fill(number)
  await page.getByTestId('follow-code').fill(code)
  await page.getByTestId('follow-submit').click()
  await page.getByTestId('follow-progress').waitFor()
  expect(await page.getByTestId('follow-state').innerText()).toBe('已办结')
  expect(await page.getByTestId('follow-answer').innerText()).toContain(answer)
  expect(await page.getByTestId('follow-progress').innerText()).toContain('玄武区市场监督管理局')

  // 9. The supervisor's dashboard counts it: the only appeal of this fresh database, dispatched on
  //    time, answered on time, called back and satisfied.
  await signIn('supervisor')
  await page.goto(`${base}/workbench/hotline/dashboard`)
  const kpi = (key: string) => page.getByTestId(`kpi-${key}`)
  await expect.poll(() => kpi('appeals').locator('.ant-statistic-content').innerText(), { timeout: 30_000 }).toBe('1')
  expect(await kpi('satisfaction').locator('.ant-statistic-content').innerText()).toBe('100.0%')
  expect(await kpi('satisfaction').locator('.hotline-kpi-sub').innerText()).toBe('1 / 1')
  expect(await kpi('onTimeCompletion').locator('.hotline-kpi-sub').innerText()).toBe('1 / 1')
  expect(await kpi('callback').locator('.hotline-kpi-sub').innerText()).toBe('1 / 1')

  expect(journey.problems).toEqual([])
})

test('an agent answers an inquiry on the call, and hands a fire to 119', { timeout: 180_000 }, async () => {
  await signIn('agent')
  await page.goto(`${base}/workbench/hotline/intake`)
  const intake = page.getByTestId('intake-form')
  const chooseType = async (name: string) => {
    await page.getByTestId('intake-type').click()
    await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: true }).click()
  }

  // An inquiry the agent answers at once closes on the call (即时办结).
  await chooseType('咨询')
  await page.getByTestId('intake-content').fill('请问在玄武区办理居住证需要带哪些材料？')
  await page.getByTestId('knowledge-suggestions').waitFor()
  await intake.getByText('即时办结', { exact: true }).click()
  await page.getByTestId('intake-answer').fill('携带身份证、居住地址证明到社区警务室申领，材料齐全当场受理。')
  await page.getByTestId('intake-submit').click()
  await page.getByTestId('intake-result').waitFor()
  expect(await page.getByTestId('intake-outcome-text').innerText()).toBe('已即时办结')
  expect(await page.getByTestId('intake-result').getByTestId('appeal-state').innerText()).toBe('已办结')

  // A caller reporting a fire: the form warns while the agent types, and the appeal goes to 119.
  await page.getByTestId('intake-next').click()
  await chooseType('求助')
  await page.getByTestId('intake-content').fill('楼下邻居家着火了，楼道里都是烟，请赶快派人来')
  await page.getByTestId('emergency-alert').waitFor()
  await page.getByTestId('intake-emergency').click()
  await page.getByTestId('intake-reference').fill('119-20261128-0001')
  await page.getByTestId('intake-submit').click()
  await page.getByTestId('intake-result').waitFor()
  expect(await page.getByTestId('intake-outcome-text').innerText()).toBe('已转紧急服务')

  expect(journey.problems).toEqual([])
})
