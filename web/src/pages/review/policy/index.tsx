import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchPolicy, savePolicy, type Policy } from './api';
import { StageCard } from './components/stage-card';
import { listMembers } from '../../settings/members/api';
import { PageContainer } from '../../../components/page-container';
import { useAccess, useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useLabels } from '../../../labels';
import { useAsync } from '../../../utils/use-async';

/** The content types a policy may skip stages for (the review module's own vocabulary). */
const CONTENT_TYPES = ['post', 'reply', 'article'];

/** A key the server accepts (lower-case, digits, _) that no other stage uses. */
function freshKey(stages: Policy['stages']): string {
  let n = stages.length + 1;
  while (stages.some((s) => s.key === `stage_${n}`)) n += 1;
  return `stage_${n}`;
}

/** 审核流程: stages, approvers by role or person, SLA, skips per content type, and who may decide any stage. */
export default function ReviewPolicyPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const access = useAccess();
  const loaded = useAsync(() => fetchPolicy(workspace.id), [workspace.id]);
  const members = useAsync(() => listMembers(workspace.id).then((r) => r.items), [workspace.id]);
  const [form] = Form.useForm<Policy & { skipPairs: Array<{ contentType: string; stages: string[] }> }>();
  const [saving, setSaving] = useState(false);
  const stages = (Form.useWatch('stages', form) ?? []) as Policy['stages'];

  useEffect(() => {
    const d = loaded.data;
    if (!d) return;
    form.setFieldsValue({
      ...d.policy,
      leadersDecideAny: d.policy.leadersDecideAny ?? d.leadersDecideAny ?? false,
      skipPairs: CONTENT_TYPES.map((c) => ({ contentType: c, stages: d.policy.skip?.[c] ?? [] })),
    });
  }, [loaded.data, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const stageKeys = new Set(v.stages.map((s) => s.key));
    const skip = Object.fromEntries(v.skipPairs.map((p) => [p.contentType, p.stages.filter((k) => stageKeys.has(k))]).filter(([, ks]) => ks.length > 0));
    setSaving(true);
    try {
      const saved = await savePolicy(workspace.id, { stages: v.stages, skip, slaHours: v.slaHours, leadersDecideAny: v.leadersDecideAny });
      loaded.setData(saved);
      message.success(t('reviewPolicy.saved'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const d = loaded.data;
  const stageName = (key: string) => stages.find((s) => s.key === key)?.name || label('reviewStage', key);
  return (
    <PageContainer title={t('reviewPolicy.title')} description={t('reviewPolicy.desc')}>
      {loaded.error ? <Alert type="error" showIcon message={errorText(loaded.error)} /> : null}
      {d?.selfReview ? <Alert type="info" showIcon message={t('reviewPolicy.selfReview')} data-testid="policy-self-review" /> : null}
      {d?.isDefault ? <Alert type="info" showIcon message={t('reviewPolicy.isDefault')} /> : null}
      <Form form={form} layout="vertical" disabled={!access.canConfigureReview} data-testid="review-policy-form">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={t('reviewPolicy.stages')} extra={<Typography.Text type="secondary">{t('reviewPolicy.stages.hint')}</Typography.Text>}>
            <Form.List name="stages">
              {(fields, { add, remove, move }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <StageCard key={f.key} field={f.name} index={i} count={fields.length} members={members.data ?? []} onMove={move} onRemove={() => remove(f.name)} />
                  ))}
                  <Button icon={<PlusOutlined />} disabled={fields.length >= 8} data-testid="stage-add"
                    onClick={() => add({ key: freshKey(stages), name: t('reviewPolicy.stage.newName'), approvers: { roles: [], userIds: [], factOwner: false }, required: 1, runsCompliance: false })}>
                    {t('reviewPolicy.stage.add')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Card>
          <Card title={t('reviewPolicy.rules')}>
            <Form.Item name="leadersDecideAny" valuePropName="checked" label={t('reviewPolicy.leadersDecideAny')} extra={t('reviewPolicy.leadersDecideAny.hint')}>
              <Switch data-testid="policy-leaders-any" />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('reviewPolicy.noSelfApproval')}</Typography.Paragraph>
            <Form.Item name="slaHours" label={t('reviewPolicy.sla')} extra={t('reviewPolicy.sla.hint')} rules={[{ required: true }]}>
              <InputNumber min={1} max={720} addonAfter={t('reviewPolicy.hours')} />
            </Form.Item>
          </Card>
          <Card title={t('reviewPolicy.skip')} extra={<Typography.Text type="secondary">{t('reviewPolicy.skip.hint')}</Typography.Text>}>
            <Form.List name="skipPairs">
              {(fields) => fields.map((f) => (
                <Form.Item key={f.key} name={[f.name, 'stages']} label={label('contentType', CONTENT_TYPES[f.name]!)}>
                  <Select mode="multiple" allowClear placeholder={t('reviewPolicy.skip.none')} options={stages.map((s) => ({ value: s.key, label: stageName(s.key) }))} />
                </Form.Item>
              ))}
            </Form.List>
          </Card>
          {access.canConfigureReview ? <Button type="primary" loading={saving} onClick={() => void submit().catch(() => undefined)} data-testid="policy-save">{t('reviewPolicy.save')}</Button> : null}
        </Space>
      </Form>
    </PageContainer>
  );
}
