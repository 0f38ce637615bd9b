import { Command } from 'commander'
import { seedDemo } from '../server/demo/seed-demo'
import { openMigrated, platformDeps, serve } from '../server/main'
import { verifyAuditChain } from '../server/platform/audit/audit'
import { loadConfig } from '../server/platform/config'
import { AppError } from '../server/platform/errors'
import { ensureOrgForAdmin } from '../server/platform/orgs/orgs.service'
import { createAdminAccount } from '../server/platform/users/staff.service'

const program = new Command('yiwang').description('一网 Yiwang: the government-service platform')

function configFor(options: { demo?: boolean }) {
  return loadConfig(process.env, { demo: options.demo || process.env.YIWANG_DEMO === '1' })
}

program
  .command('serve')
  .description('migrate, then serve the API and the web app (PORT, DATABASE_URL, DATA_DIR)')
  .option('--demo', 'seed demo data into an empty installation and print the demo accounts')
  .action(async (options: { demo?: boolean }) => {
    await serve(configFor(options))
  })

program
  .command('migrate')
  .description('bring the database to the latest migration and load the regions')
  .action(async () => {
    const handle = await openMigrated(configFor({}), console.log)
    await handle.close()
  })

program
  .command('seed')
  .description('load reference data; with --demo also demo departments, staff and accounts')
  .option('--demo', 'demo data')
  .action(async (options: { demo?: boolean }) => {
    const config = configFor(options)
    const handle = await openMigrated(config, console.log)
    if (options.demo) console.log(await seedDemo(platformDeps(config, handle)))
    await handle.close()
  })

const user = program.command('user').description('staff accounts')
user
  .command('create-admin')
  .description('create an administrator (the first account of an installation); the password is read from YIWANG_ADMIN_PASSWORD so it never enters the shell history')
  .requiredOption('--username <name>')
  .requiredOption('--name <display name>')
  .option('--role <role>', 'system_admin, security_admin or auditor', 'system_admin')
  .option('--region <code>', 'region code of the account (default: the home province)')
  .option('--org <department>', "department id or name in that region; created if missing (default: the region's 政务服务管理办公室)")
  .option('--phone <mobile>')
  .action(async (options: { username: string; name: string; role: string; region?: string; org?: string; phone?: string }) => {
    const password = process.env.YIWANG_ADMIN_PASSWORD
    if (!password) throw new Error("set YIWANG_ADMIN_PASSWORD to the new account's password")
    const config = configFor({})
    const handle = await openMigrated(config)
    try {
      const deps = platformDeps(config, handle)
      const ctx = { actor: { kind: 'system' as const, name: 'cli' }, ip: null }
      const regionCode = options.region ?? config.homeProvince
      const org = await ensureOrgForAdmin(deps, ctx, regionCode, options.org)
      const account = await createAdminAccount(deps, ctx, { username: options.username, displayName: options.name, regionCode, orgId: org.id, password, phone: options.phone, role: options.role })
      console.log(`created ${account.username} (${account.roles.join(', ')}) in ${account.regionName} ${account.orgName}`)
    } finally {
      await handle.close()
    }
  })

const audit = program.command('audit').description('the audit log')
audit
  .command('verify')
  .description('walk the SM3 hash chain and report the first broken link; exits 1 if broken')
  .action(async () => {
    const handle = await openMigrated(configFor({}))
    const report = await verifyAuditChain(handle.db)
    await handle.close()
    if (report.ok) console.log(`audit chain intact: ${report.checked} entries`)
    else console.log(`audit chain BROKEN at seq ${report.brokenAt} (${report.reason}); ${report.checked} entries before it are intact`)
    process.exitCode = report.ok ? 0 : 1
  })

program.parseAsync().catch((error: unknown) => {
  const message = error instanceof AppError ? `${error.text.zh} / ${error.text.en} (${error.id})` : error instanceof Error ? error.message : String(error)
  console.error(`yiwang: ${message}`)
  process.exit(1)
})
