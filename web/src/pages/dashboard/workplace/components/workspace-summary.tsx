import { useEffect, useState } from 'react';
import { Badge, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyWorkspace } from '../../../../api/types';
import { nowInZone, utcOffsetLabel } from '../../../../utils/time';

/** Is `now` (in the workspace zone) inside the configured working hours, and not a holiday? */
export function workingState(ws: Pick<MyWorkspace, 'workingHours' | 'holidays' | 'timeZone'>, now = nowInZone(ws.timeZone)) {
  const date = now.format('YYYY-MM-DD');
  const holiday = ws.holidays.find((h) => h.date === date);
  const weekday = ((now.day() + 6) % 7) + 1; // dayjs: 0 = Sunday → 7
  const hhmm = now.format('HH:mm');
  const day = ws.workingHours.days.find((d) => d.weekday === weekday);
  const working = !holiday && !!day && hhmm >= day.start && hhmm < day.end;
  return { holiday, working };
}

export function WorkspaceSummary({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => nowInZone(workspace.timeZone));
  useEffect(() => {
    const id = window.setInterval(() => setNow(nowInZone(workspace.timeZone)), 30_000);
    return () => window.clearInterval(id);
  }, [workspace.timeZone]);
  const { holiday, working } = workingState(workspace, now);
  const days = [...workspace.workingHours.days].sort((a, b) => a.weekday - b.weekday);

  return (
    <Card title={t('dashboard.workspace')} data-testid="dashboard-workspace">
      <Descriptions column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }} size="middle">
        <Descriptions.Item label={t('settings.workspace.name')}>{workspace.name}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.timeZone')}>
          {workspace.timeZone} <Tag bordered={false} style={{ marginInlineStart: 8 }}>{utcOffsetLabel(workspace.timeZone)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.localTime')}>
          <Space>
            <span>{now.format('YYYY-MM-DD HH:mm')} {t(`common.weekday.${((now.day() + 6) % 7) + 1}`)}</span>
            <Badge status={working ? 'success' : 'default'} text={t(working ? 'dashboard.workingNow' : 'dashboard.offHours')} />
            {holiday && <Tag color="red">{t('dashboard.holidayToday', { name: holiday.name })}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.workingDays')}>
          {days.length === 0 ? t('common.label.none') : (
            <Space size={[4, 4]} wrap>
              {days.map((d) => <Tag key={d.weekday}>{t(`common.weekday.${d.weekday}`)} {d.start}–{d.end}</Tag>)}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
