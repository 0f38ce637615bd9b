import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // When the appeal last changed in any way (a return, an extension, an escalation as much as a
  // reply): what Open311's updated_datetime promises and what a client polling for news sorts by.
  await sql`alter table hotline.appeal add column updated_at timestamptz`.execute(db)
  await sql`update hotline.appeal set updated_at = greatest(submitted_at, dispatched_at, answered_at, called_back_at, closed_at)`.execute(db)
  await sql`alter table hotline.appeal alter column updated_at set not null`.execute(db)
}
