import { startWebServer } from '../../web/server';
import { buildTestApp } from './web-harness';

describe('startWebServer', () => {
  it('listens, serves pages over real HTTP, and closes gracefully (idempotently)', async () => {
    const { app } = await buildTestApp(undefined);
    const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/login`);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(
        /^__Host-dondoc_csrf=.+; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
      expect(await response.text()).toContain('Đăng nhập bảng theo dõi');
    } finally {
      await Promise.all([server.close(), server.close()]);
    }
    await expect(fetch(`${server.url}/login`)).rejects.toThrow();
  });
});
