import type { Db } from '../../src/server/platform/db/database'
import type { ServiceElements } from '../../src/server/modules/catalog/catalog.schemas'

/** A law with numbered articles, written straight into the laws tables (as the laws module stores it). */
export async function buildLaw(db: Db, options: { title?: string; articles?: number; effectiveOn?: string } = {}): Promise<{ lawId: string; articleIds: string[] }> {
  const effectiveOn = options.effectiveOn ?? '2020-01-01'
  const law = await db
    .insertInto('laws.law')
    .values({ title: options.title ?? `测试法${Math.random().toString(36).slice(2, 8)}`, kind: 'law', issuer: '全国人民代表大会常务委员会', docNumber: null, regionCode: null, promulgatedOn: effectiveOn, effectiveOn, repealedOn: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const articleIds: string[] = []
  for (let n = 1; n <= (options.articles ?? 3); n++) {
    const article = await db.insertInto('laws.article').values({ lawId: law.id, ordinal: n, label: `第${n}条`, removedOn: null }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('laws.articleVersion').values({ articleId: article.id, text: `第${n}条原文`, effectiveFrom: effectiveOn, effectiveTo: null, changeId: null }).execute()
    articleIds.push(article.id)
  }
  return { lawId: law.id, articleIds }
}

/** The elements of a plausible licensing item; override what a test is about. */
export function serviceElements(overrides: Partial<ServiceElements> = {}): ServiceElements {
  return {
    name: '食品经营许可',
    department: '市场监督管理部门',
    levels: ['city', 'county'],
    legalBasis: [],
    serviceObjects: ['enterprise'],
    conditions: ['具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所'],
    materials: [{ name: '食品经营许可申请书', form: 'both', original: 'original', copies: 1, required: true, source: 'applicant' }],
    statutoryDays: 20,
    committedDays: 10,
    fees: [],
    onlineDepth: 4,
    visits: 0,
    steps: [{ name: '申请', description: '通过政务服务网提交申请' }],
    result: { name: '食品经营许可证', type: 'licence' },
    channels: ['window', 'web'],
    place: '政务服务中心市场监管窗口',
    phone: '12345',
    provinceWide: true,
    crossProvince: false,
    themes: ['市场准入'],
    lifeEvents: ['开办餐馆'],
    ...overrides,
  }
}
