import { describe, expect, it } from 'vitest';
import { createHostPolicy, hostNameOf } from './host.js';

const ask = (host: string | undefined, url = '/api/health') => ({ headers: host === undefined ? {} : { host }, url });

describe('createHostPolicy', () => {
  it('allows loopback names with any port, the HOST value and ALLOWED_HOSTS, case-insensitively', () => {
    const policy = createHostPolicy('192.168.1.20', ['loopwire.lan']);
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST', '192.168.1.20:3000', 'Loopwire.LAN']) {
      expect(policy.refusal(ask(host)), host).toBeNull();
    }
  });

  it('refuses other names with 403 and a missing Host with 400', () => {
    const policy = createHostPolicy('127.0.0.1', []);
    expect(policy.refusal(ask('attacker.example:3000'))).toMatchObject({ status: 403, code: 'host_not_allowed' });
    expect(policy.refusal(ask('127.0.0.1.nip.io'))).toMatchObject({ status: 403 });
    expect(policy.refusal(ask('localhost:3000@evil'))).toMatchObject({ status: 403 });
    expect(policy.refusal(ask(undefined))).toMatchObject({ status: 400, code: 'missing_host' });
  });

  it('takes the host from an absolute-form target, whatever the Host header says', () => {
    const policy = createHostPolicy('127.0.0.1', []);
    expect(policy.refusal(ask('attacker.example', 'http://127.0.0.1:3000/ws'))).toBeNull();
    expect(policy.refusal(ask('127.0.0.1', 'http://attacker.example/ws'))).toMatchObject({ status: 403 });
  });

  it('does not allow every name when listening on all interfaces', () => {
    const policy = createHostPolicy('0.0.0.0', []);
    expect(policy.refusal(ask('0.0.0.0:3000'))).toMatchObject({ status: 403 });
    expect(policy.refusal(ask('localhost:3000'))).toBeNull();
  });
});

describe('hostNameOf', () => {
  it('strips the port and keeps IPv6 brackets', () => {
    expect(hostNameOf('Example.com:80')).toBe('example.com');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('a:b:c')).toBeNull();
  });
});
