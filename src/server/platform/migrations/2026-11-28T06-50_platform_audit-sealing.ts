import { sql, type Kysely } from 'kysely'

/**
 * Audit records are sealed into the hash chain after they commit, in batches, instead of each
 * append taking the one chain lock for the rest of its transaction: with the lock, every write of
 * the platform queued behind every other (the hotline files 1.3 million appeals a year). A record
 * is appended unsealed (no link, no hashes); the sealer links committed records in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table platform.audit_log alter column prev_hash drop not null, alter column hash drop not null, add column link bigint`.execute(db)
  await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(db)
  await sql`update platform.audit_log set link = seq`.execute(db)
  await sql`alter table platform.audit_log enable trigger audit_log_append_only`.execute(db)
  await sql`create unique index audit_link_idx on platform.audit_log (link) where link is not null`.execute(db)
  await sql`create index audit_unsealed_idx on platform.audit_log (seq) where hash is null`.execute(db)
  await sql`alter table platform.audit_log add constraint audit_sealed_whole check ((link is null) = (hash is null) and (hash is null) = (prev_hash is null))`.execute(db)
  // Still append-only: the one change allowed is sealing an unsealed record, nothing else of it.
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

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function platform.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'platform.audit_log is append-only';
    end $$`.execute(db)
  await sql`alter table platform.audit_log drop constraint audit_sealed_whole`.execute(db)
  await sql`drop index platform.audit_unsealed_idx`.execute(db)
  await sql`drop index platform.audit_link_idx`.execute(db)
  await sql`alter table platform.audit_log drop column link`.execute(db)
}
