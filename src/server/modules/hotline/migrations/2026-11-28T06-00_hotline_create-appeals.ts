import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists hotline`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema if exists hotline cascade`.execute(db)
}
