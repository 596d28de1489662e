/**
 * Text for an XML 1.0 attribute value or element content. Markup characters become entities; tab,
 * line feed and carriage return become character references (`&#9;` `&#10;` `&#13;`), since a parser
 * turns them into spaces in an attribute value (attribute-value normalisation) and a raw CR into LF
 * anywhere; DEL, C1 controls and U+2028/U+2029 become references too, so no reader takes them for a
 * line end. Characters XML 1.0 cannot hold at all, even as references (the other C0 controls,
 * U+FFFE, U+FFFF, unpaired surrogates), are refused: class names holding them are refused when the
 * model is loaded (domain/control-characters.ts), so reaching here is a bug, not a name to rewrite.
 */
import { codePointName, quotedOneLine } from '../domain/control-characters.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML_10 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
const AS_REFERENCE = /[\t\n\r\u007f-\u009f\u2028\u2029]/g;

export function escapeXml(text: string): string {
  const refused = NOT_XML_10.exec(text);
  if (refused !== null) {
    throw new RangeError(`${quotedOneLine(text)} holds ${codePointName(refused[0].charCodeAt(0))}, which XML 1.0 cannot hold`);
  }
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(AS_REFERENCE, (c) => `&#${c.charCodeAt(0)};`);
}
