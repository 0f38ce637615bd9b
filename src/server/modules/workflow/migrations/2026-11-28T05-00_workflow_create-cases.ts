import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists workflow`.execute(db)
  // A definition version never changes once stored: a case names the exact version it runs on.
  await sql`
    create table workflow.definition (
      key text not null,
      version integer not null check (version > 0),
      body jsonb not null,
      created_at timestamptz not null,
      primary key (key, version)
    )`.execute(db)

  await sql`
    create table workflow.case (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      definition_version integer not null,
      state text not null,
      version integer not null check (version > 0),
      region_code text not null,
      org_id uuid,
      deadline date,
      paused_on date,
      escalation integer not null default 0 check (escalation >= 0),
      opened_at timestamptz not null,
      updated_at timestamptz not null,
      foreign key (kind, definition_version) references workflow.definition (key, version)
    )`.execute(db)
  await sql`create index case_region_state_idx on workflow.case (region_code, state)`.execute(db)
  await sql`create index case_org_state_idx on workflow.case (org_id, state)`.execute(db)
  await sql`create index case_deadline_idx on workflow.case (deadline) where paused_on is null`.execute(db)

  // The append-only history: `seq` is the case's version after the event, so replaying the
  // events in order gives the case, and two writers cannot both append the same step.
  await sql`
    create table workflow.event (
      case_id uuid not null references workflow.case (id),
      seq integer not null check (seq > 0),
      transition text not null,
      from_state text not null,
      to_state text not null,
      on_day date not null,
      fields jsonb not null,
      region_code text not null,
      org_id uuid,
      deadline date,
      paused_on date,
      escalation integer not null,
      actor text not null,
      at timestamptz not null,
      primary key (case_id, seq)
    )`.execute(db)
  await sql`
    create function workflow.refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'a case''s history is append-only' using errcode = 'check_violation';
    end $$`.execute(db)
  await sql`create trigger event_append_only before update or delete on workflow.event for each row execute function workflow.refuse_change()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema workflow cascade`.execute(db)
}
