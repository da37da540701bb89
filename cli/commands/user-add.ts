import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { hashPassword } from '../../links/password-hash';
import { withAccessStores } from '../access-stores';
import { readNewPassword } from '../password-input';
import type { CliIo } from '../program';
import { parseUserName } from '../user-name';

export function registerUserAdd(user: Command, io: CliIo): void {
  user
    .command('add')
    .description('create a dashboard account; the password comes from --password-file or standard input')
    .argument('<name>', 'the user name', parseUserName)
    .option('--password-file <file>', 'read the password from the first line of this file')
    .action(async (name: string, options: { passwordFile?: string }) => {
      const hash = await hashPassword(await readNewPassword(options.passwordFile));
      await withAccessStores(async ({ users }) => {
        if (!(await users.add(name, hash, new Date()))) {
          throw new AppError('USAGE', `user ${name} already exists (change its password with \`dondoc user passwd\`)`);
        }
      });
      io.stdout(`Đã tạo tài khoản ${name}.\n`);
    });
}
