import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists hotline`.execute(db)

  // The categories appeals are classified and dispatched by, and the lines they belong to
  // (12345, 一企来 enterprise, 尚贤 talent).
  await sql`
    create table hotline.category (
      key text primary key check (key ~ '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$'),
      name_zh text not null,
      name_en text not null,
      group_zh text not null,
      group_en text not null,
      lines text[] not null,
      keywords text[] not null default '{}',
      sort integer not null default 0,
      active boolean not null default true
    )`.execute(db)

  // Time limits per appeal type, in working days (咨询 3, 投诉 13 …): configuration, not code.
  await sql`
    create table hotline.type_limit (
      type text primary key check (type in ('inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise')),
      limit_days integer not null check (limit_days between 1 and 60)
    )`.execute(db)
  await sql`
    insert into hotline.type_limit (type, limit_days) values
      ('inquiry', 3), ('help', 5), ('complaint', 13), ('report', 13), ('suggestion', 10), ('praise', 3)`.execute(db)

  // The dispatch catalogue (派单目录): which department answers a category in a region. A county
  // without its own entry falls back to its city's, then to the province's.
  await sql`
    create table hotline.dispatch_entry (
      category_key text not null references hotline.category (key),
      region_code text not null,
      org_id uuid not null,
      primary key (category_key, region_code)
    )`.execute(db)

  // Routing rules, tried in order before the catalogue: a rule matches when every condition it
  // names holds (category, region prefix, line, any of its keywords).
  await sql`
    create table hotline.routing_rule (
      id uuid primary key default gen_random_uuid(),
      position integer not null,
      name text not null,
      category_key text references hotline.category (key),
      region_prefix text,
      line text,
      keywords text[] not null default '{}',
      target_region_code text not null,
      target_org_id uuid not null,
      active boolean not null default true,
      created_at timestamptz not null
    )`.execute(db)
  await sql`create index routing_rule_position_idx on hotline.routing_rule (position) where active`.execute(db)

  // An appeal: what was asked, by whom (encrypted), and a copy of its case's place in the workflow
  // (kept in step by the workflow's case events) so that queues and metrics read one table.
  await sql`create sequence hotline.appeal_number_seq`.execute(db)
  await sql`
    create table hotline.appeal (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      case_id uuid not null unique,
      query_code_hash text not null,
      line text not null check (line in ('12345', 'enterprise', 'talent')),
      channel text not null check (channel in ('phone', 'web', 'wechat', 'app', 'national', 'open311')),
      type text not null references hotline.type_limit (type),
      category_key text references hotline.category (key),
      region_code text not null,
      title text not null,
      content text not null,
      location text,
      latitude double precision,
      longitude double precision,
      appellant_name_cipher text,
      appellant_phone_cipher text,
      appellant_phone_index text,
      confidential boolean not null default false,
      public_account_id uuid,
      external_ref text,
      emergency text check (emergency in ('110', '119', '120')),
      emergency_ref text,
      resolved_on_call boolean not null default false,
      knowledge_entry_id uuid,
      classification jsonb,
      state text not null,
      case_version integer not null,
      org_id uuid,
      handling_region_code text not null,
      deadline date,
      alarm integer not null default 0,
      escalation integer not null default 0,
      merged_into uuid,
      answer text,
      satisfaction text check (satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')),
      submitted_at timestamptz not null,
      dispatched_at timestamptz,
      dispatch_due_at timestamptz not null,
      answered_at timestamptz,
      answered_late boolean,
      called_back_at timestamptz,
      closed_at timestamptz,
      search tsvector not null default ''::tsvector
    )`.execute(db)
  await sql`create unique index appeal_external_ref_idx on hotline.appeal (channel, external_ref) where external_ref is not null`.execute(db)
  await sql`create index appeal_queue_idx on hotline.appeal (handling_region_code, state, submitted_at)`.execute(db)
  await sql`create index appeal_org_idx on hotline.appeal (org_id, state, deadline) where org_id is not null`.execute(db)
  await sql`create index appeal_submitted_idx on hotline.appeal (submitted_at, region_code, category_key)`.execute(db)
  await sql`create index appeal_phone_idx on hotline.appeal (appellant_phone_index) where appellant_phone_index is not null`.execute(db)
  await sql`create index appeal_search_idx on hotline.appeal using gin (search)`.execute(db)

  // The classifier trained on handled appeals; the newest one suggests.
  await sql`
    create table hotline.model (
      id uuid primary key default gen_random_uuid(),
      trained_at timestamptz not null,
      examples integer not null,
      held_out_accuracy double precision,
      body jsonb not null
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table hotline.model, hotline.appeal, hotline.routing_rule, hotline.dispatch_entry, hotline.type_limit, hotline.category`.execute(db)
  await sql`drop sequence hotline.appeal_number_seq`.execute(db)
}
