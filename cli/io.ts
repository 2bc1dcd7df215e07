// The CLI's view of the outside world: two text streams and the working directory. main() takes
// one, so tests run the whole CLI in-process with captured output.

export interface TextSink {
  write(text: string): void;
  /** True when the stream is a terminal (progress bars appear only then). */
  readonly isTTY: boolean;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly cwd: string;
}

/** The real process streams. A reader that goes away (`fsyncsim ... | head`) ends the process quietly. */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
  };
}
