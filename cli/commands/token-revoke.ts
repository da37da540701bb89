import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { withAccessStores } from '../access-stores';
import type { CliIo } from '../program';

export function registerTokenRevoke(token: Command, io: CliIo): void {
  token
    .command('revoke')
    .description('revoke an API token: refused at once by every web server')
    .argument('<id>', 'the token id (`dondoc token list`; the part after ddk_)')
    .action(async (id: string) => {
      const revoked = await withAccessStores(({ apiTokens }) => apiTokens.revoke(id, new Date()));
      if (!revoked) throw new AppError('ACCOUNT_NOT_FOUND', `no live API token ${id} (see \`dondoc token list\`)`);
      io.stdout(`Đã thu hồi mã truy cập ${id}.\n`);
    });
}
