import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig: outbound policy and proxies', () => {
  it('keeps private hosts closed and proxies untrusted unless the operator says otherwise', () => {
    const c = loadConfig({});
    expect(c.allowPrivateHosts).toBe(false);
    expect(c.trustProxy).toBe(false);
  });

  it.each([
    [{ CHORUS_ALLOW_PRIVATE_HOSTS: 'true' }, { allowPrivateHosts: true }],
    [{ CHORUS_ALLOW_PRIVATE_HOSTS: '0' }, { allowPrivateHosts: false }],
    [{ CHORUS_TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ CHORUS_TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [{ CHORUS_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }, { trustProxy: '10.0.0.1,192.168.0.0/16,loopback' }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([{ CHORUS_ALLOW_PRIVATE_HOSTS: 'yes please' }, { CHORUS_TRUST_PROXY: 'everyone' }])('names the bad variable in %j', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(Object.keys(env)[0]);
  });
});
