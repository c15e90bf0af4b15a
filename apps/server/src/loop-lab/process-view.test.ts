// Off Linux there is no /proc: the process view says so in words, with the pid it can still give.

import { describe, expect, it } from 'vitest';
import { createProcessView } from './process-view.js';

describe('the process view off Linux', () => {
  it.each(['darwin', 'win32'] as const)('on %s: unavailable, with the reason as a sentence', async (platform) => {
    const view = await createProcessView({ threadpoolSize: 4, platform, pid: 1234 }).view();
    expect(view).toMatchObject({ available: false, pid: 1234, platform });
    if (view.available) throw new Error('expected unavailable');
    expect(view.reason).toMatch(new RegExp(`reads /proc, which only Linux has; this server runs on ${platform}\\.`));
  });

  it('on macOS, names the command that lists the same threads', async () => {
    const view = await createProcessView({ threadpoolSize: 4, platform: 'darwin', pid: 1234 }).view();
    expect(view.available ? '' : view.reason).toContain('ps -M 1234');
  });
});
