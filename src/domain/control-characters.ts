/**
 * Control characters in names and prefixes a user or a model supplies: C0 (U+0000–U+001F: tab, line
 * feed and carriage return included), DEL (U+007F), C1 (U+0080–U+009F: NEL, U+0085, included) and the
 * Unicode line and paragraph separators (U+2028, U+2029). None of them is ever part of a meaningful
 * class name or path prefix, and each breaks something downstream: XML 1.0 cannot hold most C0 at all
 * and normalises tab, LF and CR in attribute values to spaces; YAML 1.1 reads NEL, U+2028 and U+2029
 * as line breaks and refuses DEL and the rest of C1; a browser drops tab and LF from a URL.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export interface ControlCharacter {
  /** UTF-16 index of the first control character in the text. */
  index: number;
  /** Its code point as `U+XXXX`. */
  codePoint: string;
}

const hex4 = (code: number): string => code.toString(16).padStart(4, '0');

/** `U+000A` for code point 10. */
export function codePointName(codePoint: number): string {
  return `U+${hex4(codePoint).toUpperCase()}`;
}

/** The first control character in `text`, or null when it holds none. */
export function findControlCharacter(text: string): ControlCharacter | null {
  const match = CONTROL.exec(text);
  return match === null ? null : { index: match.index, codePoint: codePointName(match[0].charCodeAt(0)) };
}

/** `text` with each control character written as `\uxxxx` (lower-case hex, as `JSON.stringify` writes them). */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_ALL, (c) => `\\u${hex4(c.charCodeAt(0))}`);
}

/** `text` as a JSON string literal with every control character escaped: one line, whatever it holds. */
export function quotedOneLine(text: string): string {
  return escapeControlCharacters(JSON.stringify(text));
}

/**
 * Why a class name is refused, or null when it is fine. Control characters are refused when a model
 * is loaded (its config's `classNames` or its ONNX metadata's `names`), not escaped: XML 1.0 cannot
 * write most C0 characters even as references, and the rest survive only as escapes that each
 * labelling tool shows differently, so refusing them once keeps every export equal to the model's names.
 */
export function classNameProblem(name: string): string | null {
  const found = findControlCharacter(name);
  if (found === null) return null;
  return `${quotedOneLine(name)} holds control character ${found.codePoint}; class names may not hold control characters (line breaks, tabs, C0/C1 controls, U+2028/U+2029)`;
}
