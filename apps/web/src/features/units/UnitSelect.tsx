import { useQuery } from '@apollo/client/react';
import { Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { UnitKind } from '@/gql/graphql';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';

/** Units a delegation can visit: everything below the provincial agency and its departments. */
export const HOST_KINDS: UnitKind[] = ['DISTRICT_UNION', 'AFFILIATED_UNION', 'COMMUNE_UNION', 'GRASSROOTS_UNION', 'CHAPTER'];

export const UnitOptionsQuery = graphql(`
  query UnitOptions($search: String, $validOn: LocalDate) {
    units(
      first: 30
      filter: {
        search: $search
        validOn: $validOn
        kinds: [DISTRICT_UNION, AFFILIATED_UNION, COMMUNE_UNION, GRASSROOTS_UNION, CHAPTER]
      }
    ) {
      nodes {
        id
        name
        kind
        remote
        border
        island
        parent {
          id
          name
        }
      }
    }
  }
`);

export interface KnownOption {
  value: string;
  label: string;
}

interface UnitSelectProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Only units valid on this day (the trip's first day). */
  validOn?: string;
  /** Labels for values already chosen, which the current search may not return. */
  known?: readonly KnownOption[];
  /** Tells the names of the units just chosen (a form that keeps a draft shows them again later). */
  onPick?: (picked: KnownOption[]) => void;
  disabled?: boolean;
  'aria-invalid'?: boolean;
}

/** A multiple select of host units; the server searches without diacritics ("da huoai" finds "Đạ Huoai"). */
export function UnitSelect({ id, value, onChange, validOn, known = [], onPick, disabled, ...aria }: UnitSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, loading, previousData } = useQuery(UnitOptionsQuery, {
    variables: { search: debounced || null, validOn: validOn ?? null },
  });
  const nodes = useMemo(() => (data ?? previousData)?.units.nodes ?? [], [data, previousData]);
  const [labels, setLabels] = useState<Record<string, string>>({});

  const options = useMemo(() => {
    const found = nodes.map((u) => {
      const hardship = u.remote || u.border || u.island;
      return {
        value: u.id,
        label: u.name,
        title: u.parent ? `${u.name} – ${u.parent.name}` : u.name,
        render: (
          <span className="unit-option">
            <span>{u.name}</span>
            {u.parent && <span className="unit-option__parent">{u.parent.name}</span>}
            {hardship && (
              <Tag color="volcano" className="unit-option__tag">
                {t('unit.hardship')}
              </Tag>
            )}
          </span>
        ),
      };
    });
    const ids = new Set(found.map((o) => o.value));
    const extra = (value ?? [])
      .filter((v) => !ids.has(v))
      .map((v) => {
        const label = labels[v] ?? known.find((k) => k.value === v)?.label ?? v;
        return { value: v, label, title: label, render: <span>{label}</span> };
      });
    return [...found, ...extra];
  }, [nodes, value, labels, known, t]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      disabled={disabled}
      aria-invalid={aria['aria-invalid']}
      onChange={(next) => {
        // Remember the names of the chosen units: the next search may not return them.
        const picked = options.filter((o) => next.includes(o.value)).map((o) => ({ value: o.value, label: o.label }));
        setLabels((prev) => ({ ...prev, ...Object.fromEntries(picked.map((o) => [o.value, o.label])) }));
        onPick?.(picked);
        setSearch('');
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      options={options}
      optionRender={(option) => options.find((o) => o.value === option.value)?.render ?? option.label}
      placeholder={t('unit.searchPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('unit.notFound')}
      maxCount={20}
    />
  );
}
