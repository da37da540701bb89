import { InvalidArgumentError, type Command } from 'commander';
import { API_SCOPES, type ApiScope } from '../../db/stores';
import { withAccessStores } from '../access-stores';
import type { CliIo } from '../program';

export function registerTokenCreate(token: Command, io: CliIo): void {
  token
    .command('create')
    .description('create an API token and print it once (only its hash is kept)')
    .requiredOption('--name <name>', 'who or what uses it, e.g. "Cổng một cửa"', (text: string) => {
      if (!text.trim()) throw new InvalidArgumentError('must not be empty');
      return text.trim();
    })
    .requiredOption(
      '--scope <scopes>',
      'comma-separated: read (GET), submit (submissions), paper (may set receivedAt), codec (decode Temporal payloads)',
      parseScopes,
    )
    .action(async (options: { name: string; scope: ApiScope[] }) => {
      const { record, token: secret } = await withAccessStores(({ apiTokens }) =>
        apiTokens.create(options.name, options.scope, new Date()),
      );
      io.stdout(`${secret}\n`);
      io.stderr(
        `Mã ${record.id} (${record.name}; quyền: ${record.scopes.join(', ')}). Hãy lưu lại ngay: mã này không hiển thị lại.\n`,
      );
    });
}

function parseScopes(text: string): ApiScope[] {
  const scopes = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`must be one or more of ${API_SCOPES.join(', ')}, comma-separated`);
  }
  return scopes as ApiScope[];
}
