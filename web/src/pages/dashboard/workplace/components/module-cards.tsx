import { Card, Col, Row, Typography, theme } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { modules } from '../../../../app/modules';
import { useAccess } from '../../../../app/session';

/** One card per module the current role may open — nothing that does not exist yet. */
export function ModuleCards() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const access = useAccess();
  const navigate = useNavigate();
  const visible = modules.filter((m) => m.descKey && (!m.access || access[m.access]));

  return (
    <Card title={t('dashboard.modules')} extra={<Typography.Text type="secondary">{t('dashboard.modules.desc')}</Typography.Text>}>
      <Row gutter={[16, 16]}>
        {visible.map((m) => (
          <Col key={m.key} xs={24} sm={12} xl={8}>
            <Card
              hoverable
              size="small"
              onClick={() => navigate(m.path)}
              data-testid={`dashboard-card-${m.key}`}
              styles={{ body: { display: 'flex', alignItems: 'center', gap: 14, padding: 16 } }}
            >
              <div style={{ width: 44, height: 44, borderRadius: 10, display: 'grid', placeItems: 'center', flex: 'none',
                fontSize: 20, color: token.colorPrimary, background: token.colorPrimaryBg }}>
                {m.icon}
              </div>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{t(m.labelKey)}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis style={{ margin: 0, fontSize: 13 }}>{t(m.descKey!)}</Typography.Paragraph>
              </div>
              <RightOutlined style={{ color: token.colorTextQuaternary }} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
