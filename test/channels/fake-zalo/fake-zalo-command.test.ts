import { startFakeZalo } from '../../../cli/commands/fake-zalo';
import { AppError } from '../../../domain/errors';

describe('dondoc fake-zalo', () => {
  it('prints the URL and everything a client needs, and serves until closed', async () => {
    let out = '';
    const io = { stdout: (text: string) => (out += text), stderr: () => undefined };
    const server = await startFakeZalo({ host: '127.0.0.1', port: 0 }, io);
    try {
      expect(out).toContain(`Fake Zalo listening on ${server.url}`);
      for (const text of ['dondoc-fake-app', 'dondoc-fake-secret', 'dondoc-fake-refresh-0', '100001 reminder']) {
        expect(out).toContain(text);
      }
      expect(out).toContain('ten_don_vi, ten_nhiem_vu, han_nop, so_ngay, duong_dan');
      const response = await fetch(`${server.url}/message/quota`);
      expect(await response.json()).toMatchObject({ error: -124 });
    } finally {
      await server.close();
    }
  });

  it('reports a taken port as PORT_IN_USE', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined };
    const first = await startFakeZalo({ host: '127.0.0.1', port: 0 }, io);
    try {
      const second = startFakeZalo({ host: '127.0.0.1', port: first.port }, io);
      await expect(second).rejects.toBeInstanceOf(AppError);
      await expect(second).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    } finally {
      await first.close();
    }
  });
});
