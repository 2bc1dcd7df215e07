// The fsync logger registry: one entry per name, checked exhaustively at compile time.
import { MSG } from "../../lib/messages.ts";
import { InputError } from "../../lib/input-error.ts";
import { closestMatch } from "../../lib/suggest.ts";
import { fullCommit } from "./full-commit.ts";
import type { FsyncLogger } from "./logger.ts";
import { modifiedExtents } from "./modified-extents.ts";
import { modifiedRange } from "./modified-range.ts";
import { truncateAndCopy } from "./truncate-and-copy.ts";

export const LOGGER_KINDS = ["truncate-and-copy", "modified-extents", "modified-range", "full-commit"] as const;
export type LoggerKind = (typeof LOGGER_KINDS)[number];

/** The logger a run uses when none is named: the patch's. */
export const DEFAULT_LOGGER: LoggerKind = "modified-extents";

export const FSYNC_LOGGERS: Readonly<Record<LoggerKind, FsyncLogger>> = {
  "truncate-and-copy": truncateAndCopy,
  "modified-extents": modifiedExtents,
  "modified-range": modifiedRange,
  "full-commit": fullCommit,
};

export function loggerKind(name: string, where = "--logger"): LoggerKind {
  if ((LOGGER_KINDS as readonly string[]).includes(name)) return name as LoggerKind;
  throw new InputError(where, MSG.unknownLogger(name, closestMatch(name, LOGGER_KINDS), LOGGER_KINDS));
}

export type { FsyncLogger, LogResult } from "./logger.ts";
export { MAX_LOGGED_EXTENTS } from "./modified-extents.ts";
