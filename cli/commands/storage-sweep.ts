import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config/env';
import { databaseTarget } from '../../db/database-target';
import { openDatabase } from '../../db/open-database';
import { createBlobStore } from '../../storage/blob-store';
import { DEFAULT_SWEEP_GRACE_MS, sweepBlobs } from '../../storage/blob-sweep';
import type { CliIo } from '../program';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `dondoc storage sweep`: deletes the blobs nothing references (uploads never delete inline). */
export function registerStorage(program: Command, io: CliIo): void {
  const storage = program.command('storage').description("dondoc's blob store (BLOB_STORE): uploads and reports");
  storage
    .command('sweep')
    .description(
      'delete stored files that no submission and no report references, last stored longer ago than --older-than',
    )
    .option(
      '--older-than <duration>',
      'the grace period, e.g. 24h, 90m, 7d (an upload in flight is younger)',
      parseDuration,
    )
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .action(async (options: { olderThan?: number; dryRun?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase(databaseTarget(config));
      try {
        const blobs = await createBlobStore(config, database.db);
        const result = await sweepBlobs(blobs, database.db, {
          olderThanMs: options.olderThan ?? DEFAULT_SWEEP_GRACE_MS,
          dryRun: Boolean(options.dryRun),
        });
        for (const sha256 of result.unreferenced)
          io.stdout(`${options.dryRun ? 'would delete' : 'deleted'} ${sha256}\n`);
        io.stdout(
          options.dryRun
            ? `Chạy thử (--dry-run): ${result.unreferenced.length} trong ${result.examined} tệp sẽ bị xoá; chưa xoá gì.\n`
            : `Đã xoá ${result.deleted} trong ${result.examined} tệp (BLOB_STORE=${blobs.kind}).\n`,
        );
      } finally {
        await database.close();
      }
    });
}

function parseDuration(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('must be a number and a unit: 90m, 24h, 7d (s, m, h or d)');
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
