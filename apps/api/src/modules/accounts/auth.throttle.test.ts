import { addressKey } from './auth.throttle';

describe('the address a failed sign-in counts against', () => {
  it('is the IPv4 address, also when it arrives IPv6-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it("is an IPv6 address's /64, however the address is written, since one subscriber holds the whole /64", () => {
    const network = '2001:db8:85a3:42::/64';
    for (const ip of ['2001:db8:85a3:42::1', '2001:0db8:85a3:0042:ffff:ffff:ffff:fffe', '2001:db8:85a3:42:1::7%eth0']) {
      expect(addressKey(ip)).toBe(network);
    }
    expect(addressKey('2001:db8:85a3:43::1')).not.toBe(network);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('is one shared key when the address is unknown', () => {
    expect(addressKey(null)).toBe('unknown');
  });
});
