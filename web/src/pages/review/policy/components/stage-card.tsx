import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../api/types';
import { ROLE_KEYS } from '../../../../api/types';
import { useLabels } from '../../../../labels';

interface Props {
  field: number;
  index: number;
  count: number;
  members: Member[];
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

/** One review stage: its name, who approves (roles, named people, the fact owner), how many, compliance and SLA. */
export function StageCard({ field, index, count, members, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  return (
    <Card size="small" data-testid={`stage-${index}`}
      title={<Space>{t('reviewPolicy.stage.n', { n: index + 1 })}<Form.Item name={[field, 'name']} noStyle rules={[{ required: true, whitespace: true }]}><Input maxLength={40} style={{ width: 220 }} data-testid={`stage-name-${index}`} /></Form.Item></Space>}
      extra={(
        <Space>
          <Tooltip title={t('reviewPolicy.stage.up')}><Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, index - 1)} /></Tooltip>
          <Tooltip title={t('reviewPolicy.stage.down')}><Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} /></Tooltip>
          <Tooltip title={t('reviewPolicy.stage.remove')}><Button size="small" danger icon={<DeleteOutlined />} disabled={count === 1} onClick={onRemove} /></Tooltip>
        </Space>
      )}>
      <Form.Item name={[field, 'key']} hidden><Input /></Form.Item>
      <Space wrap align="start" size="large">
        <Form.Item name={[field, 'approvers', 'roles']} label={t('reviewPolicy.stage.roles')} style={{ minWidth: 260 }}>
          <Select mode="multiple" allowClear placeholder={t('reviewPolicy.stage.roles.placeholder')} data-testid={`stage-roles-${index}`}
            options={ROLE_KEYS.filter((r) => r !== 'viewer').map((r) => ({ value: r, label: label('role', r) }))} />
        </Form.Item>
        <Form.Item name={[field, 'approvers', 'userIds']} label={t('reviewPolicy.stage.people')} style={{ minWidth: 260 }}>
          <Select mode="multiple" allowClear optionFilterProp="label" placeholder={t('reviewPolicy.stage.people.placeholder')}
            options={members.map((m) => ({ value: m.userId, label: `${m.name}（${label('role', m.role)}）` }))} />
        </Form.Item>
      </Space>
      <Space wrap size="large">
        <Form.Item name={[field, 'approvers', 'factOwner']} valuePropName="checked" tooltip={t('reviewPolicy.stage.factOwner.hint')}>
          <Checkbox>{t('reviewPolicy.stage.factOwner')}</Checkbox>
        </Form.Item>
        <Form.Item name={[field, 'runsCompliance']} valuePropName="checked" label={t('reviewPolicy.stage.compliance')}><Switch size="small" /></Form.Item>
        <Form.Item name={[field, 'required']} label={t('reviewPolicy.stage.required')}><InputNumber min={1} max={10} style={{ width: 80 }} /></Form.Item>
        <Form.Item name={[field, 'slaHours']} label={t('reviewPolicy.stage.sla')} tooltip={t('reviewPolicy.stage.sla.hint')}>
          <InputNumber min={1} max={720} addonAfter={t('reviewPolicy.hours')} style={{ width: 140 }} />
        </Form.Item>
      </Space>
    </Card>
  );
}
