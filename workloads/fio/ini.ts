// The INI layer of a fio job file, as fio's parse_jobs_ini() reads it: `[section]` headers,
// `key=value` or bare `key` lines, and comments. A line whose first non-blank character is ';' or
// '#' is a comment, and, as fio's strip_blank_end() does, anything from the first ';' or '#' on a
// line is dropped. Every entry keeps its line number for error messages.
import { InputError } from "../../lib/input-error.ts";

export interface IniEntry {
  readonly key: string;
  /** The text after '=', trimmed; undefined for a bare key. */
  readonly value: string | undefined;
  readonly line: number;
}

export interface IniSection {
  readonly name: string;
  readonly line: number;
  readonly entries: IniEntry[];
}

/** Splits `text` (the contents of `file`) into sections; entries before any header are an error. */
export function parseIni(text: string, file: string): IniSection[] {
  const sections: IniSection[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const cut = raw.search(/[;#]/);
    const content = (cut < 0 ? raw : raw.slice(0, cut)).trim();
    if (content === "") return;
    if (content.startsWith("[")) {
      const m = /^\[([^\]]*)\]$/.exec(content);
      const name = m?.[1]?.trim();
      if (name === undefined || name === "") throw new InputError(`${file}:${line}`, `malformed section header '${content}'`);
      sections.push({ name, line, entries: [] });
      return;
    }
    const current = sections[sections.length - 1];
    if (current === undefined) {
      throw new InputError(`${file}:${line}`, `'${content}' appears before any [section] header`);
    }
    const eq = content.indexOf("=");
    const key = (eq < 0 ? content : content.slice(0, eq)).trim();
    const value = eq < 0 ? undefined : content.slice(eq + 1).trim();
    if (key === "") throw new InputError(`${file}:${line}`, `'${content}' has no option name before '='`);
    current.entries.push({ key, value, line });
  });
  return sections;
}
