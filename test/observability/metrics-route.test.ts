import Fastify from 'fastify';
import { createDondocMetrics } from '../../observability/metrics';
import metricsRoutes from '../../web/routes/operations/metrics';

describe('GET /metrics', () => {
  it('wants the METRICS_TOKEN bearer when one is set, and still answers when the SDK exporter does not', async () => {
    const metrics = createDondocMetrics();
    metrics.notifications.inc({ kind: 'reminder', channel: 'email', outcome: 'accepted' });
    metrics.submissions.inc({ timeliness: 'late' });
    const app = Fastify();
    // Nothing listens on port 9 of loopback: the SDK's part becomes a comment line.
    await app.register(metricsRoutes, {
      metrics,
      metricsToken: 'scrape-secret',
      sdkMetricsUrl: 'http://127.0.0.1:9/metrics',
    });
    try {
      const refused = await app.inject({ url: '/metrics' });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);

      const scraped = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-secret' } });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(scraped.body).toMatch(
        /^dondoc_notifications_total\{kind="reminder",channel="email",outcome="accepted"\} 1$/m,
      );
      expect(scraped.body).toMatch(/^dondoc_submissions_total\{timeliness="late"\} 1$/m);
      expect(scraped.body).toMatch(/^# Temporal SDK metrics unavailable: /m);
    } finally {
      await app.close();
    }
  });
});
