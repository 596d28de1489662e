/**
 * Parses the class-name literals YOLO exporters write into ONNX metadata:
 * a Python dict `{0: 'person', 1: "rock 'n' roll"}`, a Python list `['person', 'bicycle']`, or the
 * JSON forms of either. Strings may use either quote and Python/JSON escapes.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

const HEX_ESCAPE_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

class LiteralReader {
  private position = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    this.skipSpace();
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
  }

  /** Consumes `char` (after whitespace) when it is next. */
  accept(char: string): boolean {
    this.skipSpace();
    if (this.text[this.position] !== char) return false;
    this.position++;
    return true;
  }

  peek(): string | undefined {
    this.skipSpace();
    return this.text[this.position];
  }

  readInt(): number | null {
    this.skipSpace();
    const match = /^\d+/.exec(this.text.slice(this.position));
    if (!match) return null;
    this.position += match[0].length;
    return Number(match[0]);
  }

  /** A quoted string (' or "), with escapes resolved; null when malformed. */
  readString(): string | null {
    this.skipSpace();
    const quote = this.text[this.position];
    if (quote !== "'" && quote !== '"') return null;
    let out = '';
    for (let i = this.position + 1; i < this.text.length; i++) {
      const char = this.text[i]!;
      if (char === quote) {
        this.position = i + 1;
        return out;
      }
      if (char !== '\\') {
        out += char;
        continue;
      }
      const next = this.text[i + 1];
      if (next === undefined) return null;
      const simple = SIMPLE_ESCAPES[next];
      const digits = HEX_ESCAPE_DIGITS[next];
      if (simple !== undefined) {
        out += simple;
        i += 1;
      } else if (digits !== undefined) {
        const hex = this.text.slice(i + 2, i + 2 + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return null;
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + digits;
      } else {
        out += `\\${next}`; // Python keeps unknown escapes as written
        i += 1;
      }
    }
    return null;
  }

  /** A dict key: an int, or a quoted int (JSON). */
  readKey(): number | null {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') return this.readInt();
    const text = this.readString();
    return text !== null && /^\d+$/.test(text) ? Number(text) : null;
  }
}

function parseDict(reader: LiteralReader): Map<number, string> | null {
  const entries = new Map<number, string>();
  while (!reader.accept('}')) {
    const key = reader.readKey();
    if (key === null || !reader.accept(':')) return null;
    const value = reader.readString();
    if (value === null || entries.has(key)) return null;
    entries.set(key, value);
    if (!reader.accept(',') && reader.peek() !== '}') return null;
  }
  return entries;
}

function parseList(reader: LiteralReader, close: string): Map<number, string> | null {
  const entries = new Map<number, string>();
  while (!reader.accept(close)) {
    const value = reader.readString();
    if (value === null) return null;
    entries.set(entries.size, value);
    if (!reader.accept(',') && reader.peek() !== close) return null;
  }
  return entries;
}

/**
 * Class names ordered by index, or null when `text` is not a dict/list of strings whose indices run
 * 0..n-1 without gaps.
 */
export function parseNames(text: string): string[] | null {
  const reader = new LiteralReader(text);
  let entries: Map<number, string> | null;
  if (reader.accept('{')) entries = parseDict(reader);
  else if (reader.accept('[')) entries = parseList(reader, ']');
  else if (reader.accept('(')) entries = parseList(reader, ')');
  else return null;
  if (!entries || !reader.done || entries.size === 0) return null;
  const names: string[] = [];
  for (let index = 0; index < entries.size; index++) {
    const name = entries.get(index);
    if (name === undefined) return null;
    names.push(name);
  }
  return names;
}
