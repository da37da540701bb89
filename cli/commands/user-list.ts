import type { Command } from 'commander';
import { vnDateTime } from '../../domain/plan-time';
import { withAccessStores } from '../access-stores';
import { renderTable } from '../format/text-table';
import type { CliIo } from '../program';

export function registerUserList(user: Command, io: CliIo): void {
  user
    .command('list')
    .description('list the dashboard accounts')
    .action(async () => {
      const users = await withAccessStores(({ users }) => users.list());
      if (users.length === 0) {
        io.stdout('Chưa có tài khoản nào (tạo bằng `dondoc user add <tên>`).\n');
        return;
      }
      const rows = users.map((u) => [
        u.name,
        vnDateTime(u.createdAt.toISOString()),
        vnDateTime(u.passwordChangedAt.toISOString()),
      ]);
      io.stdout(`${renderTable(['tài khoản', 'tạo lúc', 'đổi mật khẩu lúc'], rows)}\n`);
    });
}
