// A progress bar for long runs, on stderr and only when stderr is a terminal: piped or captured
// output never contains progress noise.
import cliProgress from "cli-progress";
import type { CliIo } from "./io.ts";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** A bar labelled `label`, counting `unit`, if stderr is a TTY; otherwise a reporter that does nothing. */
export function startProgress(io: CliIo, label: string, unit = "writes"): Progress {
  if (!io.stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
