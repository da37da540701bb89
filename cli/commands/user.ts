import type { Command } from 'commander';
import type { CliIo } from '../program';
import { registerUserAdd } from './user-add';
import { registerUserList } from './user-list';
import { registerUserPasswd } from './user-passwd';
import { registerUserRemove } from './user-remove';

/** `dondoc user add|passwd|list|remove`: dashboard accounts, in dondoc's database. */
export function registerUser(program: Command, io: CliIo): void {
  const user = program.command('user').description("manage the dashboard's accounts (in dondoc's database)");
  registerUserAdd(user, io);
  registerUserPasswd(user, io);
  registerUserList(user, io);
  registerUserRemove(user, io);
}
