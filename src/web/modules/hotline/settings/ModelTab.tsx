import { ExperimentOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Typography } from 'antd'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useTrainClassifier } from './api'

/** 分类模型: retrain the classifier that suggests categories and departments at intake. */
export function ModelTab() {
  const t = useT()
  const train = useTrainClassifier()
  const result = train.data
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hotline.settings.model.help')}</Typography.Paragraph>
      <Button type="primary" icon={<ExperimentOutlined />} loading={train.isPending} onClick={() => train.mutate()} style={{ marginBottom: 16 }} data-testid="model-train">
        {t('hotline.settings.model.train')}
      </Button>
      <ErrorAlert error={train.error} />
      {result && (
        <Card size="small" title={t('hotline.settings.model.trained')} data-testid="model-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('hotline.settings.model.examples')}>{result.examples}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.settings.model.accuracy')}>
              {result.heldOutAccuracy === null ? t('hotline.settings.model.noAccuracy') : `${(result.heldOutAccuracy * 100).toFixed(1)}%`}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  )
}

