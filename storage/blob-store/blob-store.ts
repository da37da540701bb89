import type { Readable } from 'node:stream';

/** Decides, from the first and last bytes of the content, its stored content type; throws to refuse it. */
export type ContentCheck = (sample: { head: Buffer; tail: Buffer; size: number }) => string;

/** What `put` stored: the content's SHA-256 (its key), its size and the content type `check` decided. */
export interface PutBlob {
  sha256: string;
  size: number;
  contentType: string;
}

/** A blob as the sweep sees it: its key and when it was last put (created, or put again). */
export interface BlobEntry {
  sha256: string;
  modifiedAt: Date;
}

export type BlobStoreKind = 'local' | 'database' | 's3';

/**
 * Where uploads and reports are kept, content-addressed by SHA-256, so every host reads the same bytes. Blobs are
 * never deleted where they are used: only the sweep (storage/blob-sweep.ts) deletes those nobody references.
 */
export interface BlobStore {
  readonly kind: BlobStoreKind;
  /**
   * Streams `input` in while hashing it, then asks `check` (which may throw to refuse it). A refused or broken
   * stream leaves nothing. Putting content that is already there keeps the one copy and restarts its age.
   */
  put(input: Readable | (() => Readable), check: ContentCheck): Promise<PutBlob>;
  /** The content, or undefined when no blob has this SHA-256. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Every blob, for the sweep. */
  list(): AsyncIterable<BlobEntry>;
  /** Only the sweep calls this. */
  delete(sha256: string): Promise<void>;
  /** A cheap request that fails when the store cannot be reached (start-up calls it). */
  probe(): Promise<void>;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
