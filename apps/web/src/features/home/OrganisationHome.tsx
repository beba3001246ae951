import { useQuery } from '@apollo/client/react';
import { Card, Col, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewerCan } from '@/features/shell';
import { OrganisationHomeQuery } from './home.operations';
import { ProvinceTasks } from './ProvinceTasks';

/**
 * The organisation department's home: its own tasks (the year's rule saved or still the default, the roster's
 * subject and exempt cadres, late reports), then what waits on the board, whose decisions it prepares.
 */
export function OrganisationHome() {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const year = new Date().getFullYear();
  const { data, loading } = useQuery(OrganisationHomeQuery, { variables: { year } });
  const rule = data?.policyRule;
  const figures = data?.provinceCompliance;

  return (
    <>
      <Col xs={24} lg={12}>
        <Card title={<h2 className="card-title">{t('home.org.title')}</h2>} loading={loading && !data}>
          <ul className="home-list" aria-label={t('home.org.title')}>
            {rule && (
              <li className="home-list__item">
                <div className="home-list__main">
                  <span className="home-list__title">{t('home.org.rule', { year })}</span>
                  <Typography.Text type="secondary" className="home-list__meta">
                    {rule.version === 0 ? t('home.org.ruleDefault') : t('home.org.ruleSet', { days: rule.requiredDays })}
                  </Typography.Text>
                </div>
                <div className="home-list__side">
                  {rule.version === 0 ? (
                    <Tag color="warning">{t('home.org.ruleMissing')}</Tag>
                  ) : (
                    <Tag color="success">{t('home.org.ruleSaved')}</Tag>
                  )}
                  {can?.editRules && <Link to="/organisation/rules">{t('home.org.openRules')}</Link>}
                </div>
              </li>
            )}
            {figures && (
              <li className="home-list__item">
                <div className="home-list__main">
                  <span className="home-list__title">{t('home.org.roster')}</span>
                  <Typography.Text type="secondary" className="home-list__meta">
                    {t('home.org.subject', {
                      agency: `${figures.agencyStaff.count}/${figures.agencyStaff.total}`,
                      executive: `${figures.executiveMembers.count}/${figures.executiveMembers.total}`,
                    })}
                  </Typography.Text>
                </div>
                <div className="home-list__side">
                  <Tag>{t('home.org.exempt', { count: figures.exempt })}</Tag>
                  {can?.manageRoster && <Link to="/organisation/roster">{t('home.org.openRoster')}</Link>}
                </div>
              </li>
            )}
            {figures && (
              <li className="home-list__item">
                <div className="home-list__main">
                  <span className="home-list__title">{t('home.org.overdueReports')}</span>
                </div>
                <div className="home-list__side">
                  <Tag color={figures.overdueReports > 0 ? 'error' : 'success'}>
                    {t('home.org.overdueCount', { count: figures.overdueReports })}
                  </Tag>
                  {can?.readDashboard && <Link to="/dashboard">{t('home.board.openDashboard')}</Link>}
                </div>
              </li>
            )}
          </ul>
        </Card>
      </Col>
      <ProvinceTasks />
    </>
  );
}
