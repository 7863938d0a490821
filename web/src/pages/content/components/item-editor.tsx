import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, List, Row, Select, Space, Tag } from 'antd';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import {
  cancelItem, complianceCheck, createItem, getItem, preview, scheduleItem, submitItem, unscheduleItem, updateItem,
  type Account, type Finding, type ItemWithVariants, type Member, type Preview,
} from '../api';
import { PhonePreview } from './phone-preview';
import { UnderlinedText } from './underlined-text';
import { VariantStates } from './variant-states';

const THEMES = ['brand', 'product', 'industry', 'interactive', 'trending'];
const FORMATS = ['图文', '短视频', '直播', '长图', '长文', '笔记', '话题'];
const CHECKED = new Set(['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin']);

interface Props {
  open: boolean; itemId: string | null; defaultDate?: string; accounts: Account[]; members: Member[];
  onClose: () => void; onSaved: () => void;
}

/** The editor: plan fields, the master copy with live compliance underlines, the copy checklist and a phone preview per platform. */
export function ItemEditor({ open, itemId, defaultDate, accounts, members, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const tz = workspace.timeZone;
  const canSchedule = workspace.permissions.includes('content.schedule');
  const [form] = Form.useForm();
  const [current, setCurrent] = useState<ItemWithVariants | null>(null);
  const [live, setLive] = useState<Preview | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const text: string = Form.useWatch('text', form) ?? '';
  const accountIds: string[] = Form.useWatch('accountIds', form) ?? [];
  const chosen: string[] = Form.useWatch('platforms', form) ?? [];
  const platforms = [...new Set([...chosen, ...accountIds.map((id) => accounts.find((a) => a.id === id)?.platform).filter((p): p is string => !!p)])];

  useEffect(() => {
    if (!open) return;
    setCurrent(null);
    form.resetFields();
    if (!itemId) {
      form.setFieldsValue({ when: defaultDate ? `${defaultDate}T10:00` : '', accountIds: [], themeClass: 'product' });
      return;
    }
    void getItem(workspace.id, itemId).then((r) => {
      setCurrent(r);
      const i = r.item;
      form.setFieldsValue({
        ...i, when: i.date ? `${i.date}T${i.time}` : '', ownerId: i.owner?.id, factOwnerId: i.factOwner?.id, text: i.master.text, title: i.master.title, hashtags: i.master.hashtags,
      });
    }, (err) => message.error(errorText(err)));
  }, [open, itemId]);

  // Debounced live checks as the author types: the adapted preview per platform and the compliance findings.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      const hashtags: string[] = form.getFieldValue('hashtags') ?? [];
      if (platforms.length) void preview(workspace.id, { text, hashtags }, platforms).then(setLive, () => {});
      const p = platforms.find((x) => CHECKED.has(x)) ?? 'weibo';
      if (text.trim()) void complianceCheck(workspace.id, { text, platform: p }).then((r) => setFindings(r.findings), () => setFindings([]));
      else setFindings([]);
    }, 400);
    return () => clearTimeout(timer);
  }, [open, text, platforms.join()]);

  const act = async (run: () => Promise<ItemWithVariants>, done: string) => {
    try {
      const r = await run();
      setCurrent(r);
      message.success(done);
      onSaved();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      topic: v.topic, platforms: v.platforms ?? [], plannedAt: v.when ? DateTime.fromISO(v.when, { zone: tz }).toUTC().toISO() : null, accountIds: v.accountIds ?? [],
      themeClass: v.themeClass ?? null, format: v.format ?? null, goal: v.goal ?? null, ownerId: v.ownerId ?? null, factOwnerId: v.factOwnerId ?? null, publishWhenApproved: v.publishWhenApproved ?? false, summary: v.summary ?? null,
      mediaNotes: v.mediaNotes ?? null, engagementPrompt: v.engagementPrompt ?? null, notes: v.notes ?? null,
      expectedExposure: v.expectedExposure ?? null, expectedInteractions: v.expectedInteractions ?? null,
      master: { text: v.text ?? '', title: v.title ?? null, hashtags: v.hashtags ?? [] },
    };
    await act(() => (current ? updateItem(workspace.id, current.item.id, body) : createItem(workspace.id, body)), t('content.editor.saved'));
  };

  const status = current?.item.status;
  const id = current?.item.id;
  return (
    <Drawer open={open} onClose={onClose} width={1100} title={current ? current.item.topic : t('content.editor.new')} destroyOnClose
      extra={<Space>
        {status ? <Tag data-testid="editor-status">{label('contentStatus', status)}</Tag> : null}
        <Button type="primary" onClick={() => void save()} data-testid="editor-save">{t('content.editor.save')}</Button>
        {id && (status === 'draft' || status === 'idea' || status === 'in_review') ? <Button data-testid="editor-submit" onClick={() => void act(() => submitItem(workspace.id, id), t('content.editor.submitted'))}>{t('content.editor.submit')}</Button> : null}
        {id && canSchedule && (status === 'approved' || status === 'in_review') ? <Button data-testid="editor-schedule" onClick={() => void act(() => scheduleItem(workspace.id, id, DateTime.fromISO(form.getFieldValue('when'), { zone: tz }).toUTC().toISO()!), t('content.editor.scheduled'))}>{t('content.editor.schedule')}</Button> : null}
        {id && canSchedule && status === 'scheduled' ? <Button onClick={() => void act(() => unscheduleItem(workspace.id, id), t('content.editor.unscheduled'))}>{t('content.editor.unschedule')}</Button> : null}
        {id && status !== 'published' && status !== 'cancelled' ? <Button danger onClick={() => void act(() => cancelItem(workspace.id, id), t('content.editor.cancelled'))}>{t('content.editor.cancel')}</Button> : null}
      </Space>}>
      <Form form={form} layout="vertical" data-testid="content-editor">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="topic" label={t('content.field.topic')} rules={[{ required: true }]}><Input data-testid="editor-topic" /></Form.Item>
            <Form.Item name="when" label={t('content.field.plannedAt')}><Input type="datetime-local" /></Form.Item>
            <Form.Item name="accountIds" label={t('content.field.accounts')}>
              <Select mode="multiple" optionFilterProp="label" data-testid="editor-accounts" options={accounts.map((a) => ({ value: a.id, label: `${label('platform', a.platform)} · ${a.displayName}` }))} />
            </Form.Item>
            <Form.Item name="platforms" label={t('content.field.platform')}>
              <Select mode="multiple" options={[...new Set([...CHECKED, ...chosen])].map((p) => ({ value: p, label: label('platform', p) }))} />
            </Form.Item>
            <Space.Compact block>
              <Form.Item name="themeClass" label={t('content.field.themeClass')} style={{ width: '50%' }}><Select options={THEMES.map((x) => ({ value: x, label: label('theme', x) }))} /></Form.Item>
              <Form.Item name="format" label={t('content.field.format')} style={{ width: '50%' }}><Select options={FORMATS.map((x) => ({ value: x, label: label('format', x) }))} /></Form.Item>
            </Space.Compact>
            <Form.Item name="goal" label={t('content.field.goal')}><Input /></Form.Item>
            <Space.Compact block>
              <Form.Item name="ownerId" label={t('content.field.owner')} style={{ width: '50%' }}><Select allowClear options={members.map((m) => ({ value: m.userId, label: m.name }))} /></Form.Item>
              <Form.Item name="factOwnerId" label={t('editorExtra.factOwner')} tooltip={t('editorExtra.factOwner.hint')} style={{ width: '50%' }}>
                <Select allowClear data-testid="editor-fact-owner" placeholder={t('editorExtra.factOwner.placeholder')} options={members.map((m) => ({ value: m.userId, label: m.name }))} />
              </Form.Item>
            </Space.Compact>
            {canSchedule ? (
              <Form.Item name="publishWhenApproved" valuePropName="checked" tooltip={t('editorExtra.publishWhenApproved.hint')}>
                <Checkbox data-testid="editor-publish-when-approved">{t('editorExtra.publishWhenApproved')}</Checkbox>
              </Form.Item>
            ) : null}
            <Form.Item name="summary" label={t('content.field.summary')}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="mediaNotes" label={t('content.field.mediaNotes')}><Input /></Form.Item>
            <Form.Item name="engagementPrompt" label={t('content.field.engagementPrompt')}><Input /></Form.Item>
            <Space>
              <Form.Item name="expectedExposure" label={t('content.field.expectedExposure')}><InputNumber min={0} /></Form.Item>
              <Form.Item name="expectedInteractions" label={t('content.field.expectedInteractions')}><InputNumber min={0} /></Form.Item>
            </Space>
            <Form.Item name="notes" label={t('content.field.notes')}><Input /></Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="title" label={t('content.field.title')}><Input /></Form.Item>
            <Form.Item name="text" label={t('content.field.text')}><Input.TextArea rows={6} data-testid="editor-text" /></Form.Item>
            {current?.variants.length ? <VariantStates variants={current.variants} /> : null}
            <Form.Item name="hashtags" label={t('content.field.hashtags')}><Select mode="tags" /></Form.Item>
            {findings.length ? <Alert type="warning" showIcon message={t('content.editor.findings', { n: findings.length })} description={<UnderlinedText text={text} findings={findings} />} /> : null}
            <List size="small" header={t('content.checklist.title')} dataSource={live?.checklist ?? []}
              renderItem={(c) => <List.Item><Checkbox checked={c.ok} disabled>{t(`content.checklist.${c.key}`)}</Checkbox></List.Item>} />
            <Space wrap align="start" style={{ marginTop: 12 }}>{(live?.platforms ?? []).map((a) => <PhonePreview key={a.platform} a={a} />)}</Space>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
