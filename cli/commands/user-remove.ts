import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { withAccessStores } from '../access-stores';
import type { CliIo } from '../program';
import { parseUserName } from '../user-name';

export function registerUserRemove(user: Command, io: CliIo): void {
  user
    .command('remove')
    .description('delete a dashboard account and end its sessions')
    .argument('<name>', 'the user name', parseUserName)
    .action(async (name: string) => {
      const removed = await withAccessStores(({ users }) => users.remove(name));
      if (!removed) throw new AppError('ACCOUNT_NOT_FOUND', `no user ${name}`);
      io.stdout(`Đã xóa tài khoản ${name}.\n`);
    });
}
