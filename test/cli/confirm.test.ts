import { PassThrough } from 'node:stream';
import { canAsk, confirm } from '../../cli/confirm';

function streams(tty: boolean): { input: PassThrough & { isTTY?: boolean }; output: PassThrough; shown: () => string } {
  const input: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (tty) input.isTTY = true;
  const output = new PassThrough();
  let shown = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (shown += chunk));
  return { input, output, shown: () => shown };
}

describe('confirm', () => {
  it('asks only a terminal', () => {
    expect(canAsk(streams(true))).toBe(true);
    expect(canAsk(streams(false))).toBe(false);
  });

  it.each([
    ['y', true],
    ['Có', true],
    ['yes', true],
    ['', false],
    ['n', false],
    ['không', false],
  ])('answer %j is %s', async (answer, expected) => {
    const io = streams(true);
    const asked = confirm('Gửi ngay 2 tin cho lãnh đạo? [y/N] ', io);
    io.input.write(`${answer}\n`);
    await expect(asked).resolves.toBe(expected);
    expect(io.shown()).toContain('Gửi ngay 2 tin cho lãnh đạo? [y/N] ');
  });

  it('the end of the input is a no', async () => {
    const io = streams(true);
    const asked = confirm('? ', io);
    io.input.end();
    await expect(asked).resolves.toBe(false);
  });
});
