import { createInterface } from 'node:readline';

export interface ConfirmStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

const STANDARD: ConfirmStreams = { input: process.stdin, output: process.stderr };

/** Whether a question can be put to a person: a script or a pipe on standard input cannot answer one. */
export function canAsk(streams: ConfirmStreams = STANDARD): boolean {
  return streams.input.isTTY === true;
}

/** A yes/no question; only an explicit yes (y, yes, c, có) is a yes, and the end of the input is a no. */
export function confirm(question: string, streams: ConfirmStreams = STANDARD): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: streams.input, output: streams.output });
    let answer = '';
    rl.once('line', (line) => {
      answer = line;
      rl.close();
    });
    rl.once('close', () => resolve(/^(y|yes|c|có|co)$/i.test(answer.trim().normalize('NFC'))));
    rl.setPrompt(question);
    rl.prompt();
  });
}
