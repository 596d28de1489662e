/**
 * URLs as they may be logged or recorded. A presigned model URL carries its token in the query, and a
 * URL may carry a user and password: logs, messages and manifest.json (uploaded with the artifact) get
 * the scheme, host and path only.
 */

/** `https://host/path` of `url`, without user, password, query or fragment; "(not a URL)" for other text. */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** Whether `url` holds anything `redactUrl` leaves out (credentials, a query, a fragment). */
export function hasSecretParts(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
  } catch {
    return false;
  }
}
