import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { nameCollator } from '@/shared/format/collator';

export const AccountCard_viewer = graphql(`
  fragment AccountCard_viewer on User {
    id
    username
    fullName
    role
    province {
      id
      name
      kind
      predecessors {
        id
        name
      }
    }
  }
`);

interface AccountCardProps {
  viewer: FragmentType<typeof AccountCard_viewer> | undefined;
  loading: boolean;
}

export function AccountCard({ viewer: viewerRef, loading }: AccountCardProps) {
  const { t } = useTranslation();
  const viewer = getFragmentData(AccountCard_viewer, viewerRef);
  const province = viewer?.province;
  const predecessors = province?.predecessors
    .map((p) => p.name)
    .sort(nameCollator.compare)
    .join(', ');

  return (
    <Card title={<h2 className="card-title">{t('account.title')}</h2>} loading={loading}>
      {viewer && (
        <Descriptions column={1} size="small" colon={false} className="account">
          <Descriptions.Item label={t('account.fullName')}>{viewer.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('account.username')}>{viewer.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.role')}>{t(`role.${viewer.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('account.province')}>
            {province ? `${t(`province.kind.${province.kind}`)} ${province.name}` : t('account.nationwide')}
          </Descriptions.Item>
          {predecessors && <Descriptions.Item label={t('account.inherits')}>{predecessors}</Descriptions.Item>}
        </Descriptions>
      )}
    </Card>
  );
}
