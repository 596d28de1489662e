/**
 * github.actions.results.api.v1.ArtifactService as @actions/artifact (v2+) calls it: CreateArtifact
 * returns a write SAS URL, the client streams its zip (or, with skipArchive, the raw file) there with
 * @azure/storage-blob and the blob's Content-Type set to the artifact's MIME type, FinalizeArtifact
 * commits it with size and sha256 digest; ListArtifacts, GetSignedArtifactURL and DeleteArtifact work on
 * finalized, unexpired artifacts of the token's workflow run. Download is one plain GET of the read SAS
 * URL: Azurite serves the stored Content-Type (application/zip for zips), which is what makes the
 * client unzip it, and the SAS sets Content-Disposition so a raw file keeps its name.
 */
import type { BlobStore } from './blob-store.js';
import { int64, optionalInt64, required, text, timestamp } from './fields.js';
import type { RuntimeIdentity } from './jwt.js';
import { TwirpError, type JsonObject, type TwirpService } from './twirp.js';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const ARTIFACT_CONTAINER = 'actions-artifacts';

export interface Artifact {
  readonly id: number;
  readonly name: string;
  readonly mimeType: string;
  /** As reported by FinalizeArtifact (0 while pending). */
  readonly sizeBytes: number;
  /** `sha256:<hex>` as reported by FinalizeArtifact. */
  readonly digest: string | undefined;
  readonly finalized: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date | undefined;
}

interface StoredArtifact extends Artifact {
  sizeBytes: number;
  digest: string | undefined;
  finalized: boolean;
  readonly runId: string;
  readonly jobId: string;
  readonly blob: string;
}

export class ArtifactService {
  private stored: StoredArtifact[] = [];
  private nextId = 1;

  constructor(
    private readonly blobs: BlobStore,
    private readonly identity: RuntimeIdentity,
  ) {}

  artifacts(): Artifact[] {
    return this.stored.map(({ id, name, mimeType, sizeBytes, digest, finalized, createdAt, expiresAt }) => ({
      id,
      name,
      mimeType,
      sizeBytes,
      digest,
      finalized,
      createdAt,
      expiresAt,
    }));
  }

  /** The stored bytes (the zip, unless uploaded with skipArchive) of the newest finalized artifact `name`. */
  async content(name: string): Promise<Buffer> {
    const artifact = this.visible(this.identity.workflowRunBackendId).find((a) => a.name === name);
    if (!artifact) throw new Error(`no finalized artifact named ${name}`);
    return this.blobs.read(ARTIFACT_CONTAINER, artifact.blob);
  }

  /** The newest finalized, unexpired artifact `name` (for the REST stand-in's run artifacts). */
  finalized(name: string): Artifact | undefined {
    const newest = this.visible(this.identity.workflowRunBackendId).find((a) => a.name === name);
    return newest && this.artifacts().find((a) => a.id === newest.id);
  }

  /** A read SAS URL of a finalized artifact's stored zip (what the REST zip endpoint redirects to), or undefined. */
  readUrl(id: number): string | undefined {
    const artifact = this.visible(this.identity.workflowRunBackendId).find((a) => a.id === id);
    return artifact ? this.signedReadUrl(artifact) : undefined;
  }

  twirp(): TwirpService {
    return {
      name: ARTIFACT_SERVICE,
      methods: {
        CreateArtifact: (request) => this.create(request),
        FinalizeArtifact: (request) => this.finalize(request),
        ListArtifacts: (request) => this.list(request),
        GetSignedArtifactURL: (request) => this.signedUrl(request),
        DeleteArtifact: (request) => this.delete(request),
      },
    };
  }

  private run(request: JsonObject, needJob: boolean): { runId: string; jobId: string } {
    const runId = required(request, 'workflow_run_backend_id');
    const jobId = needJob ? required(request, 'workflow_job_run_backend_id') : text(request, 'workflow_job_run_backend_id');
    if (runId !== this.identity.workflowRunBackendId || (needJob && jobId !== this.identity.workflowJobRunBackendId)) {
      throw new TwirpError('permission_denied', 'the runtime token is not scoped to this workflow run or job');
    }
    return { runId, jobId };
  }

  /** Finalized, unexpired artifacts of a run, newest first. */
  private visible(runId: string): StoredArtifact[] {
    const now = Date.now();
    return this.stored.filter((a) => a.runId === runId && a.finalized && (!a.expiresAt || a.expiresAt.getTime() > now)).sort((a, b) => b.id - a.id);
  }

  private create(request: JsonObject): JsonObject {
    const { runId, jobId } = this.run(request, true);
    const name = required(request, 'name');
    if (this.visible(runId).some((a) => a.name === name)) {
      throw new TwirpError('already_exists', `an artifact with the name ${name} already exists on this workflow run`);
    }
    this.stored = this.stored.filter((a) => !(a.runId === runId && a.name === name && !a.finalized));
    const id = this.nextId++;
    const artifact: StoredArtifact = {
      id,
      name,
      mimeType: text(request, 'mime_type') || 'application/zip',
      sizeBytes: 0,
      digest: undefined,
      finalized: false,
      createdAt: new Date(),
      expiresAt: timestamp(request, 'expires_at'),
      runId,
      jobId,
      blob: `${runId}/${id}/${name}`,
    };
    this.stored.push(artifact);
    return { ok: true, signed_upload_url: this.blobs.signedUrl(ARTIFACT_CONTAINER, artifact.blob, 'write') };
  }

  private async finalize(request: JsonObject): Promise<JsonObject> {
    const { runId } = this.run(request, true);
    const name = required(request, 'name');
    const artifact = this.stored.find((a) => a.runId === runId && a.name === name && !a.finalized);
    if (!artifact) throw new TwirpError('not_found', `no artifact named ${name} is being uploaded`);
    if ((await this.blobs.size(ARTIFACT_CONTAINER, artifact.blob)) === undefined) {
      throw new TwirpError('failed_precondition', `the content of artifact ${name} was never uploaded`);
    }
    artifact.sizeBytes = int64(request, 'size');
    artifact.digest = text(request, 'hash') || undefined;
    artifact.finalized = true;
    return { ok: true, artifact_id: String(artifact.id) };
  }

  private list(request: JsonObject): JsonObject {
    const { runId } = this.run(request, false);
    const nameFilter = text(request, 'name_filter');
    const idFilter = optionalInt64(request, 'id_filter');
    const artifacts = this.visible(runId)
      .filter((a) => (!nameFilter || a.name === nameFilter) && (idFilter === undefined || a.id === idFilter))
      .map((a) => ({
        workflow_run_backend_id: a.runId,
        workflow_job_run_backend_id: a.jobId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.sizeBytes),
        created_at: a.createdAt.toISOString(),
        ...(a.digest ? { digest: a.digest } : {}),
      }));
    return { artifacts };
  }

  private find(request: JsonObject): StoredArtifact {
    const { runId } = this.run(request, false);
    const name = required(request, 'name');
    const artifact = this.visible(runId).find((a) => a.name === name);
    if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`);
    return artifact;
  }

  private signedUrl(request: JsonObject): JsonObject {
    return { signed_url: this.signedReadUrl(this.find(request)) };
  }

  private signedReadUrl(artifact: StoredArtifact): string {
    const zip = artifact.mimeType === 'application/zip' && !artifact.name.toLowerCase().endsWith('.zip');
    const fileName = zip ? `${artifact.name}.zip` : artifact.name;
    const disposition = `attachment; filename="${fileName.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return this.blobs.signedUrl(ARTIFACT_CONTAINER, artifact.blob, 'read', disposition);
  }

  private async delete(request: JsonObject): Promise<JsonObject> {
    const artifact = this.find(request);
    this.stored = this.stored.filter((a) => a !== artifact);
    await this.blobs.delete(ARTIFACT_CONTAINER, artifact.blob);
    return { ok: true, artifact_id: String(artifact.id) };
  }
}
