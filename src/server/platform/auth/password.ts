import { hash, verify } from '@node-rs/argon2'
import { commonPasswords } from './common-passwords'

/** Rules a new password must meet. */
export interface PasswordPolicy {
  minLength: number
  /** How many of lowercase, uppercase, digit and other characters must appear. */
  minClasses: number
  /** Whether to refuse passwords from the common-password list. */
  blocklist: boolean
}

/** One broken rule, with a stable id and a message for the user. */
export interface PasswordViolation {
  id: 'password_too_short' | 'password_too_few_classes' | 'password_common' | 'password_contains_username'
  zh: string
  en: string
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, minClasses: 3, blocklist: true }

// OWASP's first argon2id configuration (19 MiB, 2 passes, 1 lane), which is also the
// library's default; written out so that a library upgrade cannot lower it silently.
// About 30 ms per hash here.
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

// Shorter usernames would forbid most passwords (a username "li" is in "olive").
const minUsernameLengthToCheck = 3

/** Hashes a password with argon2id into a self-describing PHC string. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, argon2Options)
}

/**
 * Whether `plain` matches `storedHash`. A value that is not an argon2 hash at all (an account
 * with no password, marked '' or '!') never matches; a corrupt argon2 hash throws.
 */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  if (!storedHash.startsWith('$argon2')) return false
  return verify(storedHash, plain)
}

/** Every rule of `policy` that `password` breaks; an empty list means it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string } = {},
): PasswordViolation[] {
  const violations: PasswordViolation[] = []
  if (Array.from(password).length < policy.minLength) violations.push(tooShort(policy.minLength))
  if (characterClassCount(password) < policy.minClasses) violations.push(tooFewClasses(policy.minClasses))
  if (policy.blocklist && isCommonPassword(password)) violations.push(commonViolation())
  if (containsUsername(password, context.username)) violations.push(containsUsernameViolation())
  return violations
}

function characterClassCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length
}

/** Case-insensitive, and also with decorations like 'Admin123!' or '@password.' stripped. */
function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  return commonPasswords.has(lower) || commonPasswords.has(lower.replace(/^[!.@]+|[!.@]+$/g, ''))
}

function containsUsername(password: string, username: string | undefined): boolean {
  const name = username?.trim().toLowerCase() ?? ''
  return Array.from(name).length >= minUsernameLengthToCheck && password.toLowerCase().includes(name)
}

function tooShort(minLength: number): PasswordViolation {
  return {
    id: 'password_too_short',
    zh: `密码至少需要 ${minLength} 个字符`,
    en: `Password must be at least ${minLength} characters long`,
  }
}

function tooFewClasses(minClasses: number): PasswordViolation {
  return {
    id: 'password_too_few_classes',
    zh: `密码需包含小写字母、大写字母、数字、其他符号中的至少 ${minClasses} 类`,
    en: `Password must use at least ${minClasses} of: lowercase letters, uppercase letters, digits, other characters`,
  }
}

function commonViolation(): PasswordViolation {
  return {
    id: 'password_common',
    zh: '该密码过于常见，容易被猜中，请换一个',
    en: 'This password is too common and easily guessed; please choose another',
  }
}

function containsUsernameViolation(): PasswordViolation {
  return { id: 'password_contains_username', zh: '密码不能包含用户名', en: 'Password must not contain the username' }
}
