import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists laws`.execute(db)
  await sql`
    create table laws.law (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      kind text not null check (kind in ('law', 'administrative_regulation', 'local_regulation', 'department_rule', 'local_government_rule', 'normative_document')),
      issuer text not null,
      doc_number text,
      -- The issuing region for local laws (GB/T 2260); null for national ones.
      region_code text,
      promulgated_on date not null,
      effective_on date not null,
      repealed_on date,
      search tsvector not null default ''::tsvector,
      created_at timestamptz not null default now(),
      unique (title, issuer)
    )`.execute(db)
  await sql`create index law_search_idx on laws.law using gin (search)`.execute(db)

  // An article keeps its id through renumbering, so a citation survives an amendment that moves it.
  await sql`
    create table laws.article (
      id uuid primary key default gen_random_uuid(),
      law_id uuid not null references laws.law (id),
      ordinal integer check (ordinal > 0),
      label text not null,
      removed_on date,
      check ((ordinal is null) = (removed_on is not null))
    )`.execute(db)
  await sql`create index article_law_idx on laws.article (law_id, ordinal)`.execute(db)

  await sql`
    create table laws.change (
      id uuid primary key default gen_random_uuid(),
      law_id uuid not null references laws.law (id),
      kind text not null check (kind in ('enact', 'amend', 'repeal', 'interpret')),
      title text not null,
      doc_number text,
      decided_on date not null,
      effective_on date not null,
      summary text not null default '',
      recorded_at timestamptz not null,
      recorded_by text not null
    )`.execute(db)
  await sql`create index change_law_idx on laws.change (law_id, effective_on)`.execute(db)

  await sql`
    create table laws.article_version (
      id uuid primary key default gen_random_uuid(),
      article_id uuid not null references laws.article (id),
      text text not null,
      effective_from date not null,
      effective_to date,
      change_id uuid references laws.change (id)
    )`.execute(db)
  await sql`create index article_version_article_idx on laws.article_version (article_id, effective_from)`.execute(db)

  await sql`
    create table laws.change_article (
      change_id uuid not null references laws.change (id),
      article_id uuid not null references laws.article (id),
      effect text not null check (effect in ('added', 'changed', 'removed', 'renumbered', 'interpreted', 'repealed')),
      -- The label before a renumbering or removal, so the change reads as it was decided.
      old_label text,
      note text not null default '',
      primary key (change_id, article_id)
    )`.execute(db)
  await sql`create index change_article_article_idx on laws.change_article (article_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema laws cascade`.execute(db)
}
