import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../core';
import { canAnswerOfficially, canManageReactionSettings, canModerateReactions } from './reaction.policy';

const person = (role: string, organizationId = 'org-a'): Actor => ({ id: 'user:1', label: 'Sam', roles: [{ organizationId, role }] });

describe('reaction policies', () => {
  it('lets moderators and admins of the organization moderate, nobody else', () => {
    expect(canModerateReactions(person('moderator'), 'org-a')).toBe(true);
    expect(canModerateReactions(person('admin'), 'org-a')).toBe(true);
    expect(canModerateReactions(person('moderator', 'org-b'), 'org-a')).toBe(false);
    expect(canModerateReactions(person('editor'), 'org-a')).toBe(false);
    expect(canModerateReactions(person('communicator'), 'org-a')).toBe(false);
  });

  it('lets communicators, editors and moderators answer officially', () => {
    for (const role of ['communicator', 'editor', 'moderator']) expect(canAnswerOfficially(person(role), 'org-a')).toBe(true);
    expect(canAnswerOfficially(person('auditor'), 'org-a')).toBe(false);
    expect(canAnswerOfficially(person('communicator', 'org-b'), 'org-a')).toBe(false);
  });

  it('lets admins switch the moderation mode', () => {
    expect(canManageReactionSettings(person('admin'), 'org-a')).toBe(true);
    expect(canManageReactionSettings(person('moderator'), 'org-a')).toBe(false);
  });

  it('never lets the anonymous citizen actor do any of it; the installation may', () => {
    const citizen = systemActor('citizen');
    expect([canModerateReactions(citizen, 'org-a'), canAnswerOfficially(citizen, 'org-a'), canManageReactionSettings(citizen, 'org-a')]).toEqual([false, false, false]);
    expect(canModerateReactions(systemActor('seed'), 'org-a')).toBe(true);
  });
});
