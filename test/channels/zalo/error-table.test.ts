import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZALO_ERROR_TABLE, ZaloApiError, ZaloDeferredError, zaloError } from '../../../channels/zalo';

/** The Zalo API reference the client and the fake server follow, committed with the code (docs/reference). */
const REFERENCE_FILE = path.resolve(__dirname, '..', '..', '..', 'docs', 'reference', 'zalo-api.md');
const NOON = new Date('2022-10-17T12:00:00+07:00');

/** The codes in the first cell of every table row: `-108`, `**-139 / -141**`, `-101..-105`. */
function codesInReference(markdown: string): number[] {
  const codes: number[] = [];
  for (const line of markdown.split('\n')) {
    const cell = /^\|\s*([-*\d./ ]+?)\s*\|/.exec(line)?.[1];
    if (!cell || !/-\d/.test(cell)) continue;
    for (const [, from, to] of cell.matchAll(/-(\d+)\.\.-(\d+)/g)) {
      for (let code = Number(from); code <= Number(to); code++) codes.push(-code);
    }
    for (const [code] of cell.replace(/-\d+\.\.-\d+/g, '').matchAll(/-\d+/g)) codes.push(Number(code));
  }
  return codes;
}

describe('ZALO_ERROR_TABLE', () => {
  it('maps every code of the tables of zalo-api.md (ZNS §1.3, OA §2), ranges expanded, and the OAuth codes of §3', () => {
    const reference = readFileSync(REFERENCE_FILE, 'utf8');
    const codes = new Set(codesInReference(reference));
    expect(codes.size).toBe(76); // a parser that stopped seeing rows would find fewer
    // §3 names its OAuth codes in prose, not in a table.
    const oauth = [-14003, -14014];
    expect(oauth.filter((code) => !reference.includes(`\`${code}\``))).toEqual([]);
    expect([...codes, ...oauth].filter((code) => !(code in ZALO_ERROR_TABLE))).toEqual([]);
  });

  it.each([
    [-118, 'recipient', false],
    [-108, 'recipient', false],
    [-213, 'recipient', false],
    [-230, 'recipient', false],
    [-109, 'config', false],
    [-131, 'config', false],
    [-115, 'quota', false],
    [-124, 'token', true],
    [-216, 'token', true],
    [-220, 'token', true],
    [-100, 'transient', true],
    [-32, 'transient', true],
    [-14014, 'token', false],
    [-14099, 'token', false],
    [-999, 'config', false],
  ] as const)('%i is a %s error, retryable %s', (code, kind, retryable) => {
    const error = zaloError(code, 'text', NOON, 200);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ code, kind, retryable, httpStatus: 200 });
  });

  it.each([
    [-133, '2022-10-18T06:00:00+07:00'],
    [-234, '2022-10-18T06:00:00+07:00'],
    [-144, '2022-10-18T06:00:00+07:00'],
    [-147, '2022-10-18T06:00:00+07:00'],
  ])('%i is deferred until %s', (code, notBefore) => {
    const error = zaloError(code, undefined, NOON);
    expect(error).toBeInstanceOf(ZaloDeferredError);
    expect(error).toMatchObject({ code, notBefore });
  });

  it('defers -133 received just after midnight to the same morning', () => {
    expect(zaloError(-133, undefined, new Date('2022-10-18T00:10:00+07:00'))).toMatchObject({
      notBefore: '2022-10-18T06:00:00+07:00',
    });
  });
});
