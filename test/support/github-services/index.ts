/**
 * A local stand-in for GitHub's Actions results service (cache v2 and artifacts v2+) so tests can run
 * the real @actions/cache saveCache/restoreCache and @actions/artifact upload/download against it:
 * a Twirp JSON server on 127.0.0.1 plus Azurite's blob service for the signed upload/download URLs.
 * See docs/github-services-stand-in.md.
 */
import { ARTIFACT_CONTAINER, ArtifactService, type Artifact } from './artifact-service.js';
import { startAzuriteBlob } from './azurite.js';
import { BlobStore } from './blob-store.js';
import { CACHE_CONTAINER, CacheService, type CacheEntry } from './cache-service.js';
import { makeRuntimeToken, newRuntimeIdentity, type RuntimeIdentity } from './jwt.js';
import { startTwirpServer, type TwirpCall } from './twirp.js';

export type { Artifact, CacheEntry, RuntimeIdentity, TwirpCall };

export interface GitHubServices {
  /**
   * What a client process or a container needs: ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN,
   * ACTIONS_CACHE_SERVICE_V2 and GITHUB_SERVER_URL (github.com, else the toolkit assumes GHES).
   * RUNNER_TEMP and GITHUB_WORKSPACE are the caller's to set.
   */
  readonly env: Readonly<Record<string, string>>;
  /** `http://127.0.0.1:<port>/`, also env.ACTIONS_RESULTS_URL. */
  readonly resultsUrl: string;
  /** Azurite's `http://127.0.0.1:<port>`; signed URLs point here. */
  readonly blobOrigin: string;
  /** The run and job ids inside the token's Actions.Results scope. */
  readonly identity: RuntimeIdentity;
  /** Cache entries, pending ones included (finalized: false). */
  caches(): CacheEntry[];
  /** Artifacts, pending ones included (finalized: false). */
  artifacts(): Artifact[];
  /** The stored zip of the newest finalized artifact with this name, read straight from Azurite. */
  downloadArtifactZip(name: string): Promise<Buffer>;
  /** Every Twirp call so far, in order (live array). */
  readonly requests: readonly TwirpCall[];
  stop(): Promise<void>;
}

export async function startGitHubServices(): Promise<GitHubServices> {
  const azurite = await startAzuriteBlob();
  try {
    const blobs = new BlobStore(azurite.origin);
    await blobs.createContainers([CACHE_CONTAINER, ARTIFACT_CONTAINER]);
    const identity = newRuntimeIdentity();
    const token = makeRuntimeToken(identity);
    const cache = new CacheService(blobs);
    const artifacts = new ArtifactService(blobs, identity);
    const requests: TwirpCall[] = [];
    const server = await startTwirpServer({ services: [cache.twirp(), artifacts.twirp()], token, log: requests });
    const resultsUrl = `${server.url}/`;
    let stopped: Promise<void> | undefined;
    return {
      env: {
        ACTIONS_RESULTS_URL: resultsUrl,
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
      },
      resultsUrl,
      blobOrigin: azurite.origin,
      identity,
      caches: () => cache.entries(),
      artifacts: () => artifacts.artifacts(),
      downloadArtifactZip: (name) => artifacts.content(name),
      requests,
      stop: () => (stopped ??= server.close().finally(() => azurite.stop())),
    };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
