import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitOptionsQuery, type KnownOption } from '@/features/units';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';

interface UnitPickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** Labels for units the current search may not return (the inspected unit). */
  known?: readonly KnownOption[];
  disabled?: boolean;
  'aria-invalid'?: boolean;
}

/** One grassroots unit, searched by the server without diacritics. */
export function UnitPicker({ id, value, onChange, known = [], disabled, ...aria }: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading } = useQuery(UnitOptionsQuery, {
    variables: { search: debounced || null, validOn: null },
    skip: disabled,
  });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const nodes = useMemo(() => (data ?? previousData)?.units.nodes ?? [], [data, previousData]);

  const options = useMemo(() => {
    const found = nodes.map((u) => ({ value: u.id, label: u.name, parent: u.parent?.name }));
    const ids = new Set(found.map((o) => o.value));
    const extra = [...known.filter((k) => !ids.has(k.value)).map((k) => ({ ...k, parent: undefined }))];
    if (value && !ids.has(value) && !extra.some((o) => o.value === value)) {
      extra.push({ value, label: labels[value] ?? value, parent: undefined });
    }
    return [...extra, ...found];
  }, [nodes, known, value, labels]);

  return (
    <Select<string>
      id={id}
      value={value}
      disabled={disabled}
      aria-invalid={aria['aria-invalid']}
      onChange={(next) => {
        const label = options.find((o) => o.value === next)?.label;
        if (label) setLabels((prev) => ({ ...prev, [next]: label }));
        setSearch('');
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      options={options}
      optionRender={(option) => {
        const parent = options.find((o) => o.value === option.value)?.parent;
        return (
          <span className="unit-option">
            <span>{option.label}</span>
            {parent && <span className="unit-option__parent">{parent}</span>}
          </span>
        );
      }}
      placeholder={t('unit.searchPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('unit.notFound')}
    />
  );
}
