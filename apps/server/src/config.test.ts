import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('defaults to 127.0.0.1:3000 and the server’s own origins', () => {
    expect(parseConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      allowedOrigins: null,
      allowedHosts: [],
      sessionSecret: expect.stringMatching(/^[\w-]{43}$/),
      dev: false,
      labForeignPort: 3001,
      messageRateLimit: 50,
      maxConnectionsPerSid: 5,
      tap: 'on',
      labBlockingBudgetMs: 5000,
      labClusterPort: 0,
      redisUrl: null,
      workers: 1,
      workerSlot: null,
    });
  });

  it('reads PORT, HOST, ALLOWED_ORIGINS, TAP and --dev', () => {
    const config = parseConfig(
      { PORT: '0', HOST: '0.0.0.0', ALLOWED_ORIGINS: 'http://localhost:5173, https://loopwire.example', TAP: 'off' },
      ['--dev'],
    );
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      allowedOrigins: ['http://localhost:5173', 'https://loopwire.example'],
      allowedHosts: [],
      sessionSecret: expect.stringMatching(/^[\w-]{43}$/),
      dev: true,
      labForeignPort: 0,
      messageRateLimit: 50,
      maxConnectionsPerSid: 5,
      tap: 'off',
      labBlockingBudgetMs: 5000,
      labClusterPort: 0,
      redisUrl: null,
      workers: 1,
      workerSlot: null,
    });
  });

  it('reads LAB_BLOCKING_BUDGET_MS (the bench raises it)', () => {
    expect(parseConfig({ LAB_BLOCKING_BUDGET_MS: '60000' }).labBlockingBudgetMs).toBe(60000);
  });

  it('reads LAB_FOREIGN_PORT, MESSAGE_RATE_LIMIT and MAX_CONNECTIONS_PER_SID', () => {
    expect(
      parseConfig({ PORT: '4000', LAB_FOREIGN_PORT: '4100', MESSAGE_RATE_LIMIT: '10', MAX_CONNECTIONS_PER_SID: '2' }),
    ).toMatchObject({ port: 4000, labForeignPort: 4100, messageRateLimit: 10, maxConnectionsPerSid: 2 });
  });

  it('reads ALLOWED_HOSTS (lowercased) and SESSION_SECRET', () => {
    const secret = 'k'.repeat(32);
    expect(parseConfig({ ALLOWED_HOSTS: 'Loopwire.lan, 192.168.1.20,[fd00::1]', SESSION_SECRET: secret })).toMatchObject({
      allowedHosts: ['loopwire.lan', '192.168.1.20', '[fd00::1]'],
      sessionSecret: secret,
    });
  });

  it('picks a different random session secret on each start without SESSION_SECRET', () => {
    expect(parseConfig({}).sessionSecret).not.toBe(parseConfig({}).sessionSecret);
  });

  it('reads LAB_CLUSTER_PORT and REDIS_URL (the scale lab)', () => {
    expect(parseConfig({ LAB_CLUSTER_PORT: '4200', REDIS_URL: 'redis://127.0.0.1:6390' })).toMatchObject({
      labClusterPort: 4200,
      redisUrl: 'redis://127.0.0.1:6390',
    });
  });

  it('reads WORKERS: a number, or auto for one per core', () => {
    expect(parseConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(parseConfig({ WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ ALLOWED_HOSTS: 'loopwire.lan:3000' }, 'ALLOWED_HOSTS', /without a port.*"loopwire.lan:3000"/],
    [{ ALLOWED_HOSTS: 'http://loopwire.lan' }, 'ALLOWED_HOSTS', /"http:\/\/loopwire.lan"/],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET', /at least 32 characters.*got 5/],
    [{ WORKERS: '0' }, 'WORKERS', /WORKERS: expected a whole number of processes from 1 to 64, or "auto".*"0"/],
    [{ WORKERS: 'many' }, 'WORKERS', /"many"/],
    [{ LAB_CLUSTER_PORT: 'next' }, 'LAB_CLUSTER_PORT', /LAB_CLUSTER_PORT: expected a whole number.*"next"/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL', /REDIS_URL: expected a Redis URL.*"http:\/\/127.0.0.1:6379"/],
    [{ REDIS_URL: '127.0.0.1:6379' }, 'REDIS_URL', /redis: or rediss:/],
    [{ PORT: 'abc' }, 'PORT', /PORT: expected a whole number from 0 to 65535.*"abc"/],
    [{ PORT: '70000' }, 'PORT', /"70000"/],
    [{ PORT: '-1' }, 'PORT', /"-1"/],
    [{ HOST: 'bad host!' }, 'HOST', /HOST: expected an IP address/],
    [{ ALLOWED_ORIGINS: 'localhost:5173' }, 'ALLOWED_ORIGINS', /ALLOWED_ORIGINS: expected a comma-separated list/],
    [{ ALLOWED_ORIGINS: 'http://a.example/path' }, 'ALLOWED_ORIGINS', /no path/],
    [{ LAB_FOREIGN_PORT: 'x' }, 'LAB_FOREIGN_PORT', /LAB_FOREIGN_PORT: expected a whole number.*"x"/],
    [{ PORT: '4000', LAB_FOREIGN_PORT: '4000' }, 'LAB_FOREIGN_PORT', /must differ from PORT/],
    [{ PORT: '65535' }, 'LAB_FOREIGN_PORT', /PORT \+ 1 does not exist/],
    [{ MESSAGE_RATE_LIMIT: '0' }, 'MESSAGE_RATE_LIMIT', /from 1 to 100000, got "0"/],
    [{ MAX_CONNECTIONS_PER_SID: 'lots' }, 'MAX_CONNECTIONS_PER_SID', /"lots"/],
    [{ TAP: 'yes' }, 'TAP', /TAP: expected "on" or "off", got "yes"/],
    [{ LAB_BLOCKING_BUDGET_MS: '5s' }, 'LAB_BLOCKING_BUDGET_MS', /LAB_BLOCKING_BUDGET_MS: expected milliseconds.*"5s"/],
    [{ LAB_BLOCKING_BUDGET_MS: '0' }, 'LAB_BLOCKING_BUDGET_MS', /"0"/],
  ])('rejects %o naming %s', (env, variable, message) => {
    let caught: unknown;
    try {
      parseConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toMatch(message);
  });
});
