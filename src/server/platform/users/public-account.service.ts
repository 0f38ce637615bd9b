import { requireAccess } from '../access'
import { recordAudit } from '../audit/audit'
import { checkPasswordPolicy, hashPassword } from '../auth/password'
import { auditContext, type PlatformDeps, type RequestContext } from '../deps'
import { AppError } from '../errors'
import { validateResidentId, validateUscc } from '../identity/identity-codes'
import { maskIdNumber, maskPhone } from '../pii/pii'
import { shanghaiDay } from '../calendar/calendar'

export interface PublicAccountView {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  idNumber: string | null
  uscc: string | null
  phone: string | null
  /** True when the identity number and phone are shown in full (an audited view). */
  revealed: boolean
  createdAt: string
}

interface PublicAccountRow {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  idNumberCipher: string | null
  uscc: string | null
  phoneCipher: string | null
  createdAt: Date
}

function present(deps: PlatformDeps, row: PublicAccountRow, reveal: boolean): PublicAccountView {
  const idNumber = row.idNumberCipher ? deps.pii.decrypt(row.idNumberCipher) : null
  const phone = row.phoneCipher ? deps.pii.decrypt(row.phoneCipher) : null
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    idNumber: idNumber && (reveal ? idNumber : maskIdNumber(idNumber)),
    uscc: row.uscc,
    phone: phone && (reveal ? phone : maskPhone(phone)),
    revealed: reveal,
    createdAt: row.createdAt.toISOString(),
  }
}

const columns = ['id', 'kind', 'name', 'idNumberCipher', 'uscc', 'phoneCipher', 'createdAt'] as const

function requirePassword(deps: PlatformDeps, password: string): void {
  const violations = checkPasswordPolicy(password, deps.passwordPolicy)
  if (violations.length > 0) {
    const first = violations[0]!
    throw new AppError('invalid', 'password_policy', { zh: `密码不符合要求：${first.zh}`, en: `The password does not meet the policy: ${first.en}` }, { violations })
  }
}

export interface NewPerson {
  name: string
  idNumber: string
  phone: string
  password: string
}

/** Stores a new account: the password hashed, the phone (and a person's ID number) encrypted, the registration audited. */
async function insertPublicAccount(
  deps: PlatformDeps,
  ctx: RequestContext,
  account: { kind: 'person' | 'enterprise'; name: string; idNumber: string | null; uscc: string | null; phone: string; password: string },
  duplicate: { where: 'idNumberIndex' | 'uscc'; value: string; error: AppError },
): Promise<PublicAccountView> {
  requirePassword(deps, account.password)
  const passwordHash = await hashPassword(account.password)
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('platform.publicAccount').select('id').where(duplicate.where, '=', duplicate.value).executeTakeFirst()
    if (existing) throw duplicate.error
    const row = await trx
      .insertInto('platform.publicAccount')
      .values({
        kind: account.kind,
        name: account.name.trim(),
        idNumberCipher: account.idNumber && deps.pii.encrypt(account.idNumber),
        idNumberIndex: account.idNumber && deps.pii.blindIndex(account.idNumber),
        uscc: account.uscc,
        phoneCipher: deps.pii.encrypt(account.phone),
        phoneIndex: deps.pii.blindIndex(account.phone),
        regionCode: null,
        passwordHash,
        lockedUntil: null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
    await recordAudit(trx, auditContext(deps, ctx), { action: 'public_account.register', targetType: 'public_account', targetId: row.id, detail: { kind: account.kind } })
    return present(deps, row, false)
  })
}

/** Registers a natural person; the resident ID's check digit and birth date must be right. */
export async function registerPerson(deps: PlatformDeps, ctx: RequestContext, input: NewPerson): Promise<PublicAccountView> {
  const idNumber = input.idNumber.trim().toUpperCase()
  const checked = validateResidentId(idNumber, shanghaiDay(deps.clock.now()))
  if (!checked.ok) {
    throw new AppError('invalid', 'id_number_invalid', { zh: '身份证号码不正确（校验码或出生日期有误）', en: 'Invalid resident ID number (check digit or birth date)' }, { field: 'idNumber', reason: checked.reason })
  }
  return insertPublicAccount(deps, ctx, { kind: 'person', name: input.name, idNumber, uscc: null, phone: input.phone, password: input.password }, {
    where: 'idNumberIndex',
    value: deps.pii.blindIndex(idNumber),
    error: new AppError('conflict', 'id_number_registered', { zh: '该身份证号码已注册', en: 'This ID number is already registered' }),
  })
}

export interface NewEnterprise {
  name: string
  uscc: string
  phone: string
  password: string
}

/** Registers an enterprise account by its unified social credit code, check character validated. */
export async function registerEnterprise(deps: PlatformDeps, ctx: RequestContext, input: NewEnterprise): Promise<PublicAccountView> {
  const uscc = input.uscc.trim().toUpperCase()
  const checked = validateUscc(uscc)
  if (!checked.ok) {
    throw new AppError('invalid', 'uscc_invalid', { zh: '统一社会信用代码不正确（校验位有误）', en: 'Invalid unified social credit code (check character)' }, { field: 'uscc', reason: checked.reason })
  }
  return insertPublicAccount(deps, ctx, { kind: 'enterprise', name: input.name, idNumber: null, uscc, phone: input.phone, password: input.password }, {
    where: 'uscc',
    value: uscc,
    error: new AppError('conflict', 'uscc_registered', { zh: '该统一社会信用代码已注册', en: 'This credit code is already registered' }),
  })
}

/** Exact lookup by ID number or phone through the blind indexes; answers are masked. */
export async function findPublicAccounts(deps: PlatformDeps, ctx: RequestContext, query: { idNumber?: string; phone?: string; uscc?: string }): Promise<PublicAccountView[]> {
  requireAccess(ctx.actor, 'person.read')
  let select = deps.db.selectFrom('platform.publicAccount').select(columns)
  if (query.idNumber) select = select.where('idNumberIndex', '=', deps.pii.blindIndex(query.idNumber))
  else if (query.phone) select = select.where('phoneIndex', '=', deps.pii.blindIndex(query.phone))
  else if (query.uscc) select = select.where('uscc', '=', query.uscc.trim().toUpperCase())
  else throw new AppError('invalid', 'lookup_key_missing', { zh: '请提供身份证号码、手机号或统一社会信用代码', en: 'Give an ID number, a phone number or a credit code' })
  const rows = await select.limit(20).execute()
  return rows.map((row) => present(deps, row, false))
}

/**
 * One account. With `reveal`, a caller holding `pii.read` sees the ID number and phone in full,
 * and that view is written to the audit log in the same transaction that reads it.
 */
export async function getPublicAccount(deps: PlatformDeps, ctx: RequestContext, id: string, reveal: boolean): Promise<PublicAccountView> {
  requireAccess(ctx.actor, 'person.read')
  if (reveal) requireAccess(ctx.actor, 'pii.read')
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('platform.publicAccount').select(columns).where('id', '=', id).executeTakeFirst()
    if (!row) throw new AppError('not_found', 'public_account_not_found', { zh: '账号不存在', en: 'Account not found' })
    if (reveal) {
      await recordAudit(trx, auditContext(deps, ctx), { action: 'pii.reveal', targetType: 'public_account', targetId: id, detail: { fields: ['idNumber', 'phone'] } })
    }
    return present(deps, row, reveal)
  })
}
