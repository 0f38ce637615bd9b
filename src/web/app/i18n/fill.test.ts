import { describe, expect, it } from 'vitest'
import { fill } from '.'
import { messages } from './messages'

const jiangsu = { province: '江苏', provinceName: '江苏省', provinceEn: 'Jiangsu' }

describe('fill', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('共 {total} 条 {x}', { total: 3 })).toBe('共 3 条 {x}')
  })

  it('names the province once known, and none before', () => {
    expect(fill(messages['app.name'].zh, jiangsu)).toBe('一网 · 江苏政务服务')
    expect(fill(messages['app.name'].zh, undefined)).toBe('一网 · 政务服务')
    expect(fill(messages['app.name'].en, jiangsu)).toBe('Yiwang · Jiangsu Government Services')
    expect(fill(messages['app.name'].en, {})).toBe('Yiwang · Government Services')
    expect(fill(messages['app.brandShort'].en, {})).toBe('Yiwang')
    expect(fill(messages['app.portalSubtitle'].en, {})).toBe('One-stop government services')
    expect(fill(messages['app.footer'].zh, jiangsu)).toBe('一网 Yiwang · 开源政务服务平台 · 服务江苏省政务服务管理办公室')
    expect(fill(messages['app.footer'].zh, {})).toBe('一网 Yiwang · 开源政务服务平台')
  })

  it('reads the second half of [when|otherwise] without the province', () => {
    expect(fill(messages['portal.hero.title'].en, jiangsu)).toBe('Jiangsu government services, all in one place')
    expect(fill(messages['portal.hero.title'].en, { province: '' })).toBe('Government services, all in one place')
    expect(fill(messages['portal.hero.title'].zh, {})).toBe('政务服务 一网通办')
  })
})
