import { Role } from '@espigon/kit/auth/role';
import { systemPrompt } from './system-prompt';

describe('systemPrompt', () => {
  it("dates the conversation by the pier's clock, not UTC's", () => {
    // 03:00 UTC on 1 December is still 30 November, 22:00, in Guayaquil (UTC−5)
    const prompt = systemPrompt(Role.CLIENT, new Date('2026-12-01T03:00:00Z'));
    expect(prompt).toContain('2026-11-30');
    expect(prompt).toContain('30 de noviembre de 2026');
    expect(prompt).not.toContain('2026-12-01');
  });

  it("names the asker's role and holds the rules on data and other people's data", () => {
    expect(systemPrompt(Role.SELLER)).toContain('The person asking is a SELLER');
    expect(systemPrompt(Role.ADMIN)).toContain('The person asking is an ADMIN');
    const prompt = systemPrompt(Role.CLIENT);
    expect(prompt).toMatch(/untrusted data/);
    expect(prompt).toMatch(/never instructions/);
    expect(prompt).toMatch(/Never reveal or guess other people's data/);
    expect(prompt).toMatch(/US\$12\.50/);
  });
});
