import type { Command } from 'commander';
import { vnDateTime } from '../../domain/plan-time';
import { withAccessStores } from '../access-stores';
import { renderTable } from '../format/text-table';
import type { CliIo } from '../program';

export function registerTokenList(token: Command, io: CliIo): void {
  token
    .command('list')
    .description('list the API tokens (never their secrets)')
    .action(async () => {
      const tokens = await withAccessStores(({ apiTokens }) => apiTokens.list());
      if (tokens.length === 0) {
        io.stdout('Chưa có mã truy cập nào (tạo bằng `dondoc token create`).\n');
        return;
      }
      const at = (date: Date | null) => (date ? vnDateTime(date.toISOString()) : '—');
      const rows = tokens.map((t) => [
        t.id,
        t.name,
        t.scopes.join(','),
        at(t.createdAt),
        at(t.lastUsedAt),
        t.revokedAt ? `thu hồi ${at(t.revokedAt)}` : 'còn hiệu lực',
      ]);
      io.stdout(`${renderTable(['mã', 'tên', 'quyền', 'tạo lúc', 'dùng lần cuối', 'trạng thái'], rows)}\n`);
    });
}
