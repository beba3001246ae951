import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { nameCollator } from '@/shared/format/collator';

export interface ProvinceChoice {
  id: number;
  name: string;
  /** A province merged away: its records are history, read only. */
  historical: boolean;
}

interface ProvincePickerProps {
  id: string;
  choices: readonly ProvinceChoice[];
  value: number | undefined;
  onChange: (id: number) => void;
  loading?: boolean;
}

export function ProvincePicker({ id, choices, value, onChange, loading = false }: ProvincePickerProps) {
  const { t } = useTranslation();
  const options = [...choices]
    .sort((a, b) => Number(a.historical) - Number(b.historical) || nameCollator.compare(a.name, b.name))
    .map((c) => ({
      value: c.id,
      label: c.historical ? t('compliance.historical', { name: c.name }) : c.name,
    }));
  return (
    <Select<number>
      id={id}
      className="picker picker--province"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('compliance.pickProvince')}
      loading={loading}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
