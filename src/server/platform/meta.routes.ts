import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from './deps'
import { AppError } from './errors'
import { responses } from './http/schemas'
import { findRegion } from './regions/regions.repository'
import { provinceNameEn, provinceShortName } from './regions/province-names'

const Meta = Type.Object({
  province: Type.Object({
    code: Type.String({ description: 'GB/T 2260 code of the home province, e.g. 32' }),
    name: Type.String({ description: '江苏省' }),
    shortName: Type.String({ description: '江苏' }),
    nameEn: Type.String({ description: 'Jiangsu' }),
  }),
})

/** What the web app needs before anyone signs in: the installation's home province, for its brand. */
export const metaRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/meta',
    {
      config: { public: true },
      schema: { tags: ['meta'], summary: '本平台的基本信息（所在省份）The installation: its home province', security: [], response: responses({ 200: Meta }) },
    },
    async () => {
      const region = await findRegion(deps.db, deps.homeProvince)
      if (!region) throw new AppError('not_found', 'region_not_found', { zh: '行政区划不存在', en: 'Region not found' })
      return { province: { code: region.code, name: region.name, shortName: provinceShortName(region.name), nameEn: provinceNameEn(region.code) } }
    },
  )
}
