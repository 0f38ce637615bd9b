import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { responses, Uuid } from '../../platform/http/schemas'
import { ItemKindSchema } from './catalog.schemas'
import { exportCatalog, importCatalog, lawChangeImpact, type FileAnswer } from './transfer.service'
import { XLSX_TYPE } from './transfer.xlsx'

const CatalogRegion = Type.String({ pattern: '^(00|[0-9]{2}([0-9]{2}([0-9]{2})?)?)$', description: '00 for the national base list, else a province, city or county code' })
/** An Excel file of 5,000 items with their lists stays well under this. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024
const tags = ['catalog']

const ImportProblemSchema = Type.Object({
  sheet: Type.Union([Type.String(), Type.Null()]),
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  field: Type.Union([Type.String(), Type.Null()]),
  id: Type.String(),
  zh: Type.String(),
  en: Type.String(),
})
const ImportResultSchema = Type.Object({ created: Type.Integer(), updated: Type.Integer(), published: Type.Integer(), dryRun: Type.Boolean(), problems: Type.Array(ImportProblemSchema) })

/** The file name twice: plain ASCII for old clients, and RFC 5987 for the rest. */
function sendFile(reply: FastifyReply, file: FileAnswer) {
  const disposition = `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`
  return reply.header('content-type', file.contentType).header('content-disposition', disposition).send(file.body)
}

/** Import and export of item lists (JSON, Excel) and the impact report of a law change. */
export const transferRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  // Encapsulated in this plugin: only the import accepts raw workbook bytes.
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body))

  app.get(
    '/api/catalog/export',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '导出事项清单 Export a region’s published entries (JSON, or an Excel workbook that imports back)',
        querystring: Type.Object({ region: CatalogRegion, kind: Type.Optional(ItemKindSchema), format: Type.Union([Type.Literal('json'), Type.Literal('xlsx')], { default: 'json' }) }),
        response: responses({}),
      },
    },
    async (request, reply) => sendFile(reply, await exportCatalog(deps, contextOf(request), request.query)),
  )

  app.post(
    '/api/catalog/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'catalog.edit' },
      schema: {
        tags,
        summary: '导入事项到国家基本目录 Import items into the national base list, all or nothing (JSON array, or the Excel layout of the export)',
        description: `Body: a JSON array (application/json) or an .xlsx workbook (${XLSX_TYPE}). A file with any problem imports nothing: 422 import_invalid with details.problems.`,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])),
          dryRun: Type.Boolean({ default: false }),
          publish: Type.Boolean({ default: false }),
        }),
        response: responses({ 200: ImportResultSchema }),
      },
    },
    async (request) => {
      const format = request.query.format ?? (Buffer.isBuffer(request.body) ? 'xlsx' : 'json')
      return importCatalog(deps, contextOf(request), request.body, { format, dryRun: request.query.dryRun, publish: request.query.publish })
    },
  )

  app.get(
    '/api/catalog/law-changes/:changeId/impact',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '法规变更影响清单 The review tasks of a law change in the actor’s region (JSON, CSV or Excel)',
        params: Type.Object({ changeId: Uuid }),
        querystring: Type.Object({ format: Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' }) }),
        response: responses({}),
      },
    },
    async (request, reply) => sendFile(reply, await lawChangeImpact(deps, contextOf(request), request.params.changeId, request.query.format)),
  )
}
