import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

describe('configuration', () => {
  it('needs the encryption keys outside demo mode', () => {
    expect(() => loadConfig({})).toThrow(/YIWANG_PII_KEY/)
    expect(loadConfig({}, { demo: true }).piiKey).toHaveLength(16)
  })

  it('reads a tightened password policy and refuses one below eight characters', () => {
    const config = loadConfig({ YIWANG_PASSWORD_MIN_LENGTH: '12', YIWANG_PASSWORD_MIN_CLASSES: '4' }, { demo: true })
    expect(config.passwordPolicy).toEqual({ minLength: 12, minClasses: 4, blocklist: true })
    expect(() => loadConfig({ YIWANG_PASSWORD_MIN_LENGTH: '6' }, { demo: true })).toThrow(/YIWANG_PASSWORD_MIN_LENGTH/)
  })

  it('defaults to port 3000, ./data and Jiangsu', () => {
    const config = loadConfig({}, { demo: true })
    expect(config.port).toBe(3000)
    expect(config.dataDir.endsWith('/data')).toBe(true)
    expect(config.homeProvince).toBe('32')
  })
})
