import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError } from '../domain/errors';

const MIN_LENGTH = 8;

/**
 * A new password: the first line of `--password-file`, else of standard input (piped), else typed twice at the
 * terminal without echo. Never from a flag: the command line is visible to every user of the machine.
 */
export async function readNewPassword(passwordFile: string | undefined): Promise<string> {
  let password: string;
  if (passwordFile !== undefined) {
    const text = await readFile(passwordFile, 'utf8').catch(() => {
      throw new AppError('FILE_NOT_FOUND', `--password-file ${passwordFile}: no such file`);
    });
    password = firstLine(text);
  } else if (!process.stdin.isTTY) {
    password = firstLine(await readStream(process.stdin));
  } else {
    password = await prompt('Mật khẩu mới: ');
    if ((await prompt('Nhập lại mật khẩu: ')) !== password) throw new AppError('USAGE', 'the passwords differ');
  }
  if ([...password].length < MIN_LENGTH) {
    throw new AppError('USAGE', `the password must be at least ${MIN_LENGTH} characters`);
  }
  return password;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Reads a line from the terminal, echoing nothing of what is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(question);
    const rl = createInterface({ input: process.stdin, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = () => undefined;
    rl.once('line', (line) => {
      rl.close();
      process.stderr.write('\n');
      resolve(line);
    });
  });
}
