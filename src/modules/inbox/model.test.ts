import { describe, expect, it } from 'vitest';
import { defaultCalendar, formatInZone } from '../../kernel/working-calendar.js';
import {
  DEFAULT_SLA_POLICY, canReply, computePriority, decodeCursor, encodeCursor, riskCuesOf, slaDueAt, slaStateOf, type PrioritySignals,
} from './model.js';

const base: PrioritySignals = { intent: 'other', sentiment: 'neutral', spam: false, riskCues: [] };

describe('computePriority', () => {
  it.each([
    ['a risk word makes it critical', { ...base, riskCues: ['12315'] }, 'critical'],
    ['a complaint is high', { ...base, intent: 'complaint', sentiment: 'negative' }, 'high'],
    ['anger without a complaint is high', { ...base, sentiment: 'negative' }, 'high'],
    ['a question is normal', { ...base, intent: 'inquiry' }, 'normal'],
    ['praise waits', { ...base, intent: 'praise', sentiment: 'positive' }, 'low'],
    ['spam waits, whatever it says', { ...base, spam: true, riskCues: ['投诉'] }, 'low'],
    ['a loud author raises a question', { ...base, intent: 'inquiry', authorReach: 500_000 }, 'high'],
    ['a loud author raises a complaint to critical', { ...base, intent: 'complaint', authorReach: 200_000 }, 'critical'],
  ] as const)('%s', (_n, signals, expected) => {
    expect(computePriority(signals)).toBe(expected);
  });

  it('finds risk words itself until the text analysis reports them', () => {
    expect(riskCuesOf('再不退款我就打12315投诉你们')).toEqual(['12315', '投诉']);
    expect(riskCuesOf('吃完食物中毒了', ['食物中毒'])).toEqual(['食物中毒']);
    expect(riskCuesOf('拿铁很好喝')).toEqual([]);
  });
});

describe('SLA due times on the working calendar (fixed clock)', () => {
  const cal = defaultCalendar();
  it.each([
    ['a comment at night is due 4 working hours after 09:00', '2026-11-17T23:10+08:00', '2026-11-18T13:00:00+08:00'],
    ['a Friday-evening comment is due Monday', '2026-11-20T17:30+08:00', '2026-11-23T12:30:00+08:00'],
    ['a comment on 国庆 is due after the holiday', '2026-10-03T10:00+08:00', '2026-10-08T13:00:00+08:00'],
    ['a comment on the 调休 Saturday counts that day', '2026-10-10T10:00+08:00', '2026-10-10T14:00:00+08:00'],
  ])('%s', (_n, at, due) => {
    expect(formatInZone(cal, slaDueAt(cal, DEFAULT_SLA_POLICY, new Date(at)))).toBe(due);
  });
});

describe('slaStateOf', () => {
  const due = new Date('2026-11-18T13:00:00+08:00');
  const at = (iso: string) => new Date(iso);
  it.each([
    ['well before due', { status: 'open', firstResponseAt: null }, '2026-11-18T11:00+08:00', 'ok'],
    ['inside the warning window', { status: 'open', firstResponseAt: null }, '2026-11-18T12:45+08:00', 'warning'],
    ['due and unanswered', { status: 'pending', firstResponseAt: null }, '2026-11-18T13:00+08:00', 'breached'],
    ['answered in time stays ok', { status: 'open', firstResponseAt: at('2026-11-18T12:59+08:00') }, '2026-11-19T10:00+08:00', 'ok'],
    ['answered late stays breached', { status: 'resolved', firstResponseAt: at('2026-11-18T13:01+08:00') }, '2026-11-19T10:00+08:00', 'breached'],
    ['resolved without an answer owes nothing', { status: 'resolved', firstResponseAt: null }, '2026-11-19T10:00+08:00', 'ok'],
    ['spam owes nothing', { status: 'spam', firstResponseAt: null }, '2026-11-19T10:00+08:00', 'ok'],
  ] as const)('%s', (_n, c, now, expected) => {
    expect(slaStateOf({ ...c, slaDueAt: due }, DEFAULT_SLA_POLICY, at(now))).toBe(expected);
  });
});

describe('canReply', () => {
  const now = new Date('2026-11-18T12:00:00Z');
  const wechat = { comments: { reply: true }, dms: { send: true, replyWindowHours: 48 } };
  const noDm = { comments: { reply: true }, dms: { send: false, replyWindowHours: null } };
  it.each([
    ['a public reply to a comment', 'comment', false, wechat, now, { ok: true, via: 'comment' }],
    ['a private follow-up inside the 48-hour window', 'comment', true, wechat, new Date('2026-11-17T12:00:00Z'), { ok: true, via: 'dm' }],
    ['a private follow-up after the window', 'comment', true, wechat, new Date('2026-11-16T11:59:00Z'), { ok: false, code: 'inbox.dm_window_closed' }],
    ['a private follow-up to someone who never wrote to us', 'comment', true, wechat, null, { ok: false, code: 'inbox.dm_window_closed' }],
    ['a DM where the platform sends none', 'dm', false, noDm, now, { ok: false, code: 'inbox.dm_unsupported' }],
  ] as const)('%s', (_n, kind, isPrivate, caps, lastIn, expected) => {
    expect(canReply(kind, isPrivate, caps, lastIn, now)).toEqual(expected);
  });
});

it('round-trips a cursor and refuses a forged one', () => {
  const at = new Date('2026-11-18T12:00:00.123Z');
  const id = '0b0f7a4e-8f5e-4b59-9b8e-1d2c3b4a5f6e';
  expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
  expect(decodeCursor('bm9wZQ')).toBeNull();
});
