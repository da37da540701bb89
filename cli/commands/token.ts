import type { Command } from 'commander';
import type { CliIo } from '../program';
import { registerTokenCreate } from './token-create';
import { registerTokenList } from './token-list';
import { registerTokenRevoke } from './token-revoke';

/** `dondoc token create|list|revoke`: bearer tokens of the JSON API (`/api/v1`), kept hashed in dondoc's database. */
export function registerToken(program: Command, io: CliIo): void {
  const token = program.command('token').description('manage the bearer tokens of the JSON API (/api/v1)');
  registerTokenCreate(token, io);
  registerTokenList(token, io);
  registerTokenRevoke(token, io);
}
