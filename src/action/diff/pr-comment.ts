/**
 * The diff as one pull-request comment per site, found again by a hidden marker
 * (`<!-- dataset-gen diff: <site> -->`) at the start of a comment written by a bot: a later run updates
 * it instead of adding another. A token that may not write comments (a fork's pull request, or no
 * `pull-requests: write`) is one warning; the diff is still in the job summary.
 */
import * as core from '@actions/core';

import { messageOf } from '../../errors.js';
import { RestError, restPath, type RestClient } from './github-rest.js';

/** GitHub refuses a comment body over 65 536 characters; the diff is cut to this many UTF-8 bytes. */
export const COMMENT_LIMIT_BYTES = 65_000;
/** Comments looked through for the marker (100 a page). */
const MAX_PAGES = 30;

export const READ_ONLY_WARNING =
  "the token cannot write pull-request comments (a fork's pull request, or the workflow lacks permissions: pull-requests: write); the diff is in the job summary";

export interface PullRequest {
  owner: string;
  repo: string;
  number: number;
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { type?: string } | null;
}

export type CommentOutcome = { action: 'created' | 'updated'; id: number; url: string } | { action: 'not-written'; reason: string };

/** The hidden first line that identifies the site's comment (a site name holds no `>`, so it cannot end the comment). */
export function commentMarker(site: string): string {
  return `<!-- dataset-gen diff: ${site} -->`;
}

/** The comment's body: the marker, then the diff's Markdown (rendered to fit the rest of the limit). */
export function commentBody(site: string, render: (limitBytes: number) => string): string {
  const marker = commentMarker(site);
  return `${marker}\n${render(COMMENT_LIMIT_BYTES - Buffer.byteLength(marker, 'utf8') - 1)}`;
}

/** The bot's comment that starts with the marker, looked for page by page. */
export async function findMarkedComment(rest: RestClient, pr: PullRequest, marker: string): Promise<IssueComment | null> {
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const path = `${restPath('/repos/{}/{}/issues/{}/comments', pr.owner, pr.repo, pr.number)}?per_page=100&page=${page}`;
    const comments = await rest.get<IssueComment[]>(path);
    const found = comments.find((c) => c.user?.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(marker));
    if (found) return found;
    if (comments.length < 100) return null;
  }
  return null;
}

/** Creates the site's comment, or updates the one an earlier run wrote. */
export async function upsertComment(rest: RestClient, pr: PullRequest, site: string, body: string): Promise<CommentOutcome> {
  const marker = commentMarker(site);
  try {
    const existing = await findMarkedComment(rest, pr, marker);
    if (existing) {
      const updated = await rest.patch<IssueComment>(restPath('/repos/{}/{}/issues/comments/{}', pr.owner, pr.repo, existing.id), { body });
      return { action: 'updated', id: updated.id, url: updated.html_url ?? '' };
    }
    const created = await rest.post<IssueComment>(restPath('/repos/{}/{}/issues/{}/comments', pr.owner, pr.repo, pr.number), { body });
    return { action: 'created', id: created.id, url: created.html_url ?? '' };
  } catch (error) {
    if (error instanceof RestError && (error.status === 403 || error.status === 404)) return { action: 'not-written', reason: READ_ONLY_WARNING };
    return { action: 'not-written', reason: `cannot write the pull-request comment: ${messageOf(error)}; the diff is in the job summary` };
  }
}

/** Posts or updates the comment and logs what happened; never throws (the comment is a convenience). */
export async function postDiffComment(rest: RestClient, pr: PullRequest, site: string, render: (limitBytes: number) => string): Promise<CommentOutcome> {
  const outcome = await upsertComment(rest, pr, site, commentBody(site, render));
  if (outcome.action === 'not-written') core.warning(outcome.reason);
  else core.info(`Pull-request comment ${outcome.action} (id ${outcome.id})${outcome.url ? `: ${outcome.url}` : ''}`);
  return outcome;
}
