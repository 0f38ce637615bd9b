import { PGlite } from '@electric-sql/pglite'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { testEngine } from './db'

const run = promisify(execFile)
const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-cli-'))
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  YIWANG_PII_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  YIWANG_PII_INDEX_KEY: '1f'.repeat(32),
}

async function yiwang(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { env: { ...env, ...extraEnv } })
    return { code: 0, out: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout + failed.stderr }
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

// The CLI is the same on both engines; it runs once, on a fresh embedded database of its own.
describe.skipIf(testEngine() === 'postgres')('the yiwang command', () => {
  it('migrates an empty installation and loads the regions', { timeout: 120_000 }, async () => {
    const result = await yiwang(['migrate'])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/regions: 26796/)
  })

  it('refuses to start outside demo mode without the encryption keys', async () => {
    const result = await yiwang(['migrate'], { YIWANG_PII_KEY: '' })
    expect(result.code).toBe(1)
    expect(result.out).toContain('YIWANG_PII_KEY')
  })

  it('creates the first administrator, with the password policy enforced', { timeout: 60_000 }, async () => {
    const weak = await yiwang(['user', 'create-admin', '--username', 'root.admin', '--name', '管理员'], { YIWANG_ADMIN_PASSWORD: '12345678' })
    expect(weak.code).toBe(1)
    expect(weak.out).toContain('密码不符合要求')
    const created = await yiwang(['user', 'create-admin', '--username', 'root.admin', '--name', '管理员'], { YIWANG_ADMIN_PASSWORD: 'First-admin-2026' })
    expect(created.out).toContain('created root.admin (system_admin) in 江苏省 江苏省政务服务管理办公室')
    expect(created.code).toBe(0)
  })

  it('verifies the audit chain, and reports the first broken link after tampering', { timeout: 60_000 }, async () => {
    const intact = await yiwang(['audit', 'verify'])
    expect(intact.code).toBe(0)
    expect(intact.out).toMatch(/audit chain intact: \d+ entries/)

    const pglite = await PGlite.create(join(dataDir, 'pglite'))
    await pglite.exec(`
      alter table platform.audit_log disable trigger audit_log_append_only;
      update platform.audit_log set actor_name = 'someone else' where seq = (select min(seq) from platform.audit_log);
    `)
    const first = await pglite.query<{ seq: number }>('select min(seq)::int as seq from platform.audit_log')
    await pglite.close()

    const broken = await yiwang(['audit', 'verify'])
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`BROKEN at seq ${first.rows[0]!.seq}`)
  })
})
