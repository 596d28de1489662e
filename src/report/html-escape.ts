/**
 * Text and links for report.html. Every user-controlled string (site, video, class and file names)
 * goes through `escapeHtml` (element text and quoted attribute values alike), and is length-capped
 * first with `cut`. Links are relative paths inside the dataset folder, percent-encoded per segment.
 */

import { cut as cutText } from './text-cut.js';

/** User strings longer than this (in characters, before escaping) are cut with an ellipsis. */
export const MAX_TEXT_LENGTH = 120;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes `& < > " '` so the text is inert both as element content and inside a quoted attribute.
 * Control characters (and U+2028/9) become spaces, and lone UTF-16 surrogates become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\uFFFD')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/** Cuts `text` to `max` code points (default `MAX_TEXT_LENGTH`), the last being an ellipsis when anything was cut. */
export function cut(text: string, max = MAX_TEXT_LENGTH): string {
  return cutText(text, max);
}

/** A user-controlled string, capped and escaped: safe to place in HTML text or a quoted attribute. */
export function userText(text: string, max = MAX_TEXT_LENGTH): string {
  return escapeHtml(cut(text, max));
}

/**
 * A relative link to a file in the dataset folder (`images/a b#1.jpg` → `images/a%20b%231.jpg`), ready
 * for an `href`/`src` attribute: each path segment is percent-encoded, so `#`, `?`, `:` and `%` in a
 * file name cannot turn the link into a fragment, a query or a scheme. Empty, `.` and `..` segments
 * are dropped, so the link stays inside the folder.
 */
export function relativeHref(relPath: string): string {
  const segments = relPath
    .split(/[\\/]/)
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')));
  return escapeHtml(segments.join('/'));
}
