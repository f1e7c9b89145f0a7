/**
 * Display helpers shared by pages: language names, dates and times, tiers, scopes and roles.
 * Pure but for the interface language: callers pass `locale` (`getLocale()` on a page); labels
 * come from the messages in the request's language.
 */
import type { Role, Scope, StakeholderGroup, Tier } from '@concord/core';
import { intlLocale, type Locale } from './i18n.ts';
import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

/** A language tag's name in the interface's language (`zh-TW` → "Chinese (Taiwan)"), or the tag. */
export function languageName(input: { tag: string; locale?: Locale }): string {
  try {
    return new Intl.DisplayNames([intlLocale(input.locale ?? getLocale())], { type: 'language' }).of(input.tag) ?? input.tag;
  } catch {
    return input.tag;
  }
}

/** A date and time in UTC, spelled out ("22 Nov 2026, 19:57 UTC"), for server-rendered pages. */
export function formatUtc(input: { epochMs: number; locale?: Locale }): string {
  return formatInZone({ ...input, timeZone: 'UTC', zoneName: 'short' });
}

/**
 * A date and time in a named time zone, with the zone spelled out in the reader's language
 * ("2 Apr 2020, 05:05 Eastern Daylight Time"): a deadline set in one city reads right in each.
 */
export function formatInZone(input: { epochMs: number; timeZone: string; locale?: Locale; zoneName?: 'short' | 'long' }): string {
  return new Intl.DateTimeFormat(intlLocale(input.locale ?? getLocale()), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: input.timeZone,
    timeZoneName: input.zoneName ?? 'long',
  }).format(input.epochMs);
}

/** A number with the locale's separators. */
export function formatNumber(input: { value: number; locale?: Locale }): string {
  return new Intl.NumberFormat(intlLocale(input.locale ?? getLocale())).format(input.value);
}

/** A list ("A, B and C") in the locale's words. */
export function formatList(input: { items: readonly string[]; locale?: Locale }): string {
  return new Intl.ListFormat(intlLocale(input.locale ?? getLocale()), { type: 'conjunction' }).format(input.items);
}

const tierLabels = {
  member: () => m.tier_member(),
  advisory: () => m.tier_advisory(),
  observer: () => m.tier_observer(),
} as const satisfies Record<Tier, () => string>;

export function tierLabel(tier: Tier): string {
  return tierLabels[tier]();
}

const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Writing direction of a language tag, so right-to-left texts render correctly. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)(-|$)/i.test(tag)) return 'rtl';
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

const scopeLabels = {
  coalition: () => m.scope_coalition(),
  members: () => m.scope_members(),
  'task-force': () => m.scope_task_force(),
} as const satisfies Record<Scope, () => string>;

/** How a draft is shared, in words. */
export function scopeLabel(scope: Scope): string {
  return scopeLabels[scope]();
}

const groupLabels = {
  government: () => m.group_government(),
  'civil-society': () => m.group_civil_society(),
  'private-sector': () => m.group_private_sector(),
  academia: () => m.group_academia(),
  'technical-community': () => m.group_technical_community(),
  intergovernmental: () => m.group_intergovernmental(),
} as const satisfies Record<StakeholderGroup, () => string>;

export function stakeholderGroupLabel(group: StakeholderGroup): string {
  return groupLabels[group]();
}

const roleLabels = { secretariat: () => m.role_secretariat(), 'organisation-lead': () => m.role_organisation_lead() } as const satisfies Record<Role, () => string>;

export function roleLabel(role: Role): string {
  return roleLabels[role]();
}
