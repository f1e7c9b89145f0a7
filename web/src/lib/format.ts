/** Display helpers shared by pages: language names, dates, tiers. Pure, locale passed in. */
import type { Role, Scope, StakeholderGroup, Tier } from '@concord/core';

/** The language's own-locale name for a BCP 47 tag (`zh-TW` → "Chinese (Taiwan)"), or the tag. */
export function languageName(input: { tag: string; locale?: string }): string {
  try {
    return new Intl.DisplayNames([input.locale ?? 'en'], { type: 'language' }).of(input.tag) ?? input.tag;
  } catch {
    return input.tag;
  }
}

/** A date and time in UTC, spelled out ("22 Nov 2026, 19:57 UTC"), for server-rendered pages. */
export function formatUtc(input: { epochMs: number; locale?: string }): string {
  const text = new Intl.DateTimeFormat(input.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(input.epochMs);
  return `${text} UTC`;
}

const tierLabels = {
  member: 'Member',
  advisory: 'Advisory network',
  observer: 'Observer',
} as const satisfies Record<Tier, string>;

export function tierLabel(tier: Tier): string {
  return tierLabels[tier];
}

const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Writing direction of a language tag, so right-to-left texts render correctly. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)(-|$)/i.test(tag)) return 'rtl';
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

const scopeLabels = {
  coalition: 'Whole coalition',
  members: 'Members only',
  'task-force': 'Task force',
} as const satisfies Record<Scope, string>;

/** How a draft is shared, in words. */
export function scopeLabel(scope: Scope): string {
  return scopeLabels[scope];
}

const groupLabels = {
  government: 'Government',
  'civil-society': 'Civil society',
  'private-sector': 'Private sector',
  academia: 'Academia',
  'technical-community': 'Technical community',
  intergovernmental: 'Intergovernmental',
} as const satisfies Record<StakeholderGroup, string>;

export function stakeholderGroupLabel(group: StakeholderGroup): string {
  return groupLabels[group];
}

const roleLabels = { secretariat: 'Secretariat', 'organisation-lead': 'Organisation lead' } as const satisfies Record<Role, string>;

export function roleLabel(role: Role): string {
  return roleLabels[role];
}
