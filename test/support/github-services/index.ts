/**
 * A local stand-in for GitHub's Actions results service (cache v2 and artifacts v2+) so tests can run
 * the real @actions/cache saveCache/restoreCache and @actions/artifact upload/download against it:
 * a Twirp JSON server on 127.0.0.1 plus Azurite's blob service for the signed upload/download URLs;
 * and the few REST endpoints the Action calls (GITHUB_API_URL: workflow runs, run artifacts, the
 * artifact zip, pull-request comments). See docs/github-services-stand-in.md.
 */
import { randomBytes } from 'node:crypto';

import { ARTIFACT_CONTAINER, ArtifactService, type Artifact } from './artifact-service.js';
import { startAzuriteBlob } from './azurite.js';
import { BlobStore } from './blob-store.js';
import { CACHE_CONTAINER, CacheService, type CacheEntry } from './cache-service.js';
import { makeRuntimeToken, newRuntimeIdentity, type RuntimeIdentity } from './jwt.js';
import { startRestApi, type RestApi } from './rest-api.js';
import { startTwirpServer, type TwirpCall } from './twirp.js';

export type { Artifact, CacheEntry, RestApi, RuntimeIdentity, TwirpCall };

export interface GitHubServices {
  /**
   * What a client process or a container needs: ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN,
   * ACTIONS_CACHE_SERVICE_V2 and GITHUB_SERVER_URL (github.com, else the toolkit assumes GHES),
   * GITHUB_API_URL (the REST stand-in) and GITHUB_REPOSITORY (the one repository it serves).
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
  /** The REST stand-in (GITHUB_API_URL): workflow runs, comments, its token and its calls. */
  readonly rest: RestApi;
  stop(): Promise<void>;
}

/** `repository` (owner/name) is the one the REST stand-in serves; default protex/north-gate. */
export async function startGitHubServices(options: { repository?: string } = {}): Promise<GitHubServices> {
  const repository = options.repository ?? 'protex/north-gate';
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
    const rest = await startRestApi({ repository, token: `ghs_${randomBytes(18).toString('hex')}`, artifacts }).catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
    const resultsUrl = `${server.url}/`;
    let stopped: Promise<void> | undefined;
    return {
      env: {
        ACTIONS_RESULTS_URL: resultsUrl,
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: rest.url,
        GITHUB_REPOSITORY: repository,
      },
      resultsUrl,
      blobOrigin: azurite.origin,
      identity,
      caches: () => cache.entries(),
      artifacts: () => artifacts.artifacts(),
      downloadArtifactZip: (name) => artifacts.content(name),
      requests,
      rest,
      stop: () =>
        (stopped ??= Promise.all([server.close(), rest.close()])
          .then(() => undefined)
          .finally(() => azurite.stop())),
    };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
