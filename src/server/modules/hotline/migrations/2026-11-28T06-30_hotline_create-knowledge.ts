import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // The appeals' migration creates the schema too: whichever runs first makes it.
  await sql`create schema if not exists hotline`.execute(db)

  // An entry of the knowledge base (热线百科): the stable identity an agent's first-call resolution
  // (即时办结) records, owned by a province, city or county and one of its departments. Its text
  // lives in revisions; the entry points at the published one and at the one being worked on.
  await sql`
    create table hotline.knowledge_entry (
      id uuid primary key default gen_random_uuid(),
      region_code text not null check (region_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
      level text not null check (level in ('province', 'city', 'county')),
      org_id uuid not null,
      status text not null check (status in ('draft', 'submitted', 'published', 'retired')),
      working_status text check (working_status in ('draft', 'submitted')),
      published_revision_id uuid,
      working_revision_id uuid,
      shown_revision_id uuid,
      version integer not null default 1 check (version > 0),
      search tsvector not null default ''::tsvector,
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      retired_at timestamptz,
      retire_reason text,
      check ((level = 'province') = (length(region_code) = 2) and (level = 'city') = (length(region_code) = 4)),
      check ((status = 'published') = (published_revision_id is not null)),
      check ((working_status is null) = (working_revision_id is null)),
      check (status not in ('draft', 'submitted') or status = working_status)
    )`.execute(db)
  await sql`create index knowledge_entry_region_idx on hotline.knowledge_entry (region_code, status)`.execute(db)
  await sql`create index knowledge_entry_search_idx on hotline.knowledge_entry using gin (search)`.execute(db)

  // A revision: what an entry said at one time. Drafted, submitted, then published (the one before
  // it superseded) or sent back to draft with the reviewer's comment. `contributors` are the staff
  // who wrote or submitted it: none of them may approve it. The entry's region is copied here (an
  // entry never moves), so that suggestions read this table alone: measured on 40,000 entries, the
  // join to the entries for their region cost more than the search itself.
  await sql`
    create table hotline.knowledge_revision (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references hotline.knowledge_entry (id),
      region_code text not null,
      number integer not null check (number > 0),
      status text not null check (status in ('draft', 'submitted', 'published', 'superseded', 'retired', 'withdrawn')),
      title text not null check (length(btrim(title)) between 1 and 200),
      body text not null check (length(body) <= 20000),
      category_key text,
      catalog_item_id uuid,
      keywords text[] not null default '{}',
      valid_until date not null,
      search tsvector not null default ''::tsvector,
      contributors uuid[] not null default '{}',
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      updated_by text not null,
      submitted_at timestamptz,
      submitted_by text,
      reviewed_at timestamptz,
      reviewed_by text,
      review_comment text,
      published_at timestamptz,
      retired_at timestamptz,
      unique (entry_id, number)
    )`.execute(db)
  await sql`create unique index knowledge_revision_one_open on hotline.knowledge_revision (entry_id) where status in ('draft', 'submitted')`.execute(db)
  await sql`create unique index knowledge_revision_one_published on hotline.knowledge_revision (entry_id) where status = 'published'`.execute(db)
  // Suggestions read only published revisions, as an agent types: the index holds only those.
  await sql`create index knowledge_revision_published_search_idx on hotline.knowledge_revision using gin (search) where status = 'published'`.execute(db)

  await sql`alter table hotline.knowledge_entry add foreign key (published_revision_id) references hotline.knowledge_revision (id)`.execute(db)
  await sql`alter table hotline.knowledge_entry add foreign key (working_revision_id) references hotline.knowledge_revision (id)`.execute(db)
  await sql`alter table hotline.knowledge_entry add foreign key (shown_revision_id) references hotline.knowledge_revision (id)`.execute(db)

  // What agents were told must stay as it was: a revision past review keeps its text, and only
  // its status moves on (published → superseded or retired).
  await sql`
    create function hotline.keep_knowledge_revisions() returns trigger language plpgsql as $$
    begin
      if old.status not in ('draft', 'submitted') and (new.title is distinct from old.title or new.body is distinct from old.body
          or new.category_key is distinct from old.category_key or new.catalog_item_id is distinct from old.catalog_item_id
          or new.keywords is distinct from old.keywords or new.valid_until is distinct from old.valid_until) then
        raise exception 'knowledge revision % is %, its text never changes', old.id, old.status using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger knowledge_revision_kept before update on hotline.knowledge_revision for each row execute function hotline.keep_knowledge_revisions()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists hotline.knowledge_entry, hotline.knowledge_revision cascade`.execute(db)
  await sql`drop function if exists hotline.keep_knowledge_revisions()`.execute(db)
}
