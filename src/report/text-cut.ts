/** Shortening user text for the reports: by characters (code points) or by UTF-8 bytes. */

/** Cuts `text` to `max` code points, the last being an ellipsis when anything was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length bounds the code point count
  // More than 2 × max UTF-16 units is more than max code points, whatever they are.
  const chars = [...text.slice(0, 2 * max)];
  if (chars.length <= max && text.length <= 2 * max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Cuts `text` to at most `limit` UTF-8 bytes without splitting a character. */
export function cutToBytes(text: string, limit: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= limit) return text;
  let end = Math.max(0, limit);
  while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80) end -= 1; // back off a continuation byte
  return buf.subarray(0, end).toString('utf8');
}
