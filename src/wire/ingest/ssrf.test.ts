import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPublicAddress, nonPublicKind } from './ssrf.js';

describe('the SSRF guard tells public addresses from the rest', () => {
  const refused: [string, string][] = [
    ['10.1.2.3', 'private network'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.254', 'private network'],
    ['192.168.1.10', 'private network'],
    ['127.0.0.1', 'loopback (this machine)'],
    ['127.8.9.10', 'loopback (this machine)'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback (this machine)'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local (private network)'],
    ['fd12:3456:789a::1', 'unique-local (private network)'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (this machine)'],
    ['::ffff:10.0.0.1', 'private network'],
    ['::ffff:169.254.169.254', 'link-local'],
  ];
  for (const [address, kind] of refused) {
    test(`${address} is refused as ${kind}`, () => {
      assert.equal(isPublicAddress(address), false);
      assert.equal(nonPublicKind(address), kind);
    });
  }

  test('public IPv4 and IPv6 addresses are allowed', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.216.34',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '2a00:1450::1',
    ]) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });

  test('something that is not an address is refused', () => {
    assert.equal(isPublicAddress('not-an-ip'), false);
    assert.equal(isPublicAddress(''), false);
  });
});
