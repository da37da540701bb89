import { redactUrl } from '../../domain/redact-url';

describe('redactUrl', () => {
  it.each([
    ['smtps://dondoc:mật-khẩu@mail.gov.vn:465', 'smtps://dondoc:***@mail.gov.vn:465'],
    ['postgres://dondoc:s3cret@db:5432/dondoc', 'postgres://dondoc:***@db:5432/dondoc'],
    ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/postgres'],
  ])('masks the password of %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});
