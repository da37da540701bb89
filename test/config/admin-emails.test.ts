import { loadConfig } from '../../config/env';

describe('DONDOC_ADMIN_EMAILS', () => {
  it('is a comma-separated list of addresses, empty when unset', () => {
    expect(loadConfig({}).env.DONDOC_ADMIN_EMAILS).toEqual([]);
    expect(loadConfig({ DONDOC_ADMIN_EMAILS: ' a@x.example , b@y.example,' }).env.DONDOC_ADMIN_EMAILS).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
  });

  it('refuses something that is not an address, naming the variable', () => {
    expect(() => loadConfig({ DONDOC_ADMIN_EMAILS: 'a@x.example,khong-phai-email' })).toThrow(/DONDOC_ADMIN_EMAILS/);
  });
});
