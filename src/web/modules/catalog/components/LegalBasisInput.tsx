import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Form, Select, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useT } from '../../../app/i18n'
import { useDebouncedValue } from '../../../app/useDebouncedValue'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useLaw, useLawSearch, type Citation } from '../api'

type PartialCitation = Partial<Citation>

/** Waits until typing pauses before searching the laws. */
/** One citation: a law found by its title, then one of its articles. */
function CitationInput({ value, onChange, id }: { value?: PartialCitation; onChange?: (value: PartialCitation) => void; id?: string }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [q, setQ] = useState('')
  const search = useLawSearch(useDebouncedValue(q))
  const chosen = useLaw(value?.lawId)

  const lawOptions = useMemo(() => {
    const found = (search.data?.items ?? []).map((law) => ({
      value: law.id,
      label: law.title,
      repealed: law.status === 'repealed',
    }))
    if (chosen.data && !found.some((o) => o.value === chosen.data.id)) found.unshift({ value: chosen.data.id, label: chosen.data.title, repealed: chosen.data.status === 'repealed' })
    return found
  }, [search.data, chosen.data])

  const articleOptions = useMemo(
    () =>
      (chosen.data?.articles ?? []).map((article) => ({
        value: article.id,
        label: article.label,
        text: article.text,
        disabled: !article.inForce,
      })),
    [chosen.data],
  )

  return (
    <Flex gap={8} vertical={isPhone} style={{ flex: 1, minWidth: 0 }}>
      <Select
        id={id}
        showSearch={{ filterOption: false, onSearch: setQ }}
        value={value?.lawId}
        placeholder={t('catalog.basis.searchLaw')}
        aria-label={t('catalog.basis.law')}
        loading={search.isFetching}
        onChange={(lawId: string) => onChange?.({ lawId, articleId: undefined })}
        style={{ flex: isPhone ? undefined : '1 1 55%', minWidth: 0 }}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxWidth: '92vw' } } }}
        notFoundContent={search.isFetching ? t('common.loading') : undefined}
        options={lawOptions.map((o) => ({
          value: o.value,
          label: (
            <span>
              {o.label}
              {o.repealed && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {t('catalog.basis.notInForce')}
                </Tag>
              )}
            </span>
          ),
          title: o.label,
        }))}
        data-testid="basis-law"
      />
      <Select
        showSearch={{ optionFilterProp: 'title' }}
        value={value?.articleId}
        disabled={!value?.lawId}
        loading={chosen.isFetching}
        placeholder={value?.lawId ? t('catalog.basis.pickArticle') : t('catalog.basis.pickLawFirst')}
        aria-label={t('catalog.basis.article')}
        onChange={(articleId: string) => onChange?.({ lawId: value?.lawId, articleId })}
        style={{ flex: isPhone ? undefined : '1 1 45%', minWidth: 0 }}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxWidth: '92vw', width: 420 } } }}
        optionLabelProp="title"
        options={articleOptions.map((o) => ({
          value: o.value,
          title: o.label,
          disabled: o.disabled,
          label: (
            <div className="catalog-article-option">
              <Typography.Text strong>{o.label}</Typography.Text>
              <div className="catalog-sub catalog-ellipsis">{o.text}</div>
            </div>
          ),
        }))}
        data-testid="basis-article"
      />
    </Flex>
  )
}

/** The legal basis of an item: a list of law articles, each picked by searching the laws library. */
export function LegalBasisInput({ name = 'legalBasis' }: { name?: string }) {
  const t = useT()
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={field.name}
                style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
                rules={[
                  {
                    validator: (_, value: PartialCitation | undefined) =>
                      !value?.lawId
                        ? Promise.reject(new Error(t('catalog.basis.lawRequired')))
                        : !value.articleId
                          ? Promise.reject(new Error(t('catalog.basis.articleRequired')))
                          : Promise.resolve(),
                  },
                ]}
              >
                <CitationInput />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('catalog.remove')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="basis-add">
            {t('catalog.add')}
            {t('catalog.field.legalBasis')}
          </Button>
        </Flex>
      )}
    </Form.List>
  )
}
