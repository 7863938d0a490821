import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { ChannelsCard } from './components/channels-card';
import { DeliveriesCard, type DeliveriesHandle } from './components/deliveries-card';
import { PreferencesCard } from './components/preferences-card';

/** 通知设置: my preferences for everyone; channels and the delivery log for notify.manage. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const canManage = workspace.permissions.includes('notify.manage');
  const deliveries = useRef<DeliveriesHandle>(null);
  return (
    <PageContainer title={t('notifications.settings.title')} description={t('notifications.settings.desc')}>
      <PreferencesCard />
      {canManage && <ChannelsCard onTested={() => deliveries.current?.reload()} />}
      {canManage && <DeliveriesCard ref={deliveries} />}
    </PageContainer>
  );
}
