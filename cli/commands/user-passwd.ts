import type { Command } from 'commander';
import { isEmbedded, type Config } from '../../config/env';
import { AppError } from '../../domain/errors';
import { hashPassword } from '../../links/password-hash';
import { withAccessStores } from '../access-stores';
import { readNewPassword } from '../password-input';
import type { CliIo } from '../program';
import { parseUserName } from '../user-name';

export function registerUserPasswd(user: Command, io: CliIo): void {
  user
    .command('passwd')
    .description("change a user's password and end every session of that user")
    .argument('<name>', 'the user name', parseUserName)
    .option('--password-file <file>', 'read the new password from the first line of this file')
    .action(async (name: string, options: { passwordFile?: string }) => {
      const hash = await hashPassword(await readNewPassword(options.passwordFile));
      const config = await withAccessStores(async ({ users }, loaded) => {
        if (!(await users.setPassword(name, hash, new Date()))) {
          throw new AppError('ACCOUNT_NOT_FOUND', `no user ${name} (create it with \`dondoc user add ${name}\`)`);
        }
        return loaded;
      });
      io.stdout(`Đã đổi mật khẩu của ${name}; mọi phiên đăng nhập của tài khoản này đã kết thúc.\n`);
      const warning = startOverrides(config, name);
      if (warning) io.stderr(`${warning}\n`);
    });
}

/** Accounts the environment declares are written again at each start: say so, or the change seems to vanish. */
function startOverrides(config: Config, name: string): string | undefined {
  const listed = (config.env.DONDOC_USERS ?? '').split(',').some((entry) => entry.trim().startsWith(`${name}:`));
  if (listed)
    return `warning: ${name} is in DONDOC_USERS: the next \`dondoc start\` sets its password from there again`;
  if (!config.env.DONDOC_USERS && isEmbedded(config.env) && name === 'admin') {
    return 'warning: the next `dondoc start` sets admin’s password from data/secrets/admin-password again';
  }
  return undefined;
}
