/**
 * The limits the server checks (appeals.schemas.ts, intake.service.ts), repeated here so that a form
 * says what is wrong before it is sent. Importing them would pull the server's schema library into
 * the web bundle.
 */

export const MAX_CONTENT = 4000

const mobile = /^1[3-9]\d{9}$/
const landline = /^0\d{2,3}-?\d{7,8}$/

/** Whether the server takes a phone number: a mainland mobile (+86 allowed) or a landline with its area code; spaces and brackets are ignored. */
export function isPhoneNumber(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '').replace(/^\+?86/, '')
  return mobile.test(compact) || landline.test(compact)
}

/** The form rule for an optional phone number. */
export function phoneRule(message: string) {
  return { validator: (_: unknown, value: string | undefined) => (!value?.trim() || isPhoneNumber(value) ? Promise.resolve() : Promise.reject(new Error(message))) }
}
