import nodemailer from 'nodemailer';
import { startInboundSmtp, type InboundSmtp, type InboundSmtpOptions } from '../../../inbound/transports/inbound-smtp';
import { trackHandles } from './open-handles';
import { capturedLogger, recordingHandler, replyEmail } from './recording';

const ADDRESS = 'dondoc@ia-pa.example';

async function relay(
  handler: ReturnType<typeof recordingHandler>,
  extra: Partial<InboundSmtpOptions> = {},
): Promise<{ relay: InboundSmtp; lines: ReturnType<typeof capturedLogger>['lines'] }> {
  const { logger, lines } = capturedLogger();
  const started = await startInboundSmtp({
    port: 0,
    address: ADDRESS,
    maxBytes: 64 * 1024,
    deliver: handler.deliver,
    logger,
    ...extra,
  });
  return { relay: started, lines };
}

function send(server: InboundSmtp, envelope: { to: string }, raw: Buffer, auth?: { user: string; pass: string }) {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: false,
    ignoreTLS: true,
    ...(auth && { auth }),
  });
  return transport.sendMail({ envelope: { from: 'tuphap@example.vn', to: envelope.to }, raw }).finally(() => {
    transport.close();
  });
}

test('mail for INBOUND_ADDRESS (and its +tag subaddresses) is answered 250 once the handler resolved', async () => {
  const handler = recordingHandler();
  const { relay: server } = await relay(handler);
  try {
    const held = handler.hold();
    let answered = false;
    const sending = send(server, { to: ADDRESS }, replyEmail('<relay-1@example.vn>')).then((info) => {
      answered = true;
      return info;
    });
    // The handler has the message but has not resolved: the client is still waiting for its 250.
    await handler.until(() => handler.calls() === 1);
    expect(answered).toBe(false);
    held.open();
    const info = await sending;
    expect(info.accepted).toEqual([ADDRESS]);
    expect(info.response).toMatch(/^250/);
    await send(server, { to: 'Dondoc+u-42@IA-PA.example' }, replyEmail('<relay-2@example.vn>'));
  } finally {
    await server.close();
  }
  expect(handler.delivered.map((d) => d.messageId)).toEqual(['<relay-1@example.vn>', '<relay-2@example.vn>']);
  expect(handler.delivered[0]?.source.transport).toBe('smtp');
  expect(handler.delivered[0]?.raw.toString('utf8')).toContain('Đã nộp báo cáo ngày 30/11/2026.');
});

test('any other recipient is refused with 550 and nothing is handed over', async () => {
  const handler = recordingHandler();
  const { relay: server } = await relay(handler);
  try {
    await expect(send(server, { to: 'someone@ia-pa.example' }, replyEmail('<x@example.vn>'))).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(send(server, { to: 'dondoc@elsewhere.example' }, replyEmail('<y@example.vn>'))).rejects.toMatchObject({
      responseCode: 550,
    });
  } finally {
    await server.close();
  }
  expect(handler.delivered).toEqual([]);
});

test('a handler that throws makes the relay answer 451 (the sender retries), logged; the retry is accepted', async () => {
  const handler = recordingHandler();
  const { relay: server, lines } = await relay(handler);
  handler.failNext(1);
  try {
    await expect(send(server, { to: ADDRESS }, replyEmail('<retry@example.vn>'))).rejects.toMatchObject({
      responseCode: 451,
    });
    const info = await send(server, { to: ADDRESS }, replyEmail('<retry@example.vn>'));
    expect(info.response).toMatch(/^250/);
  } finally {
    await server.close();
  }
  expect(handler.failures).toEqual(['<retry@example.vn>']);
  expect(handler.delivered.map((d) => d.messageId)).toEqual(['<retry@example.vn>']);
  expect(lines.find((line) => line.msg.includes('handler failed'))).toMatchObject({ level: 50 });
});

test('a message over INBOUND_MAX_BYTES is refused with 552', async () => {
  const handler = recordingHandler();
  const { relay: server } = await relay(handler, { maxBytes: 2048 });
  const big = Buffer.concat([replyEmail('<big@example.vn>'), Buffer.from('x'.repeat(4096))]);
  try {
    await expect(send(server, { to: ADDRESS }, big)).rejects.toMatchObject({ responseCode: 552 });
  } finally {
    await server.close();
  }
  expect(handler.delivered).toEqual([]);
});

test('with INBOUND_SMTP_AUTH the relay must log in', async () => {
  const handler = recordingHandler();
  const auth = { user: 'mx', pass: 'relay-secret' };
  const { relay: server } = await relay(handler, { auth });
  try {
    await expect(send(server, { to: ADDRESS }, replyEmail('<anon@example.vn>'))).rejects.toMatchObject({
      responseCode: 530,
    });
    await expect(
      send(server, { to: ADDRESS }, replyEmail('<wrong@example.vn>'), { user: 'mx', pass: 'nope' }),
    ).rejects.toMatchObject({ responseCode: 535 });
    await send(server, { to: ADDRESS }, replyEmail('<authed@example.vn>'), auth);
  } finally {
    await server.close();
  }
  expect(handler.delivered.map((d) => d.messageId)).toEqual(['<authed@example.vn>']);
});

test('close() leaves no socket or timer behind', async () => {
  const handles = trackHandles();
  try {
    const handler = recordingHandler();
    const { relay: server } = await relay(handler);
    await send(server, { to: ADDRESS }, replyEmail('<closing@example.vn>'));
    await server.close();
    // The client's socket closes a moment after its QUIT; the server's were closed before close() resolved.
    expect(await handles.settle()).toEqual([]);
  } finally {
    handles.dispose();
  }
});
