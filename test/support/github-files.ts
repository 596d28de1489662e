/** Reading the files the Actions runner hands a step: GITHUB_OUTPUT. */

/** Parses a GITHUB_OUTPUT file (`name<<delimiter`, value lines, `delimiter`, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (!heredoc) {
      const simple = /^([^=]+)=(.*)$/.exec(line);
      if (simple) out[simple[1]!] = simple[2]!;
      continue;
    }
    const [, name, delimiter] = heredoc;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i] ?? '');
    out[name!] = value.join('\n');
  }
  return out;
}
