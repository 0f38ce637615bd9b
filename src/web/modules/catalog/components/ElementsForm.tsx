import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch, Tag, type FormInstance } from 'antd'
import { useMemo, type ReactNode } from 'react'
import { useT } from '../../../app/i18n'
import { shapeOf, sameElement, type ElementRecord, type ItemKind } from '../api'
import { fieldLabel, fromFormValues } from '../elements'
import { LegalBasisInput } from './LegalBasisInput'

const levels = ['province', 'city', 'county'] as const
const objects = ['person', 'enterprise'] as const
const channels = ['window', 'web', 'app', 'self_service', 'mail'] as const
const resultTypes = ['licence', 'approval', 'certificate', 'other'] as const
const materialForms = ['paper', 'electronic', 'both'] as const
const originals = ['original', 'copy', 'both'] as const
const sources = ['applicant', 'e_licence', 'shared_data'] as const

/**
 * The elements of an item as form fields, inside a parent <Form>: plain fields, choices, lists
 * (materials, fees, steps, conditions) and the legal-basis picker. Given a `baseline` (the
 * parent's or the saved elements), every field that now differs from it is tagged 已调整.
 */
export function ElementsForm({ kind, form, baseline }: { kind: ItemKind; form: FormInstance; baseline?: ElementRecord }) {
  const t = useT()
  const shape = shapeOf(kind)
  const values = Form.useWatch((all: ElementRecord) => all, { form, preserve: true })

  const changed = useMemo(() => {
    if (!baseline || !values) return new Set<string>()
    const now = fromFormValues(kind, values)
    return new Set(Object.keys(now).filter((field) => !sameElement(field, baseline[field], now[field])))
  }, [baseline, values, kind])

  const label = (field: string): ReactNode => (
    <span>
      {fieldLabel(t, field, kind)}
      {changed.has(field) && (
        <Tag color="orange" className="catalog-overridden-tag" data-testid={`changed-${field}`}>
          {t('catalog.changed')}
        </Tag>
      )}
    </span>
  )
  const required = (field: string) => ({ required: true, whitespace: true, message: t('catalog.required', { field: fieldLabel(t, field, kind) }) })
  const pick = (field: string) => ({ required: true, message: t('catalog.pickRequired', { field: fieldLabel(t, field, kind) }) })
  const section = (key: Parameters<typeof t>[0]) => (
    <Divider titlePlacement="start" className="catalog-form-section">
      {t(key)}
    </Divider>
  )
  const short = (field: string, extra?: { required?: boolean; placeholder?: string }) => (
    <Form.Item name={field} label={label(field)} rules={extra?.required === false ? [] : [required(field)]}>
      <Input maxLength={200} placeholder={extra?.placeholder} />
    </Form.Item>
  )
  const long = (field: string, isRequired = true) => (
    <Form.Item name={field} label={label(field)} rules={isRequired ? [required(field)] : []}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  )
  const multi = (field: string, options: readonly string[], prefix: string) => (
    <Form.Item name={field} label={label(field)} rules={[{ ...pick(field), type: 'array', min: 1 }]}>
      <Checkbox.Group options={options.map((value) => ({ value, label: t.dynamic(`${prefix}.${value}`, value) }))} />
    </Form.Item>
  )

  if (shape === 'inspection') {
    return (
      <>
        {section('catalog.section.inspection')}
        <Row gutter={16}>
          <Col xs={24} md={12}>{short('name')}</Col>
          <Col xs={24} md={12}>{short('category')}</Col>
          <Col xs={24} md={12}>{short('method')}</Col>
          <Col xs={24} md={12}>{short('object')}</Col>
          <Col xs={24}>{long('content')}</Col>
          <Col xs={24} md={12}>{short('implementingBody')}</Col>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={label('level')} rules={[pick('level')]}>
              <Select options={levels.map((value) => ({ value, label: t.dynamic(`catalog.level.${value}`, value) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>{short('frequency')}</Col>
          <Col xs={24} md={12}>{short('ratio')}</Col>
          <Col xs={24}>{long('procedure')}</Col>
          <Col xs={24}>{long('handling')}</Col>
          <Col xs={24} md={12}>{short('undertakingUnit')}</Col>
          <Col xs={24} md={12}>
            <Form.Item name="supervisionItemCode" label={label('supervisionItemCode')} rules={[{ pattern: /^[0-9]{10}$/, message: t('catalog.basicCodePattern', { code: '30' }) }]}>
              <Input maxLength={10} className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24}>{long('remarks', false)}</Col>
        </Row>
        {section('catalog.section.basis')}
        <Form.Item label={label('legalBasis')} className="catalog-form-list">
          <LegalBasisInput />
        </Form.Item>
      </>
    )
  }

  if (shape === 'supervision') {
    return (
      <>
        {section('catalog.section.supervision')}
        <Row gutter={16}>
          <Col xs={24} md={12}>{short('name')}</Col>
          <Col xs={24} md={12}>{short('department')}</Col>
          <Col xs={24} md={12}>{short('object')}</Col>
          <Col xs={24} md={12}>{short('method')}</Col>
          <Col xs={24}>{long('content')}</Col>
          <Col xs={24}>{multi('levels', levels, 'catalog.level')}</Col>
          <Col xs={24}>{long('remarks', false)}</Col>
        </Row>
        {section('catalog.section.basis')}
        <Form.Item label={label('legalBasis')} className="catalog-form-list">
          <LegalBasisInput />
        </Form.Item>
      </>
    )
  }

  return (
    <>
      {section('catalog.section.basic')}
      <Row gutter={16}>
        <Col xs={24} md={12}>{short('name')}</Col>
        <Col xs={24} md={12}>{short('department')}</Col>
        <Col xs={24} md={12}>{multi('levels', levels, 'catalog.level')}</Col>
        <Col xs={24} md={12}>{multi('serviceObjects', objects, 'catalog.object')}</Col>
        <Col xs={24} md={12}>
          <Form.Item name={['result', 'name']} label={label('result')} rules={[required('result')]}>
            <Input maxLength={200} placeholder={t('catalog.result.name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['result', 'type']} label={t('catalog.result.type')} rules={[pick('result')]}>
            <Select options={resultTypes.map((value) => ({ value, label: t.dynamic(`catalog.result.${value}`, value) }))} />
          </Form.Item>
        </Col>
      </Row>

      {section('catalog.section.basis')}
      <Form.Item label={label('legalBasis')} className="catalog-form-list">
        <LegalBasisInput />
      </Form.Item>

      {section('catalog.section.conditions')}
      <Form.Item label={label('conditions')} className="catalog-form-list">
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <span className="catalog-list-index">{index + 1}.</span>
                  <Form.Item name={field.name} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('catalog.required', { field: t('catalog.condition') }) }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} aria-label={t('catalog.condition')} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('catalog.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                {t('catalog.add')}
                {t('catalog.condition')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>

      {section('catalog.section.materials')}
      <Form.Item label={label('materials')} className="catalog-form-list">
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <div key={field.key} className="catalog-form-box" data-testid={`material-${index}`}>
                  <Row gutter={12}>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'name']} label={`${index + 1}. ${t('catalog.material.name')}`} rules={[{ required: true, whitespace: true, message: t('catalog.required', { field: t('catalog.material.name') }) }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'copies']} label={t('catalog.material.copies')}>
                        <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'original']} label={t('catalog.material.original')}>
                        <Select options={originals.map((value) => ({ value, label: t.dynamic(`catalog.material.original.${value}`, value) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'form']} label={t('catalog.material.form')}>
                        <Select options={materialForms.map((value) => ({ value, label: t.dynamic(`catalog.material.form.${value}`, value) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'source']} label={t('catalog.material.source')}>
                        <Select popupMatchSelectWidth={false} options={sources.map((value) => ({ value, label: t.dynamic(`catalog.material.source.${value}`, value) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'note']} label={t('catalog.material.note')}>
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'required']} label={t('catalog.material.required')} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} className="catalog-form-box-remove">
                    {t('catalog.remove')}
                  </Button>
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', form: 'both', original: 'original', copies: 1, required: true, source: 'applicant' })}
                block
                data-testid="material-add"
              >
                {t('catalog.add')}
                {t('catalog.material.name')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>

      {section('catalog.section.time')}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="statutoryDays" label={label('statutoryDays')} rules={[pick('statutoryDays')]}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('calendar.workingDaysUnit')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="committedDays" label={label('committedDays')} rules={[pick('committedDays')]}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('calendar.workingDaysUnit')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={label('fees')} className="catalog-form-list">
        <Form.List name="fees">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field) => (
                <div key={field.key} className="catalog-form-box">
                  <Row gutter={12}>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'name']} label={t('catalog.fee.name')} rules={[{ required: true, whitespace: true, message: t('catalog.required', { field: t('catalog.fee.name') }) }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'amountYuan']} label={t('catalog.fee.amount')} rules={[{ required: true, message: t('catalog.required', { field: t('catalog.fee.amount') }) }]}>
                        <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'basis']} label={t('catalog.fee.basis')}>
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} className="catalog-form-box-remove">
                    {t('catalog.remove')}
                  </Button>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amountYuan: 0 })} block>
                {t('catalog.add')}
                {t('catalog.fee.name')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>

      {section('catalog.section.steps')}
      <Form.Item label={label('steps')} className="catalog-form-list">
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <div key={field.key} className="catalog-form-box">
                  <Row gutter={12}>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'name']} label={`${index + 1}. ${t('catalog.step.name')}`} rules={[{ required: true, whitespace: true, message: t('catalog.required', { field: t('catalog.step.name') }) }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'days']} label={t('catalog.step.days')}>
                        <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'description']} label={t('catalog.step.description')}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} className="catalog-form-box-remove">
                    {t('catalog.remove')}
                  </Button>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', description: '' })} block>
                {t('catalog.add')}
                {t('catalog.step.name')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>

      {section('catalog.section.channels')}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="onlineDepth" label={label('onlineDepth')} rules={[pick('onlineDepth')]}>
            <Select options={[1, 2, 3, 4].map((value) => ({ value, label: t.dynamic(`catalog.depth.${value}`, String(value)) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="visits" label={label('visits')} rules={[pick('visits')]}>
            <InputNumber min={0} max={5} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>{multi('channels', channels, 'catalog.channel')}</Col>
        <Col xs={24}>
          <Form.Item name="place" label={label('place')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={label('phone')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="provinceWide" label={label('provinceWide')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="crossProvince" label={label('crossProvince')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      {section('catalog.section.tags')}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="themes" label={label('themes')} extra={t('catalog.tagsHint')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="lifeEvents" label={label('lifeEvents')} extra={t('catalog.tagsHint')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}
