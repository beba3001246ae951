import { useQuery } from '@apollo/client/react';
import { Col } from 'antd';
import { MyComplianceCard } from '@/features/compliance';
import { MyComplianceQuery } from './home.operations';

/**
 * A board member's or department head's own days: they are cadres under the same requirement, so their
 * home keeps their progress beside the work of their office (the register button sits in the menu).
 */
export function OwnProgress() {
  const year = new Date().getFullYear();
  const { data, loading } = useQuery(MyComplianceQuery, { variables: { year } });
  return (
    <Col xs={24} lg={12}>
      <MyComplianceCard compliance={data?.myCompliance} year={year} loading={loading && !data} />
    </Col>
  );
}
