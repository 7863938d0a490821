/** Crisis: incident states, the checklist and statements as pure rules. */
import { createHash } from 'node:crypto';
import type { PlaybookStep } from './playbooks.js';

export const INCIDENT_LEVELS = ['low', 'medium', 'high'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

export const INCIDENT_STATES = ['detected', 'confirmed', 'responding', 'monitoring', 'resolved', 'reviewed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const STATE_TITLES: Record<IncidentState, string> = { detected: '发现', confirmed: '确认', responding: '处置中', monitoring: '观察', resolved: '已解决', reviewed: '已复盘' };

/** Forward one step at a time; a quiet incident that flares up goes back from monitoring to responding. */
const NEXT: Record<IncidentState, IncidentState[]> = {
  detected: ['confirmed', 'resolved'],
  confirmed: ['responding', 'resolved'],
  responding: ['monitoring'],
  monitoring: ['responding', 'resolved'],
  resolved: ['reviewed'],
  reviewed: [],
};

export function canTransition(from: IncidentState, to: IncidentState): boolean {
  return NEXT[from].includes(to);
}
export const nextStates = (from: IncidentState) => NEXT[from];
export const isOpenState = (s: IncidentState) => s !== 'resolved' && s !== 'reviewed';

export interface TimelineEntry { at: string; kind: string; text: string }
export interface ChecklistItem { key: string; title: string; role: string; ownerId: string | null; dueAt: string | null; doneAt: string | null; doneBy: string | null }

export function checklistFrom(steps: PlaybookStep[], openedAt: Date, ownerOf: (role: string) => string | null): ChecklistItem[] {
  return steps.map((s) => ({
    key: s.key, title: s.title, role: s.role, ownerId: ownerOf(s.role),
    dueAt: s.dueMinutes === null ? null : new Date(openedAt.getTime() + s.dueMinutes * 60_000).toISOString(), doneAt: null, doneBy: null,
  }));
}

/** Fills {变量} in a 口径 template; what is not given stays visible as 【待填：变量】. */
export function renderTemplate(text: string, variables: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(/\{([^{}]{1,20})\}/g, (_, name: string) => {
    const v = variables[name]?.trim();
    if (v) return v;
    missing.add(name);
    return `【待填：${name}】`;
  });
  return { text: out, missing: [...missing] };
}
export const unfilled = (text: string) => [...text.matchAll(/【待填：([^】]+)】/g)].map((m) => m[1]!);

/** Stable ids for the shipped playbooks of a workspace, so reading them writes nothing. */
export function playbookIdOf(workspaceId: string, level: IncidentLevel): string {
  const h = createHash('sha1').update(`playbook:${workspaceId}:${level}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
