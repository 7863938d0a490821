import { useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchScopes, listTokens, revokeToken } from './api';
import { CreateTokenModal } from './components/create-token-modal';
import { TokensTable } from './components/tokens-table';
import { PageContainer } from '../../../components/page-container';
import { OneTimeSecretModal } from '../../../components/one-time-secret-modal';
import { useWorkspace } from '../../../app/session';
import type { ApiToken } from '../../../api/types';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';

/** Newest first, revoked ones last. */
function sortTokens(items: ApiToken[]): ApiToken[] {
  return [...items].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt));
}

export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const tokens = useAsync(() => listTokens(workspace.id).then((r) => sortTokens(r.items)), [workspace.id]);
  const scopes = useAsync(() => fetchScopes().then((r) => r.scopes), []);
  const [createOpen, setCreateOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const onCreated = (token: ApiToken, value: string) => {
    setCreateOpen(false);
    tokens.setData((prev = []) => sortTokens([token, ...prev]));
    setSecret(value);
  };

  const onRevoke = async (token: ApiToken) => {
    setBusyId(token.id);
    try {
      await revokeToken(workspace.id, token.id);
      message.success(t('tokens.revoke.success'));
      await tokens.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <PageContainer
      title={t('tokens.title')}
      description={t('tokens.desc')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} disabled={!scopes.data} data-testid="tokens-create">
          {t('tokens.create')}
        </Button>
      }
    >
      {tokens.error || scopes.error ? <Alert type="error" showIcon message={errorText(tokens.error ?? scopes.error)} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <TokensTable
          tokens={tokens.data ?? []}
          loading={tokens.loading}
          timeZone={workspace.timeZone}
          busyId={busyId}
          onRevoke={(tk) => void onRevoke(tk)}
        />
      </Card>
      <CreateTokenModal
        open={createOpen}
        workspaceId={workspace.id}
        timeZone={workspace.timeZone}
        scopes={scopes.data ?? []}
        allowed={workspace.permissions}
        onClose={() => setCreateOpen(false)}
        onCreated={onCreated}
      />
      <OneTimeSecretModal
        open={!!secret}
        testId="token-secret"
        title={t('tokens.secret.title')}
        description={t('tokens.secret.desc')}
        secret={secret ?? ''}
        footnote={t('tokens.secret.usage')}
        doneText={t('tokens.secret.done')}
        onDone={() => setSecret(null)}
      />
    </PageContainer>
  );
}
