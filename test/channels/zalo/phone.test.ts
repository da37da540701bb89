import { normalizeZaloPhone } from '../../../channels/zalo';

describe('normalizeZaloPhone', () => {
  it.each([
    ['0905123456', '84905123456'],
    ['0905 123 456', '84905123456'],
    ['+84 905.123.456', '84905123456'],
    ['84905123456', '84905123456'],
    ['905123456', '84905123456'],
    ['842123456', '84842123456'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeZaloPhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '12345', '+1 415 555 0100', '0905-123-4567-89'])('rejects %p', (input) => {
    expect(normalizeZaloPhone(input)).toBeUndefined();
  });
});
