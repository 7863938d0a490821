import { useMemo } from 'react';
import { Select } from 'antd';
import { timeZones, utcOffsetLabel } from '../../../../utils/time';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
}

/** IANA time zones, searchable, with their current UTC offset. */
export function TimeZoneSelect({ value, onChange, disabled }: Props) {
  const options = useMemo(() => timeZones().map((zone) => ({
    value: zone,
    label: `${zone} (${utcOffsetLabel(zone)})`,
  })), []);
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={options}
      optionFilterProp="label"
      style={{ maxWidth: 360 }}
      data-testid="workspace-timezone"
    />
  );
}
