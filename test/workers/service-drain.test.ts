import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture/smtp-capture';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { runDondoc, servicePorts, startDondoc, type LongRunning } from '../helpers/cli';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';

const PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const SECRET = 'drain-test-secret-0123456789abcdef-0123';
/** The SMTP server answers each message this long after it has it: the send is in flight when SIGTERM comes. */
const SLOW_ACK_MS = 3_000;

describe('dondoc start drains its running activities on SIGTERM', () => {
  let dataDir: string;
  let smtp: SmtpCapture;
  let service: LongRunning | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-drain-'));
    smtp = await startSmtpCapture({ dir: null, dataDelayMs: SLOW_ACK_MS });
  });
  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the receipt being sent, records it, and never sends it again after a restart', async () => {
    // SMTP_URL names the slow server, so the embedded capture's port goes unused.
    const ports = await servicePorts();
    const common = {
      DONDOC_DATA_DIR: dataDir,
      DONDOC_SECRET: SECRET,
      DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      SMTP_URL: smtp.url,
      ...ports,
    };
    const cli = { ...common, TEMPORAL_ADDRESS: `127.0.0.1:${ports.TEMPORAL_DEV_PORT}` };
    const start = (): LongRunning => startDondoc(['start'], { ...common, TEMPORAL_ADDRESS: '' });

    service = start();
    await service.waitFor('dondoc is running');
    // A future year: nothing is due, so the only email is the receipt of the submission.
    expect(await runDondoc(['cycle', 'start', PLAN, '--year', '2031', '--yes'], cli)).toMatchObject({ code: 0 });
    expect(await runDondoc(['submit', 'cycle-small/2031', 'xa-dong', 'ke-hoach'], cli)).toMatchObject({ code: 0 });
    // The SMTP server has the receipt and keeps the sender waiting for its answer: stop now.
    const [receipt] = await smtp.waitFor(1, 60_000);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('SIGTERM received, stopping…');
    expect(service.output()).not.toMatch(/error|\n\s+at /i);

    // After a restart, the unit's status holds the receipt as accepted, and nobody sent it again.
    service = start();
    await service.waitFor('dondoc is running');
    const status = await runDondoc(
      ['cycle', 'status', 'cycle-small/2031', '--unit', 'xa-dong', '--format', 'json'],
      cli,
    );
    const [unit] = (JSON.parse(status.stdout) as { units: UnitStatus[] }).units;
    const notifications = unit?.obligations.find((o) => o.id === 'ke-hoach')?.notifications ?? [];
    expect(notifications.filter((n) => n.key.includes('receipt'))).toEqual([
      expect.objectContaining({ channel: 'email', outcome: 'accepted', providerId: receipt?.messageId }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, SLOW_ACK_MS));
    expect(smtp.messages().map((m) => m.messageId)).toEqual([receipt?.messageId]);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  });
});
