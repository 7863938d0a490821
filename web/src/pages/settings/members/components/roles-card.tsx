import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../../api/types';
import { ROLE_COLORS } from './role-colors';

/** What each role is for, after the manuals' organisation, with the size of its permission set. */
export function RolesCard({ roles }: { roles: RoleInfo[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('members.roles.title')} size="small">
      <Row gutter={[16, 12]}>
        {roles.map((r) => (
          <Col key={r.key} xs={24} md={12} xl={6}>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              <div>
                <Tag color={ROLE_COLORS[r.key]}>{t(`common.role.${r.key}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('members.roles.permissions', { count: r.permissions.length })}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t(`members.roleDesc.${r.key}`)}</Typography.Text>
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
