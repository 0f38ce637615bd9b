import { resolve } from 'node:path'
import { defaultPasswordPolicy, type PasswordPolicy } from './auth/password'

/** Everything the process reads from its environment, read once at start. */
export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  homeProvince: string
  /** 32 hex characters (128 bits): the SM4 key for personal data at rest. */
  piiKey: Buffer
  /** The HMAC-SM3 key for the blind indexes of personal data. */
  piiIndexKey: Buffer
  demo: boolean
  logLevel: string
  secureCookies: boolean
  passwordPolicy: PasswordPolicy
  /** Days after which a staff password must be changed; 0 turns expiry off. */
  passwordMaxAgeDays: number
}

/** A fixed development key, used only when none is configured and demo mode is on. */
const DEMO_PII_KEY = '0123456789abcdeffedcba9876543210'
const DEMO_INDEX_KEY = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'

function hexKey(name: string, value: string | undefined, bytes: number, fallback: string | undefined): Buffer {
  const hex = value ?? fallback
  if (hex === undefined) {
    throw new Error(`${name} is not set: give it ${bytes * 2} hex characters (e.g. from \`openssl rand -hex ${bytes}\`)`)
  }
  if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(hex)) {
    throw new Error(`${name} must be ${bytes * 2} hex characters`)
  }
  return Buffer.from(hex, 'hex')
}

/** An integer setting within bounds; the policy may be tightened, never loosened below the 等保 floor of 8 characters. */
function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`)
  return value
}

/** Reads the configuration; outside demo mode the encryption keys must be given. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { demo?: boolean } = {}): Config {
  const demo = options.demo ?? env.YIWANG_DEMO === '1'
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    homeProvince: env.YIWANG_HOME_PROVINCE ?? '32',
    piiKey: hexKey('YIWANG_PII_KEY', env.YIWANG_PII_KEY, 16, demo ? DEMO_PII_KEY : undefined),
    piiIndexKey: hexKey('YIWANG_PII_INDEX_KEY', env.YIWANG_PII_INDEX_KEY, 32, demo ? DEMO_INDEX_KEY : undefined),
    demo,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.YIWANG_SECURE_COOKIES === '1',
    passwordPolicy: {
      minLength: intSetting(env, 'YIWANG_PASSWORD_MIN_LENGTH', defaultPasswordPolicy.minLength, 8, 128),
      minClasses: intSetting(env, 'YIWANG_PASSWORD_MIN_CLASSES', defaultPasswordPolicy.minClasses, 1, 4),
      blocklist: env.YIWANG_PASSWORD_BLOCKLIST !== '0',
    },
    passwordMaxAgeDays: intSetting(env, 'YIWANG_PASSWORD_MAX_AGE_DAYS', 90, 0, 3650),
  }
}
