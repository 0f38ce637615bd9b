import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`select 1`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`select 1`.execute(db)
}
