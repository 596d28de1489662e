/**
 * github.actions.results.api.v1.CacheService as @actions/cache (v2 protocol) calls it:
 * CreateCacheEntry reserves key+version and returns a write SAS URL, the client uploads the archive
 * there with @azure/storage-blob, FinalizeCacheEntryUpload commits it with its size, and
 * GetCacheEntryDownloadURL looks up key, then restore_keys, for the same version (the version hashes
 * the cached paths and the compression method) and returns a read SAS URL, or `{ ok: false }` on a miss.
 */
import type { BlobStore } from './blob-store.js';
import { int64, required, textList } from './fields.js';
import { TwirpError, type JsonObject, type TwirpService } from './twirp.js';

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
export const CACHE_CONTAINER = 'actions-cache';

export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  /** The archive size the client finalized with (0 while pending). */
  readonly sizeBytes: number;
  readonly finalized: boolean;
  readonly createdAt: Date;
}

interface StoredEntry extends CacheEntry {
  sizeBytes: number;
  finalized: boolean;
  readonly blob: string;
}

/** Newest first: GitHub prefers the most recently created entry among prefix matches. */
function newestFirst(a: StoredEntry, b: StoredEntry): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
}

export class CacheService {
  private readonly stored: StoredEntry[] = [];
  private nextId = 1;

  constructor(private readonly blobs: BlobStore) {}

  entries(): CacheEntry[] {
    return this.stored.map(({ id, key, version, sizeBytes, finalized, createdAt }) => ({ id, key, version, sizeBytes, finalized, createdAt }));
  }

  twirp(): TwirpService {
    return {
      name: CACHE_SERVICE,
      methods: {
        CreateCacheEntry: (request) => this.create(request),
        FinalizeCacheEntryUpload: (request) => this.finalize(request),
        GetCacheEntryDownloadURL: (request) => this.lookup(request),
      },
    };
  }

  private find(key: string, version: string): StoredEntry | undefined {
    return this.stored.find((entry) => entry.key === key && entry.version === version);
  }

  private create(request: JsonObject): JsonObject {
    const key = required(request, 'key');
    const version = required(request, 'version');
    const existing = this.find(key, version);
    if (existing) {
      throw new TwirpError(
        'already_exists',
        existing.finalized ? 'cache entry with the same key, version, and scope already exists' : 'an upload of this cache entry is already in progress',
      );
    }
    const id = this.nextId++;
    const entry: StoredEntry = { id, key, version, sizeBytes: 0, finalized: false, createdAt: new Date(), blob: `entry-${id}` };
    this.stored.push(entry);
    return { ok: true, signed_upload_url: this.blobs.signedUrl(CACHE_CONTAINER, entry.blob, 'write') };
  }

  private async finalize(request: JsonObject): Promise<JsonObject> {
    const key = required(request, 'key');
    const version = required(request, 'version');
    const sizeBytes = int64(request, 'size_bytes');
    const entry = this.find(key, version);
    if (!entry || entry.finalized) {
      return { ok: false, message: `no cache entry is being uploaded for key ${key} and version ${version}` };
    }
    const uploaded = await this.blobs.size(CACHE_CONTAINER, entry.blob);
    if (uploaded === undefined) return { ok: false, message: `the archive for cache key ${key} was never uploaded` };
    if (uploaded !== sizeBytes) return { ok: false, message: `cache key ${key}: finalized with ${sizeBytes} bytes but ${uploaded} were uploaded` };
    entry.sizeBytes = sizeBytes;
    entry.finalized = true;
    return { ok: true, entry_id: String(entry.id) };
  }

  private lookup(request: JsonObject): JsonObject {
    const key = required(request, 'key');
    const restoreKeys = textList(request, 'restore_keys');
    const version = required(request, 'version');
    const candidates = this.stored.filter((entry) => entry.finalized && entry.version === version).sort(newestFirst);
    const byPrefix = (prefix: string): StoredEntry | undefined => candidates.find((entry) => entry.key.startsWith(prefix));
    let hit = candidates.find((entry) => entry.key === key) ?? byPrefix(key);
    for (const restoreKey of restoreKeys) hit ??= byPrefix(restoreKey);
    if (!hit) return { ok: false };
    return { ok: true, signed_download_url: this.blobs.signedUrl(CACHE_CONTAINER, hit.blob, 'read'), matched_key: hit.key };
  }
}
