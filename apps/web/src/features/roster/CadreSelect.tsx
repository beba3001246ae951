import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import type { KnownOption } from '@/features/units';

export const CadreOptionsQuery = graphql(`
  query CadreOptions($search: String) {
    cadres(first: 30, filter: { search: $search }) {
      nodes {
        id
        fullName
        position
        department {
          id
          name
        }
      }
    }
  }
`);

interface CadreSelectProps<Multiple extends boolean> {
  id?: string;
  multiple: Multiple;
  value?: Multiple extends true ? string[] : string;
  onChange?: (value: Multiple extends true ? string[] : string) => void;
  known?: readonly KnownOption[];
  /** Tells the names of the cadres just chosen (a form that keeps a draft shows them again later). */
  onPick?: (picked: KnownOption[]) => void;
  /** Cadres that cannot be picked here (the lead, among the members). */
  exclude?: readonly string[];
  disabled?: boolean;
  'aria-invalid'?: boolean;
}

/** Searches the province's cadres by name, with or without diacritics. */
export function CadreSelect<Multiple extends boolean>({
  id,
  multiple,
  value,
  onChange,
  known = [],
  onPick,
  exclude = [],
  disabled,
  ...aria
}: CadreSelectProps<Multiple>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading } = useQuery(CadreOptionsQuery, {
    variables: { search: debounced || null },
    skip: disabled,
  });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const nodes = useMemo(() => (data ?? previousData)?.cadres.nodes ?? [], [data, previousData]);
  const chosen = useMemo((): string[] => {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }, [value]);

  const options = useMemo(() => {
    const found = nodes
      .filter((c) => !exclude.includes(c.id))
      .map((c) => ({
        value: c.id,
        label: c.fullName,
        detail: [c.position, c.department?.name].filter(Boolean).join(' · '),
      }));
    const ids = new Set(found.map((o) => o.value));
    const extra = chosen
      .filter((v) => !ids.has(v))
      .map((v) => ({ value: v, label: labels[v] ?? known.find((k) => k.value === v)?.label ?? v, detail: '' }));
    return [...found, ...extra];
  }, [nodes, exclude, chosen, labels, known]);

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      disabled={disabled}
      aria-invalid={aria['aria-invalid']}
      onChange={(next: string | string[], picked) => {
        const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
        const names = list.map((o) => ({ value: String(o.value), label: String(o.label) }));
        setLabels((prev) => ({ ...prev, ...Object.fromEntries(names.map((o) => [o.value, o.label])) }));
        onPick?.(names);
        setSearch('');
        onChange?.(next as Multiple extends true ? string[] : string);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      options={options}
      optionRender={(option) => {
        const detail = options.find((o) => o.value === option.value)?.detail;
        return (
          <span className="cadre-option">
            <span>{option.label}</span>
            {detail && <span className="cadre-option__detail">{detail}</span>}
          </span>
        );
      }}
      placeholder={t('cadre.searchPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('cadre.notFound')}
      maxCount={multiple ? 30 : undefined}
    />
  );
}
