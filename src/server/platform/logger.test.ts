import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

function capture() {
  const lines: string[] = []
  return { lines, stream: { write: (line: string) => void lines.push(line) } }
}

describe('the logger', () => {
  it('masks resident ID and mobile numbers wherever they appear in a line', () => {
    const { lines, stream } = capture()
    createLogger('info', stream).info({ url: '/api/public-accounts?idNumber=320102199001011237' }, 'lookup for 13812345678')
    expect(lines.join('')).not.toContain('320102199001011237')
    expect(lines.join('')).not.toContain('13812345678')
    expect(lines.join('')).toContain('3201**********1237')
    expect(lines.join('')).toContain('138****5678')
  })

  it('removes passwords, tokens and cookies by field', () => {
    const { lines, stream } = capture()
    createLogger('info', stream).info({ req: { headers: { cookie: 'yw_session=secret-session', authorization: 'Bearer ywt_secret' } }, body: { password: 'Hunter-2-secret', token: 'ywt_abc' } })
    const line = lines.join('')
    for (const secret of ['secret-session', 'ywt_secret', 'Hunter-2-secret', 'ywt_abc']) expect(line).not.toContain(secret)
    expect(line).toContain('[redacted]')
  })
})
