import { createQueryId, sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely'

/** Remembers the last query a Kysely instance ran, so a benchmark can EXPLAIN exactly that SQL. */
export class LastQuery implements KyselyPlugin {
  node: RootOperationNode | undefined
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.node = args.node
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

/**
 * Runs `run` against a spy of `db`, then prints EXPLAIN (ANALYZE, BUFFERS) of the last query it
 * made, with the parameters written in (EXPLAIN takes no bind parameters).
 */
export async function explainLast<DB>(db: Kysely<DB>, title: string, run: (spy: Kysely<DB>) => Promise<unknown>): Promise<void> {
  const capture = new LastQuery()
  await run(db.withPlugin(capture))
  if (!capture.node) return
  const compiled = db.getExecutor().compileQuery(capture.node, createQueryId())
  const text = compiled.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(compiled.parameters[Number(n) - 1]))
  const plan = await sql<Record<string, string>>`explain (analyze, buffers) ${sql.raw(text)}`.execute(db)
  console.log(`\n-- EXPLAIN ANALYZE: ${title}\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}`)
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return `'${String(value).replaceAll("'", "''")}'`
}
