import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists catalog`.execute(db)
  // The stable identity of an item of the base list (基本目录): what stays when versions change.
  await sql`
    create table catalog.item (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('licensing', 'benefit', 'confirmation', 'adjudication', 'reward', 'other_power', 'public_service', 'supervision', 'inspection', 'policy_service')),
      basic_code text not null unique check (basic_code ~ '^[0-9]{10}$'),
      name text not null,
      created_at timestamptz not null default now()
    )`.execute(db)

  // One region's entry for an item (实施清单): the national base entry, then one per claiming region,
  // each below the entry of the level above. The current published version's searchable fields are
  // copied here so the catalogue and its search read one table.
  await sql`
    create table catalog.implementation (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references catalog.item (id),
      region_code text not null check (region_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
      level text not null check (level in ('national', 'province', 'city', 'county')),
      parent_id uuid references catalog.implementation (id),
      org_id uuid,
      implementation_code text not null unique,
      current_version_id uuid,
      name text not null,
      kind text not null,
      themes text[] not null default '{}',
      life_events text[] not null default '{}',
      province_wide boolean not null default false,
      cross_province boolean not null default false,
      search tsvector not null default ''::tsvector,
      claimed_at timestamptz not null,
      unique (item_id, region_code),
      check ((level = 'national') = (parent_id is null))
    )`.execute(db)
  // The published version's id in the index lets the coverage reports (every entry of a hundred
  // counties) read the index alone, never the rows the search vector makes wide (~1 kB): measured
  // on 230,000 entries, 13 MB of index instead of 238 MB of table (docs/BENCHMARKS.md).
  await sql`create index implementation_coverage_idx on catalog.implementation (region_code, item_id) include (current_version_id)`.execute(db)
  await sql`create index implementation_parent_idx on catalog.implementation (parent_id)`.execute(db)
  await sql`create index implementation_org_idx on catalog.implementation (org_id)`.execute(db)
  await sql`create index implementation_search_idx on catalog.implementation using gin (search)`.execute(db)
  await sql`create index implementation_themes_idx on catalog.implementation using gin (themes)`.execute(db)
  await sql`create index implementation_life_events_idx on catalog.implementation using gin (life_events)`.execute(db)

  // A version of an implementation. The national entry stores every element; a claimed entry stores
  // only its overrides of the parent version it was derived from, and `effective` keeps parent +
  // overrides (stable, because a published parent version never changes).
  await sql`
    create table catalog.item_version (
      id uuid primary key default gen_random_uuid(),
      implementation_id uuid not null references catalog.implementation (id),
      number integer not null check (number > 0),
      status text not null check (status in ('draft', 'published', 'retired')),
      parent_version_id uuid references catalog.item_version (id),
      elements jsonb not null,
      effective jsonb not null,
      note text not null default '',
      created_at timestamptz not null,
      created_by text not null,
      published_at timestamptz,
      retired_at timestamptz,
      unique (implementation_id, number)
    )`.execute(db)
  await sql`create unique index item_version_one_draft on catalog.item_version (implementation_id) where status = 'draft'`.execute(db)
  await sql`create unique index item_version_one_published on catalog.item_version (implementation_id) where status = 'published'`.execute(db)
  await sql`create index item_version_parent_idx on catalog.item_version (parent_version_id)`.execute(db)
  // A published version never changes: cases refer to it. Only its status may move on to retired.
  await sql`
    create function catalog.keep_versions_immutable() returns trigger language plpgsql as $$
    begin
      if old.status <> 'draft' and (new.elements is distinct from old.elements or new.effective is distinct from old.effective
          or new.parent_version_id is distinct from old.parent_version_id or new.number <> old.number) then
        raise exception 'item version % is %, its content never changes', old.id, old.status using errcode = 'check_violation';
      end if;
      if old.status = 'retired' and new.status <> 'retired' then
        raise exception 'item version % is retired', old.id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger item_version_immutable before update on catalog.item_version for each row execute function catalog.keep_versions_immutable()`.execute(db)
  await sql`
    create function catalog.refuse_delete() returns trigger language plpgsql as $$
    begin
      raise exception 'catalogue versions are never deleted' using errcode = 'check_violation';
    end $$`.execute(db)
  await sql`create trigger item_version_no_delete before delete on catalog.item_version for each row execute function catalog.refuse_delete()`.execute(db)

  // The effective legal basis of every version, one row per cited article: what a law change's
  // impact is computed from. Ids of the laws module, resolved through it (no cross-schema keys).
  await sql`
    create table catalog.citation (
      version_id uuid not null references catalog.item_version (id),
      law_id uuid not null,
      article_id uuid not null,
      primary key (version_id, article_id)
    )`.execute(db)
  await sql`create index citation_article_idx on catalog.citation (article_id)`.execute(db)

  // Work for the department that owns an implementation: review after a parent's new version or a
  // law change; a retirement proposal when the whole legal basis is repealed.
  await sql`
    create table catalog.review_task (
      id uuid primary key default gen_random_uuid(),
      implementation_id uuid not null references catalog.implementation (id),
      version_id uuid not null references catalog.item_version (id),
      region_code text not null,
      org_id uuid,
      reason text not null check (reason in ('parent_changed', 'basis_changed', 'basis_repealed')),
      law_change_id uuid,
      parent_version_id uuid references catalog.item_version (id),
      detail jsonb not null default '{}',
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolution text,
      created_at timestamptz not null,
      resolved_at timestamptz,
      resolved_by text
    )`.execute(db)
  await sql`create index review_task_open_idx on catalog.review_task (region_code, status, created_at)`.execute(db)
  await sql`create index review_task_implementation_idx on catalog.review_task (implementation_id, status)`.execute(db)
  await sql`create index review_task_change_idx on catalog.review_task (law_change_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema catalog cascade`.execute(db)
}
