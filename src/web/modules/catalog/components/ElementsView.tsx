import { Descriptions, Tag } from 'antd'
import { useT } from '../../../app/i18n'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useCitationLabels, type Citation, type ElementRecord, type ItemKind } from '../api'
import { fieldLabel, fieldsOf } from '../elements'
import { ElementValue } from './ElementValue'

/**
 * The effective elements of an entry, read like a service guide; the fields this level changed
 * from the level above are highlighted and tagged 本级调整.
 */
export function ElementsView({ kind, elements, overridden }: { kind: ItemKind; elements: ElementRecord; overridden?: ReadonlySet<string> }) {
  const t = useT()
  const isPhone = useIsPhone()
  const citations = useCitationLabels((elements.legalBasis as Citation[] | undefined) ?? [])
  return (
    <Descriptions
      bordered
      size={isPhone ? 'small' : 'middle'}
      column={1}
      layout={isPhone ? 'vertical' : 'horizontal'}
      styles={{ label: { width: isPhone ? undefined : 180, verticalAlign: 'top' } }}
      data-testid="elements-view"
      items={fieldsOf(kind).map((field) => {
        const changed = overridden?.has(field) ?? false
        return {
          key: field,
          label: (
            <span data-testid={`element-label-${field}`}>
              {fieldLabel(t, field, kind)}
              {changed && (
                <Tag color="orange" className="catalog-overridden-tag">
                  {t('catalog.overridden')}
                </Tag>
              )}
            </span>
          ),
          children: (
            <div data-testid={`element-${field}`} data-overridden={changed ? 'true' : undefined}>
              <ElementValue field={field} value={elements[field]} citations={citations} />
            </div>
          ),
          classNames: changed ? { label: 'catalog-overridden', content: 'catalog-overridden' } : undefined,
        }
      })}
    />
  )
}
