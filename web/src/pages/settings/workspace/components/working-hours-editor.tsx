import { Button, Switch, TimePicker, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkingHours } from '../../../../api/types';
import { dayjs } from '../../../../utils/time';

type Day = WorkingHours['days'][number];

interface Props {
  value?: Day[];
  onChange?: (value: Day[]) => void;
  disabled?: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const FORMAT = 'HH:mm';

export const WEEKDAY_PRESET: Day[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));

/** Validator for the form: every enabled day starts before it ends. */
export function validWorkingDays(days: Day[] | undefined): boolean {
  return (days ?? []).every((d) => d.start < d.end);
}

/** One row per weekday: on/off and a start–end range. Days that are off are left out of the value. */
export function WorkingHoursEditor({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const byDay = new Map(value.map((d) => [d.weekday, d]));

  const emit = (next: Map<number, Day>) => onChange?.([...next.values()].sort((a, b) => a.weekday - b.weekday));

  const toggle = (weekday: number, on: boolean) => {
    const next = new Map(byDay);
    if (on) next.set(weekday, { weekday, start: '09:00', end: '18:00' });
    else next.delete(weekday);
    emit(next);
  };

  const setRange = (weekday: number, start: string, end: string) => {
    const next = new Map(byDay);
    next.set(weekday, { weekday, start, end });
    emit(next);
  };

  return (
    <div data-testid="working-hours-editor">
      {WEEKDAYS.map((weekday) => {
        const day = byDay.get(weekday);
        const invalid = day && day.start >= day.end;
        return (
          <div key={weekday} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '8px 0', minHeight: 48, boxSizing: 'border-box',
            borderBottom: `1px dashed ${token.colorBorderSecondary}` }}>
            <Typography.Text strong style={{ width: 48 }}>{t(`common.weekday.${weekday}`)}</Typography.Text>
            <Switch
              checked={!!day}
              disabled={disabled}
              onChange={(on) => toggle(weekday, on)}
              checkedChildren={t('settings.workspace.workingHours.workday')}
              unCheckedChildren={t('settings.workspace.workingHours.dayOff')}
              style={{ minWidth: 64 }}
            />
            {day ? (
              <TimePicker.RangePicker
                format={FORMAT}
                minuteStep={5}
                allowClear={false}
                disabled={disabled}
                status={invalid ? 'error' : undefined}
                value={[dayjs(day.start, FORMAT), dayjs(day.end, FORMAT)]}
                order={false}
                placeholder={[t('settings.workspace.workingHours.start'), t('settings.workspace.workingHours.end')]}
                onChange={(range) => {
                  if (range?.[0] && range[1]) setRange(weekday, range[0].format(FORMAT), range[1].format(FORMAT));
                }}
              />
            ) : (
              <Typography.Text type="secondary">{t('settings.workspace.workingHours.dayOff')}</Typography.Text>
            )}
            {invalid && <Typography.Text type="danger">{t('settings.workspace.workingHours.invalid')}</Typography.Text>}
          </div>
        );
      })}
      {!disabled && (
        <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => onChange?.(WEEKDAY_PRESET)}>
          {t('settings.workspace.workingHours.presetWeekdays')}
        </Button>
      )}
    </div>
  );
}
