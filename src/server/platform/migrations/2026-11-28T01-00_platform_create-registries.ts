import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists platform`.execute(db)
  await sql`
    create table platform.region (
      code text primary key check (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
      name text not null,
      full_name text not null,
      level smallint not null check (level between 1 and 5),
      parent_code text references platform.region (code),
      functional_zone boolean not null default false
    )`.execute(db)
  await sql`create index region_parent_idx on platform.region (parent_code, code)`.execute(db)
  await sql`create index region_name_idx on platform.region (name text_pattern_ops)`.execute(db)

  await sql`
    create table platform.org (
      id uuid primary key default gen_random_uuid(),
      region_code text not null references platform.region (code),
      parent_id uuid references platform.org (id),
      name text not null,
      kind text not null check (kind in ('government', 'office', 'department', 'service_center', 'other')),
      credit_code text,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      unique (region_code, name)
    )`.execute(db)
  await sql`create index org_region_idx on platform.org (region_code, sort)`.execute(db)
  await sql`create index org_parent_idx on platform.org (parent_id)`.execute(db)

  await sql`
    create table platform.staff_account (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text not null,
      region_code text not null references platform.region (code),
      org_id uuid not null references platform.org (id),
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      phone_cipher text,
      phone_index text,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index staff_region_idx on platform.staff_account (region_code)`.execute(db)
  await sql`create index staff_phone_idx on platform.staff_account (phone_index)`.execute(db)
  await sql`
    create table platform.staff_role (
      staff_id uuid not null references platform.staff_account (id),
      role text not null,
      primary key (staff_id, role)
    )`.execute(db)

  await sql`
    create table platform.public_account (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('person', 'enterprise')),
      name text not null,
      id_number_cipher text,
      id_number_index text unique,
      uscc text unique check (uscc is null or uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
      phone_cipher text,
      phone_index text,
      region_code text references platform.region (code),
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      check ((kind = 'person' and id_number_index is not null) or (kind = 'enterprise' and uscc is not null))
    )`.execute(db)
  await sql`create index public_phone_idx on platform.public_account (phone_index)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema platform cascade`.execute(db)
}
