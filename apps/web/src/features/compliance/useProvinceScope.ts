import { useQuery } from '@apollo/client/react';
import { useSearchParamsMerge } from '@/shared/hooks/useSearchParamsMerge';
import { useViewerCan, type ViewerCan } from '@/features/shell';
import { DashboardViewerQuery, ProvinceOptionsQuery } from './compliance.operations';
import { yearParam } from './complianceScope';
import type { ProvinceChoice } from './ProvincePicker';

/**
 * The province and year a figures page shows, from the address bar: any province for a user whose scope reads
 * every province (the API's `me.can.readEveryProvince`), else their own and its merged predecessors (their
 * own when the address asks for another). `allowed` is the page's own `me.can` entry.
 */
export function useProvinceScope(allowed: (can: ViewerCan) => boolean) {
  const currentYear = new Date().getFullYear();
  const [params, merge] = useSearchParamsMerge();
  const year = yearParam(params.get('year'), currentYear);
  const { can, loading: canLoading } = useViewerCan();
  const mayOpen = !!can && allowed(can);
  const central = !!can?.readEveryProvince;
  const { data: viewerData, loading: viewerLoading } = useQuery(DashboardViewerQuery, { skip: !mayOpen });
  const me = viewerData?.me;
  const provinces = useQuery(ProvinceOptionsQuery, { skip: !mayOpen || !central });
  const own = me?.province;
  const choices: ProvinceChoice[] = central
    ? (provinces.data?.provinces ?? []).map((p) => ({ id: p.id, name: p.name, historical: p.status === 'MERGED' }))
    : own
      ? [
          { id: own.id, name: own.name, historical: false },
          ...own.predecessors.map((p) => ({ id: p.id, name: p.name, historical: true })),
        ]
      : [];
  const requested = Number(params.get('province')) || undefined;
  const provinceId = central ? requested : requested && choices.some((c) => c.id === requested) ? requested : own?.id;
  return {
    /** The page may be opened; `can` is null until the API answered. */
    allowed: mayOpen,
    can,
    /** Still waiting for what the page needs to decide anything. */
    deciding: (canLoading && !can) || (viewerLoading && !me),
    central,
    me,
    currentYear,
    year,
    choices,
    /** The provinces a central user may pick are still loading. */
    choicesLoading: provinces.loading,
    provinceId,
    chosen: choices.find((c) => c.id === provinceId),
    /** Puts a new province or year in the address bar. */
    choose: (next: { province?: number; year?: number }) => merge(next),
  };
}
