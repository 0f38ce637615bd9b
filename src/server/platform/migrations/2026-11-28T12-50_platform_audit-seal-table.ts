import { sql, type Kysely } from 'kysely'

/**
 * The chain's links move out of the audit records into a table of their own. Sealing used to
 * update every record after it committed, which wrote the whole record and its seven index
 * entries a second time (the hotline appends two records an appeal, 2.6 million a year). Now a
 * record is written once and never touched: a statement trigger notes each new record in
 * `audit_pending`, and the sealer moves it from there to `audit_seal` (its link number, the
 * previous hash and its own), both narrow tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table platform.audit_pending (seq bigint primary key)`.execute(db)
  await sql`
    create table platform.audit_seal (
      link bigint primary key,
      seq bigint not null unique,
      prev_hash text not null,
      hash text not null
    )`.execute(db)
  await sql`insert into platform.audit_seal (link, seq, prev_hash, hash) select link, seq, prev_hash, hash from platform.audit_log where link is not null`.execute(db)
  await sql`insert into platform.audit_pending (seq) select seq from platform.audit_log where link is null`.execute(db)
  await sql`alter table platform.audit_log drop constraint audit_sealed_whole`.execute(db)
  await sql`alter table platform.audit_log drop column prev_hash, drop column hash, drop column link`.execute(db)
  // Append-only again, without exception; the seals likewise.
  await sql`
    create or replace function platform.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '%.% is append-only', tg_table_schema, tg_table_name;
    end $$`.execute(db)
  await sql`
    create trigger audit_seal_append_only before update or delete on platform.audit_seal
    for each row execute function platform.audit_log_append_only()`.execute(db)
  // One insert into the pending list per statement, whatever the number of records it appends.
  await sql`
    create function platform.audit_log_note_pending() returns trigger language plpgsql as $$
    begin
      insert into platform.audit_pending (seq) select seq from added;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger audit_log_note_pending after insert on platform.audit_log
    referencing new table as added for each statement execute function platform.audit_log_note_pending()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_note_pending on platform.audit_log`.execute(db)
  await sql`drop function platform.audit_log_note_pending()`.execute(db)
  await sql`alter table platform.audit_log add column prev_hash text, add column hash text, add column link bigint`.execute(db)
  await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(db)
  await sql`update platform.audit_log a set prev_hash = s.prev_hash, hash = s.hash, link = s.link from platform.audit_seal s where s.seq = a.seq`.execute(db)
  await sql`alter table platform.audit_log enable trigger audit_log_append_only`.execute(db)
  await sql`alter table platform.audit_log add constraint audit_sealed_whole check ((link is null) = (hash is null) and (hash is null) = (prev_hash is null))`.execute(db)
  await sql`create unique index audit_link_idx on platform.audit_log (link) where link is not null`.execute(db)
  await sql`create index audit_unsealed_idx on platform.audit_log (seq) where hash is null`.execute(db)
  await sql`drop table platform.audit_seal`.execute(db)
  await sql`drop table platform.audit_pending`.execute(db)
  await sql`
    create or replace function platform.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
        and (new.seq, new.at, new.actor_kind, new.actor_id, new.actor_name, new.action, new.target_type, new.target_id, new.region_code, new.result, new.ip, new.detail)
          is not distinct from (old.seq, old.at, old.actor_kind, old.actor_id, old.actor_name, old.action, old.target_type, old.target_id, old.region_code, old.result, old.ip, old.detail)
      then
        return new;
      end if;
      raise exception 'platform.audit_log is append-only';
    end $$`.execute(db)
}
