/**
 * The mail telling a delegate their organisation was mentioned (`@concord/negotiation` mentions:
 * its `wordMail` port), in the reader's language: the account's choice, else English.
 */
import type { MentionPorts } from '@concord/negotiation/ports';
import { isLocale, type Locale } from '../../i18n.ts';
import { m } from '../../paraglide/messages.js';

export const mentionMail: MentionPorts['wordMail'] = ({ facts, locale: chosen, linkOrigin }) => {
  const locale: Locale = chosen && isLocale(chosen) ? chosen : 'en';
  const options = { locale };
  const link = linkOrigin ? `${linkOrigin}/statements/${facts.statementId}` : null;
  return {
    subject: m.mail_mention_subject({ organisation: facts.organisation, title: facts.title }, options),
    text: [
      m.mail_mention_intro({ name: facts.name, person: facts.person, author: facts.author, organisation: facts.organisation, title: facts.title }, options),
      '',
      ...facts.body.split('\n').map((line) => `> ${line}`),
      ...(link ? ['', m.mail_mention_open(undefined, options), link] : []),
    ].join('\n'),
  };
};
