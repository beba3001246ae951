import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '@/gql/graphql';

export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = ['MET', 'ON_TRACK', 'AT_RISK', 'BEHIND', 'NOT_MET', 'EXEMPT'];

const COLORS: Record<ComplianceStatus, string> = {
  MET: 'success',
  ON_TRACK: 'processing',
  AT_RISK: 'warning',
  BEHIND: 'volcano',
  NOT_MET: 'error',
  EXEMPT: 'default',
};

export function ComplianceStatusTag({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} className="status-tag">
      {t(`compliance.status.${status}`)}
    </Tag>
  );
}
