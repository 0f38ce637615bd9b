import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table platform.session (
      id_hash text primary key,
      subject_kind text not null check (subject_kind in ('staff', 'public')),
      subject_id uuid not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db)
  await sql`create index session_subject_idx on platform.session (subject_kind, subject_id)`.execute(db)

  await sql`
    create table platform.api_token (
      id uuid primary key default gen_random_uuid(),
      staff_id uuid not null references platform.staff_account (id),
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db)

  // Append-only and hash-chained: each row's hash covers its content and the previous hash.
  await sql`
    create table platform.audit_log (
      seq bigint generated always as identity primary key,
      at timestamptz not null,
      actor_kind text not null,
      actor_id text,
      actor_name text,
      action text not null,
      target_type text,
      target_id text,
      region_code text,
      result text not null check (result in ('success', 'denied', 'failure')),
      ip text,
      detail jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    )`.execute(db)
  await sql`create index audit_at_idx on platform.audit_log (at desc)`.execute(db)
  await sql`create index audit_actor_idx on platform.audit_log (actor_id, seq desc)`.execute(db)
  await sql`create index audit_action_idx on platform.audit_log (action, seq desc)`.execute(db)
  await sql`create index audit_region_idx on platform.audit_log (region_code text_pattern_ops, seq desc)`.execute(db)
  // The head row records the last link, so that deleting rows at the end of the chain is also detected.
  await sql`
    create table platform.audit_head (
      id boolean primary key default true check (id),
      seq bigint not null,
      hash text not null
    )`.execute(db)
  await sql`
    create function platform.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'platform.audit_log is append-only';
    end $$`.execute(db)
  await sql`
    create trigger audit_log_append_only before update or delete on platform.audit_log
    for each row execute function platform.audit_log_append_only()`.execute(db)

  await sql`
    create table platform.idempotency_key (
      actor text not null,
      key text not null,
      method text not null,
      path text not null,
      request_hash text not null,
      state text not null check (state in ('pending', 'done')),
      status_code integer,
      response_body text,
      created_at timestamptz not null,
      primary key (actor, key)
    )`.execute(db)

  await sql`
    create table platform.calendar_override (
      day date primary key,
      workday boolean not null,
      note text not null default '',
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['calendar_override', 'idempotency_key', 'audit_head', 'audit_log', 'api_token', 'session']) {
    await sql`drop table if exists ${sql.table(`platform.${table}`)} cascade`.execute(db)
  }
  await sql`drop function if exists platform.audit_log_append_only()`.execute(db)
}
