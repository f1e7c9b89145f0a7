import { negotiate, negotiationState } from '@concord/negotiation';
import { describe, expect, it } from 'vitest';
import { around, codeOf, negotiationWorld, statementId } from './setup.ts';

describe('negotiation service: mentions', () => {
  it('notifies the mentioned organisation’s delegates in the hub and by mail, in their language, with a link', async () => {
    const world = await negotiationWorld();
    const { ports, people, organisations } = world;
    const anchor = around(await world.doc(), 'human rights');
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: 'Ghana, your view?', mentions: [organisations.other.id] }, linkOrigin: 'https://hub.test' });
    const [note] = await world.notifications.list({ userId: people.other.userId });
    expect(note).toMatchObject({ kind: 'mention', statementId, statementTitle: 'Rights online', mentionedBy: 'Member', readAt: null });
    expect(await world.notifications.list({ userId: people.member.userId })).toEqual([]);
    expect(await world.notifications.list({ userId: people.chair.userId })).toEqual([]);
    expect(world.mails).toHaveLength(1);
    expect(world.mails[0]).toMatchObject({ to: 'other@test.example' });
    expect(world.mails[0]?.subject).toContain('Rights online');
    expect(world.mails[0]?.text).toContain('a mentionné Other');
    expect(world.mails[0]?.text).toContain('> Ghana, your view?');
    expect(world.mails[0]?.text).toContain(`https://hub.test/statements/${statementId}`);
  });

  it('tells a replying thread’s mentions too, every delegate of the organisation but the author', async () => {
    const world = await negotiationWorld();
    const { ports, people, organisations } = world;
    const { id } = await negotiate({ ports, principal: people.other, statementId, body: { op: 'thread.start', anchor: around(await world.doc(), 'shall'), body: 'Why?', mentions: [] } });
    await negotiate({ ports, principal: people.lead, statementId, body: { op: 'thread.reply', threadId: id, body: 'See the member’s note.', mentions: [organisations.member.id] } });
    expect((await world.notifications.list({ userId: people.member.userId })).map((n) => n.kind)).toEqual(['mention']);
    expect(await world.notifications.list({ userId: people.lead.userId })).toEqual([]);
    expect(world.mails.map((mail) => mail.to)).toEqual(['member@test.example']);
  });

  it('refuses to mention an organisation the draft is not shared with, on the server, storing and telling nothing', async () => {
    const world = await negotiationWorld({ statement: { visibility: { scope: 'members', taskForceId: null, advisory: true, observers: true } } });
    const { ports, people, organisations } = world;
    const anchor = around(await world.doc(), 'human rights');
    const code = await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: 'Civil society?', mentions: [organisations.advisory.id] } }));
    expect(code).toBe('comment.mention-not-shared');
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.threads).toEqual([]);
    expect([...state.mentionable].sort()).toEqual([organisations.chair.id, organisations.member.id, organisations.other.id].sort());
    expect(await world.notifications.list({ userId: people.advisory.userId })).toEqual([]);
    expect(world.mails).toEqual([]);
  });
});
