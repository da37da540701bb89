import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../../domain/errors';

/** `| \`CODE\` | exit | HTTP | summary |` rows of docs/ARCHITECTURE.md, however Prettier pads them. */
function documentedCodes(): Map<string, string> {
  const text = readFileSync(path.join(__dirname, '..', '..', 'docs', 'ARCHITECTURE.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const match = /^`([A-Z_]+)`$/.exec(cells[1] ?? '');
    if (match) rows.set(`${match[1]} ${cells[2]} ${cells[3]}`, cells[4] ?? '');
  }
  return rows;
}

describe('the error catalog', () => {
  const documented = documentedCodes();

  it.each(Object.entries(ERROR_CODES))(
    'documents %s in docs/ARCHITECTURE.md with its exit code and HTTP status',
    (code, entry) => {
      expect(documented.get(`${code} ${entry.exitCode} ${entry.httpStatus}`)).toBe(entry.summary);
    },
  );

  it('documents no code that the catalog lacks', () => {
    const catalog = Object.entries(ERROR_CODES).map(([code, entry]) => `${code} ${entry.exitCode} ${entry.httpStatus}`);
    expect([...documented.keys()].sort()).toEqual(catalog.sort());
  });
});
