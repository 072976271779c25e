import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLE_IDS, ROLE_PERMISSIONS } from './permissions.js';

describe('role × permission matrix (GOV-5)', () => {
  it('[GOV-5] defines every role of the policy and only known permissions', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLE_IDS].sort());
    for (const perms of Object.values(ROLE_PERMISSIONS)) {
      for (const p of perms) expect(Object.keys(PERMISSIONS)).toContain(p);
    }
  });

  it('[GOV-5] the auditor reads but never changes anything', () => {
    const mine = permissionsOf(['auditor']);
    for (const p of mine) expect(p).toMatch(/\.(read|export)$/);
  });

  it('[GOV-5] only managers approve posts; officers draft', () => {
    expect(can(['comms_officer'], 'post.approve')).toBe(false);
    expect(can(['comms_officer'], 'post.draft')).toBe(true);
    expect(can(['comms_manager'], 'post.approve')).toBe(true);
    expect(can(['oncall_manager'], 'post.approve')).toBe(true);
  });

  it('[GOV-5] receiving teams see hand-offs, not the inbox', () => {
    for (const role of ['pals', 'foi', 'quality']) {
      expect(can([role], 'handoff.read')).toBe(true);
      expect(can([role], 'inbox.read')).toBe(false);
    }
  });

  it('[GOV-5] the administrator manages people but does not work the inbox', () => {
    expect(can(['administrator'], 'members.manage')).toBe(true);
    expect(can(['administrator'], 'inbox.read')).toBe(false);
    expect(can(['administrator'], 'post.publish')).toBe(false);
  });

  it('several roles give the union; unknown roles give nothing', () => {
    expect(can(['staff', 'pals'], 'handoff.read')).toBe(true);
    expect(permissionsOf(['nobody']).size).toBe(0);
  });
});
