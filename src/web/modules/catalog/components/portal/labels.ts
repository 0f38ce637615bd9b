import type { Translator } from '../../../../app/i18n'
import type { Material, ServiceElements } from '../../portal-api'

/** The words the service guide uses for the coded elements, in the current language. */
export function guideLabels(t: Translator) {
  return {
    kind: (kind: string) => t.dynamic(`guide.kind.${kind}`, kind),
    object: (object: ServiceElements['serviceObjects'][number]) => t.dynamic(`guide.object.${object}`, object),
    level: (level: ServiceElements['levels'][number]) => t.dynamic(`guide.level.${level}`, level),
    channel: (channel: ServiceElements['channels'][number]) => t.dynamic(`guide.channel.${channel}`, channel),
    depth: (depth: number) => t.dynamic(`guide.depth.${depth}`, String(depth)),
    resultType: (type: ServiceElements['result']['type']) => t.dynamic(`guide.resultType.${type}`, type),
    form: (form: Material['form']) => t.dynamic(`guide.material.form.${form}`, form),
    original: (original: Material['original']) => t.dynamic(`guide.material.original.${original}`, original),
    source: (source: Material['source']) => t.dynamic(`guide.material.source.${source}`, source),
  }
}

/** 免提交: the office fetches it itself, from an e-licence or shared data. */
export function isExempt(material: Material): boolean {
  return material.source === 'e_licence' || material.source === 'shared_data'
}

/** Fen as yuan: 12345 → 123.45. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2)
}
