/**
 * The runtime token a runner hands to actions (ACTIONS_RUNTIME_TOKEN). The toolkit decodes it without
 * verifying it and reads one claim: `scp`, space-separated scopes of which one must be
 * `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`. The stand-in signs it with a
 * random per-run secret only so it looks like a JWT; the server accepts exactly the token it issued.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface RuntimeIdentity {
  readonly workflowRunBackendId: string;
  readonly workflowJobRunBackendId: string;
}

const LIFETIME_SECONDS = 6 * 60 * 60;

export function newRuntimeIdentity(): RuntimeIdentity {
  return { workflowRunBackendId: randomUUID(), workflowJobRunBackendId: randomUUID() };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function makeRuntimeToken(identity: RuntimeIdentity): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ typ: 'JWT', alg: 'HS256' });
  const payload = encode({
    scp: `Actions.GenericRead:${identity.workflowRunBackendId} Actions.Results:${identity.workflowRunBackendId}:${identity.workflowJobRunBackendId}`,
    iss: 'dataset-gen-github-services-stand-in',
    aud: 'vso:stand-in',
    nbf: now - 60,
    iat: now,
    exp: now + LIFETIME_SECONDS,
  });
  const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
