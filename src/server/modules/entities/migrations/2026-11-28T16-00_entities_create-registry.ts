import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists entities`.execute(db)
  // The attributes are declared in entities/attributes.ts; a column here for each.
  await sql`
    create table entities.entity (
      id uuid primary key default gen_random_uuid(),
      uscc text not null unique check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      name text not null check (length(name) between 1 and 200),
      region_code text not null,
      -- GB/T 4754-2017: a section letter and up to four digits (C3911).
      industry text check (industry ~ '^[A-T]([0-9]{2}([0-9]{1,2})?)?$'),
      registered_on date,
      -- Fen.
      registered_capital bigint,
      tax_credit text check (tax_credit in ('A', 'B', 'M', 'C', 'D')),
      qualifications text[] not null default '{}',
      flags text[] not null default '{}',
      search tsvector not null default ''::tsvector,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index entity_region_idx on entities.entity (region_code)`.execute(db)
  await sql`create index entity_search_idx on entities.entity using gin (search)`.execute(db)
  // Values that change by fiscal year; money in fen.
  await sql`
    create table entities.entity_year (
      entity_id uuid not null references entities.entity (id) on delete cascade,
      year integer not null check (year between 1949 and 2200),
      employees integer check (employees >= 0),
      revenue bigint,
      tax bigint,
      rd_expense bigint check (rd_expense >= 0),
      primary key (entity_id, year)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema entities cascade`.execute(db)
}
