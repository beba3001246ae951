import { useQuery } from '@apollo/client/react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/gql/graphql';
import { CadreSelect } from '@/features/roster';
import { UnitOptionsQuery } from '@/features/units';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useOrgTranslation } from './orgI18n';
import { byLastName, fieldsNamed } from '@/shared/forms/serverErrors';
import { useClearable } from '@/shared/forms/useClearable';

/** The roles a province creates accounts for; central accounts are made by the central union. */
export const PROVINCE_ROLES = ['CADRE', 'DEPARTMENT_HEAD', 'STANDING_BOARD', 'PROVINCE_ADMIN', 'HOST_UNIT'] as const;

/** Cadre and department head accounts belong to a cadre of the roster; host units to a grassroots unit. */
const CADRE_REQUIRED: readonly Role[] = ['CADRE', 'DEPARTMENT_HEAD'];

export interface AccountFormValues {
  role: Role;
  fullName: string;
  username: string;
  password: string;
  cadreId?: string;
  unitId?: string;
}

const FIELD_OF = fieldsNamed('role', 'fullName', 'username', 'password', 'cadreId', 'unitId');
const fieldOf = (last: string) => FIELD_OF([last]);

interface AccountFormModalProps {
  open: boolean;
  onClose: () => void;
  onSaved: (fullName: string) => void;
  /** Runs the creation (the page refetches its list afterwards). */
  create: (input: AccountFormValues) => Promise<void>;
}

/** Creates an account: its role, name, sign-in name, first password, and the cadre or unit it acts for. */
export function AccountFormModal({ open, onClose, onSaved, create }: AccountFormModalProps) {
  const { t } = useOrgTranslation();
  const [form] = Form.useForm<AccountFormValues>();
  const role = Form.useWatch('role', form);
  const hostUnit = role === 'HOST_UNIT';

  const onSubmit = async (values: AccountFormValues) => {
    await create(values);
    onSaved(values.fullName.trim());
  };

  return (
    <FormDialog<AccountFormValues>
      title={t('org.account.newTitle')}
      okText={t('org.account.add')}
      width={640}
      submitOnEnter
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ role: 'CADRE', fullName: '', username: '', password: '' }}
      onSubmit={onSubmit}
      fieldOf={byLastName(fieldOf)}
    >
      <Form.Item label={t('org.account.role')} name="role" rules={[{ required: true, message: t('org.account.roleRequired') }]}>
        <Select
          options={PROVINCE_ROLES.map((r) => ({ value: r, label: <RoleLabel role={r} /> }))}
          onChange={() => form.setFieldsValue({ cadreId: undefined, unitId: undefined })}
        />
      </Form.Item>
      {hostUnit ? (
        <Form.Item
          label={t('org.account.unit')}
          name="unitId"
          extra={t('org.account.unitHelp')}
          rules={[{ required: true, message: t('org.account.unitRequired') }]}
        >
          <SingleUnitSelect />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('org.account.cadre')}
          name="cadreId"
          extra={t('org.account.cadreHelp')}
          rules={[{ required: CADRE_REQUIRED.includes(role ?? 'CADRE'), message: t('org.account.cadreRequired') }]}
        >
          <CadreSelect multiple={false} />
        </Form.Item>
      )}
      <Form.Item
        label={t('org.account.fullName')}
        name="fullName"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('org.account.fullNameRequired') },
          { max: 120, message: t('org.tooLong', { max: 120 }) },
        ]}
      >
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.account.username')}
            name="username"
            validateFirst
            extra={t('org.account.usernameHelp')}
            rules={[
              { required: true, message: t('org.account.usernameRequired') },
              { pattern: /^[a-z0-9.-]{3,64}$/, message: t('org.account.usernameFormat') },
            ]}
          >
            <Input maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.account.password')}
            name="password"
            validateFirst
            extra={t('org.account.passwordHelp')}
            rules={[
              { required: true, message: t('org.account.passwordRequired') },
              { min: 8, message: t('org.account.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

function RoleLabel({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <>{t(`role.${role}`)}</>;
}

interface SingleUnitSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-invalid'?: boolean;
}

/** One grassroots unit of the province, searched without diacritics. */
function SingleUnitSelect({ id, value, onChange, ...aria }: SingleUnitSelectProps) {
  const clearable = useClearable();
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading } = useQuery(UnitOptionsQuery, { variables: { search: debounced || null } });
  const nodes = (data ?? previousData)?.units.nodes ?? [];
  // The chosen unit keeps its name when a later search no longer returns it.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = nodes.map((u) => ({ value: u.id, label: u.parent ? `${u.name} – ${u.parent.name}` : u.name }));
  if (value && chosen?.value === value && !options.some((o) => o.value === value)) options.push(chosen);
  return (
    <Select<string>
      id={id}
      value={value}
      allowClear={clearable}
      aria-invalid={aria['aria-invalid']}
      onChange={(next) => {
        const option = options.find((o) => o.value === next);
        setChosen(option ?? null);
        setSearch('');
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      options={options}
      placeholder={t('unit.searchPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('unit.notFound')}
    />
  );
}
