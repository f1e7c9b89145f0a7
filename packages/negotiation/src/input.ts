/**
 * The negotiation acts a request may ask for, read from untrusted JSON (or a form): each field
 * checked for type and size here, its meaning (limits, transitions) by the core rules later.
 */
import { fail, negotiationLimits, type Anchor } from '@concord/core';

export type NegotiationOp =
  | { op: 'thread.start'; anchor: Anchor; body: string; mentions: string[] }
  | { op: 'thread.reply'; threadId: string; body: string; mentions: string[] }
  | { op: 'thread.resolve' | 'thread.reopen'; threadId: string }
  | { op: 'amendment.propose'; anchor: Anchor; replacement: string; reason: string }
  | { op: 'amendment.support' | 'amendment.oppose' | 'amendment.clear' | 'amendment.withdraw' | 'amendment.accept' | 'amendment.reject' | 'amendment.revert'; amendmentId: string }
  | { op: 'bracket.open'; anchor: Anchor; alternatives: string[] }
  | { op: 'bracket.join' | 'bracket.leave' | 'bracket.agree'; bracketId: string }
  | { op: 'bracket.add-alternative'; bracketId: string; text: string }
  | { op: 'bracket.choose'; bracketId: string; alternativeId: string }
  | { op: 'bracket.rule'; bracketId: string; alternativeId: string | null; reason: string };

export const negotiationOps = [
  'thread.start',
  'thread.reply',
  'thread.resolve',
  'thread.reopen',
  'amendment.propose',
  'amendment.support',
  'amendment.oppose',
  'amendment.clear',
  'amendment.withdraw',
  'amendment.accept',
  'amendment.reject',
  'amendment.revert',
  'bracket.open',
  'bracket.join',
  'bracket.leave',
  'bracket.agree',
  'bracket.add-alternative',
  'bracket.choose',
  'bracket.rule',
] as const satisfies readonly NegotiationOp['op'][];

const idPattern = /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/;
const bad = (field: string, message: string) => fail.input(`negotiation.invalid-${field}`, message);

function record(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('request', 'The request could not be read.');
  return value as Record<string, unknown>;
}

function id(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !idPattern.test(value)) throw bad(field, 'The request names nothing that can be found.');
  return value;
}

function text(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field] ?? '';
  // Longer than any limit: refused, not cut (a cut comment would say something else).
  if (typeof value !== 'string' || value.length > max * 2) throw bad(field, 'The text is too long.');
  return value;
}

function anchor(body: Record<string, unknown>): Anchor {
  const value = body.anchor;
  const from = value && typeof value === 'object' ? (value as Record<string, unknown>).from : undefined;
  const to = value && typeof value === 'object' ? (value as Record<string, unknown>).to : undefined;
  const ok = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= negotiationLimits.anchorMax && /^[A-Za-z0-9+/=]+$/.test(v);
  if (!ok(from) || !ok(to)) throw fail.input('negotiation.anchor-invalid', 'The selection could not be read.');
  return { from, to };
}

function strings(body: Record<string, unknown>, field: string, max: number, eachMax: number): string[] {
  const value = body[field] ?? [];
  if (!Array.isArray(value) || value.length > max || value.some((v) => typeof v !== 'string' || v.length > eachMax)) throw bad(field, 'The list could not be read.');
  return value as string[];
}

/** The act asked for, or an `input` DomainError saying which field is wrong. */
export function readOp(input: unknown): NegotiationOp {
  const body = record(input);
  const op = body.op;
  switch (op) {
    case 'thread.start':
      return { op, anchor: anchor(body), body: text(body, 'body', negotiationLimits.bodyMax), mentions: strings(body, 'mentions', negotiationLimits.mentionsMax, 40) };
    case 'thread.reply':
      return { op, threadId: id(body, 'threadId'), body: text(body, 'body', negotiationLimits.bodyMax), mentions: strings(body, 'mentions', negotiationLimits.mentionsMax, 40) };
    case 'thread.resolve':
    case 'thread.reopen':
      return { op, threadId: id(body, 'threadId') };
    case 'amendment.propose':
      return { op, anchor: anchor(body), replacement: text(body, 'replacement', negotiationLimits.replacementMax), reason: text(body, 'reason', negotiationLimits.reasonMax) };
    case 'amendment.support':
    case 'amendment.oppose':
    case 'amendment.clear':
    case 'amendment.withdraw':
    case 'amendment.accept':
    case 'amendment.reject':
    case 'amendment.revert':
      return { op, amendmentId: id(body, 'amendmentId') };
    case 'bracket.open':
      return { op, anchor: anchor(body), alternatives: strings(body, 'alternatives', negotiationLimits.alternativesMax, negotiationLimits.alternativeMax * 2) };
    case 'bracket.join':
    case 'bracket.leave':
    case 'bracket.agree':
      return { op, bracketId: id(body, 'bracketId') };
    case 'bracket.add-alternative':
      return { op, bracketId: id(body, 'bracketId'), text: text(body, 'text', negotiationLimits.alternativeMax) };
    case 'bracket.choose':
      return { op, bracketId: id(body, 'bracketId'), alternativeId: id(body, 'alternativeId') };
    case 'bracket.rule':
      // No alternative (null, absent or empty): the text as it stands.
      return { op, bracketId: id(body, 'bracketId'), alternativeId: body.alternativeId ? id(body, 'alternativeId') : null, reason: text(body, 'reason', negotiationLimits.reasonMax) };
    default:
      throw bad('op', 'Unknown request.');
  }
}
