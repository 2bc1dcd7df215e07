// Bad input (a job file, a --set value, a device name) is reported as one line naming where the
// problem is (file and line, or the command-line option) and what it is. The CLI prints the line and
// exits with status 2; nothing else in the simulator catches these.

export class InputError extends Error {
  /** Where the bad input is: "FILE:LINE", "--set", "--device", ... */
  readonly where: string;

  constructor(where: string, message: string) {
    super(message);
    this.name = "InputError";
    this.where = where;
  }

  /** The one line shown to the user. */
  get line(): string {
    return `${this.where}: ${this.message}`;
  }
}
