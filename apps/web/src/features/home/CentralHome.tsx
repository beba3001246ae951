import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, Progress, Statistic, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewerCan } from '@/features/shell';
import type { CentralHomeQuery as CentralHomeData } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { nameCollator } from '@/shared/format/collator';
import { formatDecimal, formatShare } from '@/shared/format/number';
import { CentralHomeQuery } from './home.operations';

type Row = CentralHomeData['centralComparison'][number];

/** A province falls behind when at least half of its subject cadres are behind or at risk. */
const BEHIND_SHARE = 0.5;
const SHOWN_BEHIND = 8;

/** Cadres short of the requirement: at risk or behind while the year runs, not met once it is over. */
const lagging = (r: Row) => (r.subjectCadres > 0 ? (r.atRisk + r.behind + r.notMet) / r.subjectCadres : 0);

/** The provinces as links to their (read-only) dashboard, separated by commas. */
function ProvinceLinks({ rows, year }: { rows: Row[]; year: number }) {
  return (
    <Typography.Paragraph className="home-provinces">
      {rows.map((r, i) => (
        <Fragment key={r.provinceId}>
          {i > 0 && ', '}
          <Link to={`/dashboard?province=${r.provinceId}&year=${year}`}>{r.province.name}</Link>
        </Fragment>
      ))}
    </Typography.Paragraph>
  );
}

/**
 * The central union's home: the year's comparison summed up over the provinces that have figures, the
 * provinces with no figures to compare (no subject cadres, no rule of their own for the year), the
 * provinces falling behind; each leads to the comparison page or the province's dashboard.
 */
export function CentralHome() {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const year = new Date().getFullYear();
  const { data, loading, error } = useQuery(CentralHomeQuery, { variables: { year } });
  const rows = [...(data?.centralComparison ?? [])].sort((a, b) => nameCollator.compare(a.province.name, b.province.name));
  const withRule = new Set(data?.provincesWithRule ?? []);
  // No figures to compare: no subject cadres, or no rule of the province's own; each province in one group.
  const noCadres = (r: Row) => r.subjectCadres === 0;
  const noRule = (r: Row) => !withRule.has(r.provinceId);
  const noData = [
    {
      key: 'both',
      label: t('home.central.noCadresNoRule', { count: rows.filter((r) => noCadres(r) && noRule(r)).length, year }),
      rows: rows.filter((r) => noCadres(r) && noRule(r)),
    },
    {
      key: 'cadres',
      label: t('home.central.noCadres', { count: rows.filter((r) => noCadres(r) && !noRule(r)).length }),
      rows: rows.filter((r) => noCadres(r) && !noRule(r)),
    },
    {
      key: 'rule',
      label: t('home.central.noRule', { count: rows.filter((r) => !noCadres(r) && noRule(r)).length, year }),
      rows: rows.filter((r) => !noCadres(r) && noRule(r)),
    },
  ].filter((group) => group.rows.length > 0);
  const withData = rows.filter((r) => r.hasData);
  const subject = withData.reduce((sum, r) => sum + r.subjectCadres, 0);
  const met = withData.reduce((sum, r) => sum + r.metCount, 0);
  const average = subject > 0 ? withData.reduce((sum, r) => sum + r.averageDays * r.subjectCadres, 0) / subject : 0;
  const behind = withData
    .filter((r) => lagging(r) >= BEHIND_SHARE)
    .sort((a, b) => lagging(b) - lagging(a) || nameCollator.compare(a.province.name, b.province.name));
  const busy = loading && !data;
  const comparison = can?.readCentralComparison ? (
    <Link to={`/central?year=${year}`}>{t('home.central.openComparison')}</Link>
  ) : undefined;

  return (
    <>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      <Col span={24}>
        <Card title={<h2 className="card-title">{t('home.central.summary', { year })}</h2>} extra={comparison} loading={busy}>
          <div className="home-stats">
            <Statistic title={t('home.central.provincesWithData')} value={withData.length} suffix={`/ ${rows.length}`} />
            <Statistic title={t('home.central.subject')} value={subject} />
            <Statistic
              title={t('home.central.metShare')}
              value={subject > 0 ? formatShare(met / subject) : t('home.central.noFigures')}
            />
            <Statistic
              title={t('home.central.average')}
              value={subject > 0 ? formatDecimal(average) : t('home.central.noFigures')}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={<h2 className="card-title">{t('home.central.noData', { year })}</h2>} loading={busy}>
          {noData.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.central.noDataNone')} />
          ) : (
            noData.map(({ key, label, rows: group }) => (
              <section key={key} aria-label={label}>
                <Typography.Text strong type="warning">
                  {label}
                </Typography.Text>
                <ProvinceLinks rows={group} year={year} />
              </section>
            ))
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 className="card-title">{t('home.central.behind')}</h2>}
          extra={behind.length > 0 ? comparison : undefined}
          loading={busy}
        >
          {behind.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.central.behindNone')} />
          ) : (
            <ul className="home-list" aria-label={t('home.central.behind')}>
              {behind.slice(0, SHOWN_BEHIND).map((r) => (
                <li key={r.provinceId} className="home-list__item">
                  <div className="home-list__main">
                    <Link to={`/dashboard?province=${r.provinceId}&year=${year}`} className="home-list__title">
                      {r.province.name}
                    </Link>
                    <Typography.Text type="secondary" className="home-list__meta">
                      {t('home.central.lagging', { count: r.atRisk + r.behind, total: r.subjectCadres })}
                    </Typography.Text>
                  </div>
                  <div className="home-list__side">
                    <Progress
                      percent={Math.round(r.metShare * 100)}
                      size="small"
                      className="home-meter"
                      format={() => t('home.central.met', { share: formatShare(r.metShare) })}
                      aria-label={t('home.central.metOf', { name: r.province.name, share: formatShare(r.metShare) })}
                    />
                  </div>
                </li>
              ))}
              {behind.length > SHOWN_BEHIND && (
                <li className="home-list__item">
                  <Typography.Text type="secondary">
                    {t('home.board.more', { count: behind.length - SHOWN_BEHIND })}
                  </Typography.Text>
                </li>
              )}
            </ul>
          )}
        </Card>
      </Col>
    </>
  );
}
