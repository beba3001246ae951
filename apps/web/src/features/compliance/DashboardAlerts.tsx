import { useQuery } from '@apollo/client/react';
import { Alert, Card, List, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLocalDate } from '@/shared/format/date';
import { DashboardAlertsQuery } from './compliance.operations';

interface DashboardAlertsProps {
  year: number;
  provinceId: number;
  /** Changes when the province's figures changed live: the alerts are read again. */
  freshAt: number | null;
}

interface AlertItem {
  key: string;
  type: 'warning' | 'error';
  title: string;
  details: Array<{ key: string; content: React.ReactNode }>;
}

/** Overdue reports, late registrations, overlapping topics, overloaded hosts, overdue recommendations. */
export function DashboardAlerts({ year, provinceId, freshAt }: DashboardAlertsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DashboardAlertsQuery, {
    variables: { year, provinceId, from: `${year}-01-01`, to: `${year}-12-31` },
  });
  useEffect(() => {
    if (freshAt !== null) void refetch();
  }, [freshAt, refetch]);

  const items: AlertItem[] = [];
  if (data) {
    const figures = data.provinceCompliance;
    if (figures.overdueReports > 0) {
      items.push({
        key: 'reports',
        type: 'error',
        title: t('compliance.alerts.overdueReports', { count: figures.overdueReports }),
        details: [],
      });
    }
    if (figures.lateTrips > 0) {
      items.push({
        key: 'late',
        type: 'warning',
        title: t('compliance.alerts.lateTrips', { count: figures.lateTrips }),
        details: [],
      });
    }
    if (data.topicOverlaps.length > 0) {
      items.push({
        key: 'topics',
        type: 'warning',
        title: t('compliance.alerts.topicOverlaps', { count: data.topicOverlaps.length }),
        details: data.topicOverlaps.slice(0, 5).map((o) => ({
          key: `${o.tripA}-${o.tripB}`,
          content: (
            <>
              {t('compliance.alerts.quarter', { quarter: o.quarter })}: <Link to={`/trips/${o.tripA}`}>{o.titleA}</Link>
              {o.departmentA ? ` (${o.departmentA})` : ''} — <Link to={`/trips/${o.tripB}`}>{o.titleB}</Link>
              {o.departmentB ? ` (${o.departmentB})` : ''}
            </>
          ),
        })),
      });
    }
    if (data.hostLoad.length > 0) {
      items.push({
        key: 'hosts',
        type: 'warning',
        title: t('compliance.alerts.overloadedHosts', { count: data.hostLoad.length }),
        details: data.hostLoad.slice(0, 5).map((h) => ({
          key: `${h.unitId}-${h.periodStart}`,
          content: t('compliance.alerts.hostWeek', {
            unit: h.unitName,
            week: formatLocalDate(h.periodStart),
            count: h.delegations,
          }),
        })),
      });
    }
    if (data.recommendations.totalCount > 0) {
      items.push({
        key: 'recommendations',
        type: 'error',
        title: t('compliance.alerts.overdueRecommendations', { count: data.recommendations.totalCount }),
        details: data.recommendations.nodes.map((r) => ({
          key: r.id,
          content: `${r.unit.name}: ${r.text}${r.dueOn ? ` — ${t('compliance.alerts.due', { date: formatLocalDate(r.dueOn) })}` : ''}`,
        })),
      });
    }
  }

  return (
    <Card title={<h2 className="card-title">{t('compliance.alerts.title')}</h2>} data-testid="alerts">
      {error ? (
        <Alert type="error" showIcon title={t('compliance.alerts.unavailable')} />
      ) : loading && !data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Typography.Text type="success">{t('compliance.alerts.none')}</Typography.Text>
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item key={item.key}>
              <Alert
                className="dashboard-alert"
                type={item.type}
                showIcon
                title={item.title}
                description={
                  item.details.length > 0 ? (
                    <ul className="dashboard-alert__details">
                      {item.details.map((d) => (
                        <li key={d.key}>{d.content}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
