/**
 * The site's pull-request comment against the REST stand-in (test/support/github-services/rest-api.ts,
 * a real HTTP server on 127.0.0.1): created once, found again by its marker and updated, never
 * duplicated; other people's comments left alone; a read-only token is one warning.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';

import { createRestClient, RestError, type RestClient } from '../../../../src/action/diff/github-rest.js';
import { COMMENT_LIMIT_BYTES, commentBody, commentMarker, postDiffComment, READ_ONLY_WARNING, upsertComment } from '../../../../src/action/diff/pr-comment.js';
import { startRestApi, type RestApi } from '../../../support/github-services/rest-api.js';
import { withStdout } from '../../../support/stdout.js';

let api: RestApi;
let rest: RestClient;
const pr = { owner: 'protex', repo: 'north-gate', number: 0 };
let nextPr = 100;

beforeAll(async () => {
  api = await startRestApi({ repository: 'protex/north-gate', token: 'ghs_unit' });
  rest = createRestClient(api.token, { GITHUB_API_URL: `${api.url}/` });
});

afterEach(() => api.setReadOnly(false));

afterAll(() => api?.close());

/** A new pull request number for each test. */
function newPr(): typeof pr {
  return { ...pr, number: nextPr++ };
}

const captured = withStdout;

describe('the marker and the body', () => {
  test('the marker names the site; the body starts with it and fits the limit', () => {
    expect(commentMarker('north gate')).toBe('<!-- dataset-gen diff: north gate -->');
    let given = -1;
    const body = commentBody('north gate', (limit) => {
      given = limit;
      return 'é'.repeat(limit / 2);
    });
    expect(body.startsWith('<!-- dataset-gen diff: north gate -->\n')).toBe(true);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES);
    expect(given).toBe(COMMENT_LIMIT_BYTES - Buffer.byteLength('<!-- dataset-gen diff: north gate -->\n'));
  });
});

describe('create, then update', () => {
  test('the first run creates one comment, later runs update it; never a second one', async () => {
    const at = newPr();
    const first = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nfirst`);
    expect(first).toMatchObject({ action: 'created' });
    const second = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nsecond`);
    const third = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nthird`);
    expect(second).toEqual({ action: 'updated', id: (first as { id: number }).id, url: expect.stringContaining('#issuecomment-') });
    expect(third).toMatchObject({ action: 'updated', id: (first as { id: number }).id });
    expect(api.comments(at.number).map((c) => c.body)).toEqual([`${commentMarker('north-gate')}\nthird`]);
  });

  test('each site has its own comment', async () => {
    const at = newPr();
    await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nn`);
    await upsertComment(rest, at, 'south-gate', `${commentMarker('south-gate')}\ns`);
    await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nn2`);
    expect(api.comments(at.number).map((c) => c.body)).toEqual([`${commentMarker('north-gate')}\nn2`, `${commentMarker('south-gate')}\ns`]);
  });

  test("a person's comment quoting the marker, or one that only mentions it, is left alone", async () => {
    const at = newPr();
    api.addComment(at.number, `${commentMarker('north-gate')}\ncopied by hand`);
    api.addComment(at.number, `see ${commentMarker('north-gate')}`, { login: 'other[bot]', type: 'Bot' });
    const outcome = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nmine`);
    expect(outcome).toMatchObject({ action: 'created' });
    expect(api.comments(at.number).map((c) => [c.user.type, c.body])).toEqual([
      ['User', `${commentMarker('north-gate')}\ncopied by hand`],
      ['Bot', `see ${commentMarker('north-gate')}`],
      ['Bot', `${commentMarker('north-gate')}\nmine`],
    ]);
  });

  test('the comment is found on a later page of a long discussion', async () => {
    const at = newPr();
    const created = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nv1`);
    for (let i = 0; i < 230; i += 1) api.addComment(at.number, `comment ${i}`);
    // Ours is first: found on page 1, no further page is read.
    const pages = api.calls.length;
    const updated = await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nv2`);
    expect(updated).toMatchObject({ action: 'updated', id: (created as { id: number }).id });
    expect(api.comments(at.number)).toHaveLength(231);
    expect(api.calls.slice(pages).filter((c) => c.method === 'GET')).toHaveLength(1);
    // Ours after 150 others: on page 2, found by paging.
    const later = newPr();
    for (let i = 0; i < 150; i += 1) api.addComment(later.number, `comment ${i}`);
    const first = await upsertComment(rest, later, 'north-gate', `${commentMarker('north-gate')}\nv1`);
    const before = api.calls.length;
    await upsertComment(rest, later, 'north-gate', `${commentMarker('north-gate')}\nv2`);
    expect(api.calls.slice(before).map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'GET 200', 'PATCH 200']);
    expect(api.comments(later.number).filter((c) => c.body.startsWith(commentMarker('north-gate')))).toEqual([
      expect.objectContaining({ id: (first as { id: number }).id, body: `${commentMarker('north-gate')}\nv2` }),
    ]);
  });
});

describe('a token that cannot write', () => {
  test('403 on create: one warning saying why, nothing thrown, no comment', async () => {
    const at = newPr();
    api.setReadOnly(true);
    const { value, stdout } = await captured(() => postDiffComment(rest, at, 'north-gate', () => 'diff'));
    expect(value).toEqual({ action: 'not-written', reason: READ_ONLY_WARNING });
    expect(stdout).toBe(`::warning::${READ_ONLY_WARNING}\n`);
    expect(api.comments(at.number)).toEqual([]);
  });

  test('403 on update: the old comment stays as it was', async () => {
    const at = newPr();
    await upsertComment(rest, at, 'north-gate', `${commentMarker('north-gate')}\nold`);
    api.setReadOnly(true);
    const { value } = await captured(() => postDiffComment(rest, at, 'north-gate', () => 'new'));
    expect(value).toMatchObject({ action: 'not-written' });
    expect(api.comments(at.number).map((c) => c.body)).toEqual([`${commentMarker('north-gate')}\nold`]);
  });

  test('another failure (a bad token: 401) is a warning too, with the API message', async () => {
    const bad = createRestClient('not-the-token', { GITHUB_API_URL: api.url });
    const { value, stdout } = await captured(() => postDiffComment(bad, newPr(), 'north-gate', () => 'diff'));
    expect(value).toMatchObject({ action: 'not-written' });
    expect(stdout).toMatch(
      /^::warning::cannot write the pull-request comment: GET \/repos\/protex\/north-gate\/issues\/\d+\/comments\?per_page=100&page=1 answered 401: Bad credentials; the diff is in the job summary\n$/,
    );
    expect(stdout).not.toContain('not-the-token');
  });
});

describe('the REST client', () => {
  test('errors carry the status and one line of the API message', async () => {
    const error = await rest.get('/repos/protex/other/issues/1/comments').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect(error).toMatchObject({ status: 404, message: 'GET /repos/protex/other/issues/1/comments answered 404: Not Found' });
  });

  test('an unreachable API is status 0', async () => {
    const gone = createRestClient('t', { GITHUB_API_URL: 'http://127.0.0.1:9' });
    await expect(gone.get('/x')).rejects.toMatchObject({ status: 0 });
  });
});
