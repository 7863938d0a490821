import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { useAsync } from '../../../../utils/use-async';
import { formatInZone } from '../../../../utils/time';
import { addWords, fetchDictionary, removeWord, type DictionaryWord } from '../api';

/** 词典: brand and product names, slang — kept whole by the segmenter. Editing needs text.manage. */
export function DictionaryCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const canManage = workspace.permissions.includes('text.manage');
  const dict = useAsync(() => fetchDictionary(workspace.id), [workspace.id]);
  const [words, setWords] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const list = [...new Set(words.split(/[\s,，、;；]+/).map((w) => w.trim()).filter(Boolean))];
    if (list.length === 0) return;
    setBusy(true);
    try {
      const { added } = await addWords(workspace.id, list, note.trim() || undefined);
      message.success(t('text.dictionary.added', { count: added.length }));
      setWords('');
      setNote('');
      await dict.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (word: string) => {
    try {
      await removeWord(workspace.id, word);
      message.success(t('text.dictionary.removed', { word }));
      dict.setData((prev) => ({ items: (prev?.items ?? []).filter((w) => w.word !== word) }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Card title={t('text.dictionary.title')} data-testid="text-dictionary" extra={<Typography.Text type="secondary">{t('text.dictionary.count', { count: dict.data?.items.length ?? 0 })}</Typography.Text>}>
      <Typography.Paragraph type="secondary">{t('text.dictionary.desc')}</Typography.Paragraph>
      {canManage && (
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Input
            data-testid="dictionary-words" value={words} onChange={(e) => setWords(e.target.value)} onPressEnter={() => void add()}
            placeholder={t('text.dictionary.wordsPlaceholder')} style={{ flex: 2 }}
          />
          <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('text.dictionary.notePlaceholder')} style={{ flex: 1 }} maxLength={200} />
          <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={() => void add()} data-testid="dictionary-add">{t('common.action.add')}</Button>
        </Space.Compact>
      )}
      {dict.error ? <Alert type="error" showIcon message={errorText(dict.error)} /> : (
        <Table<DictionaryWord>
          rowKey="word" size="small" loading={dict.loading} dataSource={dict.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('text.dictionary.empty')} /> }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('text.dictionary.col.word'), dataIndex: 'word', render: (w: string) => <Typography.Text strong>{w}</Typography.Text> },
            { title: t('text.dictionary.col.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
            { title: t('text.dictionary.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatInZone(d, workspace.timeZone) },
            ...(canManage ? [{
              title: t('common.label.operations'), key: 'op', width: 90,
              render: (_: unknown, r: DictionaryWord) => (
                <Popconfirm title={t('text.dictionary.confirmRemove', { word: r.word })} onConfirm={() => remove(r.word)}>
                  <Button type="link" size="small" danger>{t('common.action.remove')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]}
        />
      )}
    </Card>
  );
}
