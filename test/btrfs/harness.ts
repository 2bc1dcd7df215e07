// Drives the btrfs model directly in tests: mount on a device model, lay out a file, and run
// writes, fsyncs, truncates and commits as simulated processes.
import type { DeviceModel } from "../../block/index.ts";
import { createDevice } from "../../devices/index.ts";
import { BTRFS_PARAMS, BtrfsFilesystem, CPU_PARAMS, FSYNC_LOGGERS, type LoggerKind } from "../../btrfs/index.ts";
import { BlockDevice } from "../../block/index.ts";
import { Environment, type Proc } from "../../sim/index.ts";
import { resolveParams } from "../../lib/index.ts";
import type { FsyncReport } from "../../fs/index.ts";
import { OpTimer } from "../../btrfs/op-timer.ts";
import { KEY_TYPE, MAX_OFFSET, OBJECTID, key } from "../../btrfs/ctree/key.ts";
import type { FileExtentData, Item } from "../../btrfs/ctree/items.ts";
import type { FileLayout } from "../../fs/index.ts";

export const FILE_INO = 257;
const KiB = 1024;

export interface Mounted {
  env: Environment;
  bdev: BlockDevice;
  fsys: BtrfsFilesystem;
  /** Runs `body` as a process to completion and returns its value. */
  run<R>(body: Proc<R>): R;
  write(offsetBytes: number, lengthBytes?: number): void;
  fsync(): FsyncReport;
  truncate(sizeBytes: number): void;
  commit(): void;
  /** Runs `body` inside a joined transaction handle (as a process, to completion). */
  inTransaction(body: () => void): void;
}

export function mount(opts: { logger?: LoggerKind; device?: DeviceModel; btrfs?: Record<string, string>; sizeBytes?: number; fallocate?: string } = {}): Mounted {
  const env = new Environment();
  const bdev = new BlockDevice(env, opts.device ?? createDevice("null").model);
  const params = resolveParams(BTRFS_PARAMS, Object.entries(opts.btrfs ?? {}).map(([name, value]) => ({ name, value, where: "test" })));
  const fsys = new BtrfsFilesystem(env, bdev, params, resolveParams(CPU_PARAMS, []), FSYNC_LOGGERS[opts.logger ?? "modified-extents"]);
  const run = <R>(body: Proc<R>): R => {
    const p = env.process(body);
    while (!p.processed && env.step()) {
      // until done
    }
    if (!p.ok) throw p.value;
    return p.value as R;
  };
  const layout: FileLayout = {
    name: "t.0.0", sizeBytes: opts.sizeBytes ?? 1024 * KiB, fallocate: (opts.fallocate ?? "posix") as FileLayout["fallocate"], fill: false, invalidate: true, precreate: true,
  };
  const file = run(fsys.layout(layout, 0));
  const ctx = { pid: 1 };
  return {
    env, bdev, fsys, run,
    write: (offset, length = 4 * KiB) => run(fsys.write(ctx, file, offset, length, { direct: false })),
    fsync: () => run(fsys.fsync(ctx, file, false)),
    truncate: (size) => run(fsys.truncate(ctx, file, size)),
    commit: () =>
      run(
        (function* (): Proc {
          const op = new OpTimer(env, fsys.fs.cpu);
          const handle = yield* fsys.trans.join(op);
          yield* fsys.trans.commit(handle, op);
        })(),
      ),
    inTransaction: (body) =>
      run(
        (function* (): Proc {
          const handle = yield* fsys.trans.join(new OpTimer(env, fsys.fs.cpu));
          body();
          fsys.trans.end(handle);
        })(),
      ),
  };
}

/** The inode's file extent items in a tree, as [start, end, type] in KiB. */
export function extentsKiB(items: readonly Item[]): Array<[number, number, string]> {
  return items
    .filter((i) => i.key.type === KEY_TYPE.EXTENT_DATA)
    .map((i) => {
      const d = i.data as FileExtentData;
      return [i.key.offset / KiB, (i.key.offset + d.numBytes) / KiB, d.diskBytenr === 0 ? "hole" : d.extentType];
    });
}

/** All items of the file inode in `tree` (inode item, refs, extents). */
export function inodeItems(tree: { itemsInRange(a: ReturnType<typeof key>, b: ReturnType<typeof key>): Item[] }): Item[] {
  return tree.itemsInRange(key(FILE_INO, 0, 0), key(FILE_INO, KEY_TYPE.MAX, MAX_OFFSET));
}

/** Checksum items in `tree`, as [start, sectors] with start in KiB relative to `base`. */
export function csumRuns(tree: { itemsInRange(a: ReturnType<typeof key>, b: ReturnType<typeof key>): Item[] }): Array<[number, number]> {
  return tree
    .itemsInRange(key(OBJECTID.EXTENT_CSUM, 0, 0), key(OBJECTID.EXTENT_CSUM, KEY_TYPE.MAX, MAX_OFFSET))
    .map((i) => [i.key.offset, (i.data as { sectors: number }).sectors]);
}
