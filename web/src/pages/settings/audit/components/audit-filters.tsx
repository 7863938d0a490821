import { AutoComplete, Button, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { Member } from '../../../../api/types';

export interface AuditFilterValues {
  action?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Props {
  members: Member[];
  /** Known action codes (those the label registry names). */
  actions: string[];
  onSearch: (values: AuditFilterValues) => void;
}

/** Filters by action (prefix, e.g. `members.` matches every member action), actor and date range. */
export function AuditFilters({ members, actions, onSearch }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const [form] = Form.useForm<AuditFilterValues>();
  const prefixes = [...new Set(actions.map((a) => a.split('.')[0]))];

  const actionOptions = [
    ...prefixes.map((p) => ({ value: `${p}.`, label: label('auditGroup', p) })),
    ...actions.map((a) => ({ value: a, label: label('auditAction', a) })),
  ];

  return (
    <Form<AuditFilterValues> form={form} layout="inline" onFinish={onSearch} style={{ rowGap: 12 }} data-testid="audit-filters">
      <Form.Item name="action" label={t('audit.filter.action')}>
        <AutoComplete
          allowClear
          options={actionOptions}
          placeholder={t('audit.filter.action.placeholder')}
          style={{ width: 240 }}
          filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.filter.actor')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.filter.actor.placeholder')}
          style={{ width: 200 }}
          options={members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.filter.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">{t('common.action.search')}</Button>
          <Button onClick={() => { form.resetFields(); onSearch({}); }}>{t('common.action.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
