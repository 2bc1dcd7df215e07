// What fsyncsim tells a user about a bad bs, bsrange or bssplit value, in one place so the tests
// compare against these functions rather than copied strings (style guide P12). Each is one line
// naming the option and the offending text; the caller's InputError adds the file and line.

export const BS_MSG = {
  empty: (key: string) => `option '${key}' needs a value (${key}=...)`,
  tooManyFields: (key: string, text: string) =>
    `option '${key}': '${text}' has more than three comma-separated values (read,write,trim)`,
  zero: (key: string, field: string) => `option '${key}': '${field}' must be at least 1 byte`,
  bsNotASize: (field: string) =>
    `option 'bs': '${field}' is not one size; use bsrange= for a range, and a comma between the read and write sizes`,
  bsrangeNotARange: (field: string) => `option 'bsrange': '${field}' is not a range (use min-max, e.g. 1k-4k)`,
  bsrangeMinAboveMax: (field: string, minBytes: number, maxBytes: number) =>
    `option 'bsrange': '${field}' has its minimum (${minBytes} bytes) above its maximum (${maxBytes} bytes)`,
  bssplitEmptyEntry: (field: string) => `option 'bssplit': '${field}' has an empty entry (entries are size/percent, joined by ':')`,
  bssplitBadEntry: (entry: string) => `option 'bssplit': '${entry}' is not size/percent (e.g. 4k/50)`,
  bssplitBadPct: (entry: string) => `option 'bssplit': '${entry}': the percentage must be a whole number from 0 to 100`,
  bssplitOver100: (field: string, sumPct: number) =>
    `option 'bssplit': '${field}': the percentages add up to ${sumPct}, more than 100`,
  bssplitTooMany: (field: string, count: number, max: number) =>
    `option 'bssplit': '${field}' has ${count} entries; fio allows at most ${max} per direction`,
} as const;
