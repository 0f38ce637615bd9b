import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // The clients of the Open311 GeoReport v2 adapter. A key is shown once and stored as its SM3
  // digest, so a copy of the table opens nothing; a revoked key stays for the record.
  await sql`
    create table hotline.open311_client (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(btrim(name)) between 1 and 100),
      key_hash text not null unique,
      region_code text not null check (region_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
      region_scopes text[] not null check (cardinality(region_scopes) between 1 and 50),
      created_at timestamptz not null,
      created_by text not null,
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by text,
      check ((revoked_at is null) = (revoked_by is null))
    )`.execute(db)
  // Two live clients of one name could not be told apart in the appeals' history.
  await sql`create unique index open311_client_live_name_idx on hotline.open311_client (lower(name)) where revoked_at is null`.execute(db)
  await sql`create index open311_client_region_idx on hotline.open311_client (region_code)`.execute(db)

  // The appeals filed through Open311: by which client, and the media link the appeal table has no
  // column for. Carries the appeal's region like every big table, to be distributed by it.
  await sql`
    create table hotline.open311_request (
      appeal_id uuid primary key references hotline.appeal (id),
      client_id uuid not null references hotline.open311_client (id),
      region_code text not null,
      media_url text check (media_url is null or length(media_url) <= 500),
      filed_at timestamptz not null
    )`.execute(db)
  await sql`create index open311_request_client_idx on hotline.open311_request (client_id, filed_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists hotline.open311_request`.execute(db)
  await sql`drop table if exists hotline.open311_client`.execute(db)
}
