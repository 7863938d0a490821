import { useState } from 'react';
import { Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Holiday } from '../../../../api/types';
import { DATE } from '../../../../utils/time';

interface Props {
  value?: Holiday[];
  onChange?: (value: Holiday[]) => void;
  disabled?: boolean;
}

/** Holidays (date + name), kept sorted by date; one line to add, a table to review and remove. */
export function HolidaysEditor({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    if (!date || !name.trim()) return setProblem(t('settings.workspace.holidays.required'));
    const iso = date.format(DATE);
    if (value.some((h) => h.date === iso)) return setProblem(t('settings.workspace.holidays.duplicate'));
    onChange?.([...value, { date: iso, name: name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDate(null);
    setName('');
    setProblem(null);
  };

  const remove = (iso: string) => onChange?.(value.filter((h) => h.date !== iso));

  return (
    <div data-testid="holidays-editor">
      {!disabled && (
        <div style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
            <DatePicker value={date} onChange={setDate} placeholder={t('settings.workspace.holidays.date')} style={{ width: 180 }} />
            <Input
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={(e) => { e.preventDefault(); add(); }}
              placeholder={t('settings.workspace.holidays.name.placeholder')}
            />
            <Button icon={<PlusOutlined />} onClick={add}>{t('settings.workspace.holidays.add')}</Button>
          </Space.Compact>
          {problem && <div><Typography.Text type="danger">{problem}</Typography.Text></div>}
        </div>
      )}
      <Table<Holiday>
        size="small"
        rowKey="date"
        dataSource={value}
        pagination={value.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('settings.workspace.holidays.empty') }}
        columns={[
          { title: t('settings.workspace.holidays.date'), dataIndex: 'date', width: 160 },
          { title: t('settings.workspace.holidays.name'), dataIndex: 'name' },
          ...(disabled ? [] : [{
            title: t('common.label.operations'), key: 'op', width: 100,
            render: (_: unknown, h: Holiday) => (
              <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(h.date)}>
                {t('common.action.delete')}
              </Button>
            ),
          }]),
        ]}
      />
    </div>
  );
}
