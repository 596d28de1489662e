/**
 * Blob access and SAS signing against Azurite with its development account. The stand-in's services
 * hand clients SAS URLs on http://127.0.0.1:<azurite port>/devstoreaccount1/<container>/<blob>, so the
 * toolkit's @azure/storage-blob upload and its plain-GET downloads go straight to Azurite.
 */
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, SASProtocol, StorageSharedKeyCredential } from '@azure/storage-blob';

/**
 * Azurite's built-in development account, published in Azurite's README ("Default Storage Account").
 * It is the emulator's well-known public key, not a secret.
 */
export const DEV_ACCOUNT_NAME = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const SAS_LIFETIME_MS = 6 * 60 * 60 * 1000;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** read: GET only. write: create and write (put blob, put block, put block list). */
export type SasAccess = 'read' | 'write';

export class BlobStore {
  private readonly credential = new StorageSharedKeyCredential(DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY);
  private readonly client: BlobServiceClient;

  /** @param origin Azurite's `http://127.0.0.1:<port>` */
  constructor(origin: string) {
    this.client = new BlobServiceClient(`${origin}/${DEV_ACCOUNT_NAME}`, this.credential);
  }

  async createContainers(names: readonly string[]): Promise<void> {
    for (const name of names) await this.client.getContainerClient(name).createIfNotExists();
  }

  /** A SAS URL for one blob; `contentDisposition` is served back as the response's Content-Disposition. */
  signedUrl(container: string, blob: string, access: SasAccess, contentDisposition?: string): string {
    const url = this.client.getContainerClient(container).getBlobClient(blob).url;
    const now = Date.now();
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        blobName: blob,
        permissions: BlobSASPermissions.parse(access === 'read' ? 'r' : 'cw'),
        protocol: SASProtocol.HttpsAndHttp,
        startsOn: new Date(now - CLOCK_SKEW_MS),
        expiresOn: new Date(now + SAS_LIFETIME_MS),
        ...(contentDisposition ? { contentDisposition } : {}),
      },
      this.credential,
    );
    return `${url}?${sas.toString()}`;
  }

  /** The blob's size in bytes, or undefined when it does not exist (e.g. nothing was uploaded). */
  async size(container: string, blob: string): Promise<number | undefined> {
    try {
      const properties = await this.client.getContainerClient(container).getBlobClient(blob).getProperties();
      return properties.contentLength ?? 0;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async read(container: string, blob: string): Promise<Buffer> {
    return this.client.getContainerClient(container).getBlobClient(blob).downloadToBuffer();
  }

  async delete(container: string, blob: string): Promise<void> {
    await this.client.getContainerClient(container).getBlobClient(blob).deleteIfExists();
  }
}
