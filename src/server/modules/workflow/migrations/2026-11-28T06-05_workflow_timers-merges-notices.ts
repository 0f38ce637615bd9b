import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // A case's own time limit (hotline kinds differ by appeal type), the timers fired on the current
  // deadline, the case a duplicate was merged into, and the day its next timer falls due: the
  // timers read only cases whose day has come, through a partial index.
  await sql`
    alter table workflow.case
      add column limit_days integer not null default 0 check (limit_days between 0 and 365),
      add column alarm integer not null default 0 check (alarm between 0 and 3),
      add column merged_into uuid references workflow.case (id),
      add column timer_on date`.execute(db)
  await sql`alter table workflow.case alter column limit_days drop default`.execute(db)
  await sql`create index case_timer_idx on workflow.case (timer_on) where timer_on is not null`.execute(db)
  await sql`create index case_merged_idx on workflow.case (merged_into) where merged_into is not null`.execute(db)
  await sql`
    alter table workflow.event
      add column limit_days integer not null default 0,
      add column alarm integer not null default 0,
      add column merged_into uuid`.execute(db)
  await sql`alter table workflow.event alter column limit_days drop default, alter column alarm drop default`.execute(db)

  // Notices (提醒、超期、督办、派单): addressed to a department, or, while a case has none, to the
  // staff of its region holding the audience permission (the dispatchers).
  await sql`
    create table workflow.notice (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references workflow.case (id),
      seq integer not null,
      kind text not null,
      region_code text not null,
      org_id uuid,
      permission text,
      escalation integer not null default 0,
      created_at timestamptz not null,
      read_at timestamptz,
      read_by text,
      check (org_id is not null or permission is not null)
    )`.execute(db)
  await sql`create index notice_org_idx on workflow.notice (org_id, created_at desc) where org_id is not null`.execute(db)
  await sql`create index notice_region_idx on workflow.notice (region_code, created_at desc) where org_id is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table workflow.notice`.execute(db)
  await sql`alter table workflow.event drop column limit_days, drop column alarm, drop column merged_into`.execute(db)
  await sql`alter table workflow.case drop column limit_days, drop column alarm, drop column merged_into, drop column timer_on`.execute(db)
}
