import * as assert from 'assert';
import { checkServiceUrl, ServiceUrlError } from '../../../src/spotify/serviceUrl';

describe('service URL settings', () => {
  it('accepts https anywhere and strips a trailing slash', () => {
    assert.strictEqual(checkServiceUrl('backbeat.apiUrl', 'https://api.spotify.com/v1/'), 'https://api.spotify.com/v1');
  });

  for (const ok of ['http://127.0.0.1:8080', 'http://127.0.0.2:4000/v1', 'http://127.255.255.254', 'http://[::1]:9000/v1']) {
    it(`accepts loopback http: ${ok}`, () => {
      assert.doesNotThrow(() => checkServiceUrl('backbeat.apiUrl', ok));
    });
  }

  for (const bad of [
    'http://example.com',
    'http://localhost:8080',
    'http://10.0.0.1',
    'http://128.0.0.1',
    'http://127.0.0.1.evil.com',
    'http://127.0.0.999',
    'ftp://127.0.0.1',
    'not a url',
    'https://user:pass@api.spotify.com',
  ]) {
    it(`refuses ${bad} with an error naming the setting`, () => {
      assert.throws(
        () => checkServiceUrl('backbeat.accountsUrl', bad),
        (e: unknown) => e instanceof ServiceUrlError && e.message.includes('backbeat.accountsUrl'),
      );
    });
  }
});
