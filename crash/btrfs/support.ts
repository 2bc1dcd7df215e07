// crash-check on btrfs: the recording installed in a BtrfsFilesystem (file events, tree images,
// btrfs_sync_log's ordering, with the faults asked for), mkfs's trees and superblock recorded as on
// the device from time 0 (the model treats mkfs as done before the job: btrfs/mkfs.ts), and each
// device state mounted as open_ctree and log replay would (recover.ts), then checked (verify.ts).
import { RECORD_BLOCK_BYTES, SECTOR_BYTES } from "../../block/index.ts";
import { BtrfsFilesystem } from "../../btrfs/index.ts";
import { superImage, superblockBios, treeBlockBios } from "../../btrfs/disk-io.ts";
import type { FsInfo } from "../../btrfs/fs-info.ts";
import type { Volumes } from "../../btrfs/volumes.ts";
import type { FileSystem } from "../../fs/index.ts";
import { partitionPoint } from "../../lib/index.ts";
import type { CrashMount, CrashSupport } from "../support.ts";
import type { DataImage } from "../images.ts";
import { INJECTIONS } from "../inject.ts";
import type { CrashRecorder } from "../recorder.ts";
import type { DataBefore } from "./csum-index.ts";
import { faultyLogSyncIo, faultyTreeImage } from "./faults.ts";
import { MountError, recover, recoveryContext } from "./recover.ts";
import { verify } from "./verify.ts";

export const btrfsCrashSupport: CrashSupport = {
  injections: INJECTIONS,
  attach(fs: FileSystem, recorder: CrashRecorder, injections): CrashMount {
    if (!(fs instanceof BtrfsFilesystem)) throw new Error("btrfs crash support attached to another filesystem");
    const treeImage = faultyTreeImage(injections);
    fs.record({ files: recorder, treeImage, logSyncIo: faultyLogSyncIo(injections) });
    recordBaseImage(fs.fs, recorder);
    const { volumes, nodesize } = fs.fs;
    return {
      afterRun() {
        const ctx = recoveryContext(volumes, nodesize, recorder.inodes, dataHistory(recorder, volumes));
        return (state, promises) => {
          try {
            return verify(recover(state, ctx), promises, state, volumes)?.what;
          } catch (error) {
            if (!(error instanceof MountError)) throw error;
            return `the filesystem does not mount: ${error.message}`;
          }
        };
      },
    };
  },
};

/** mkfs's trees and superblock, as writes durable at time 0 before anything the run does. */
function recordBaseImage(fs: FsInfo, recorder: CrashRecorder): void {
  const blocks = fs.committedTrees.flatMap((t) => [...t.blocks()]);
  const bios = [...treeBlockBios(fs.volumes, blocks, fs.nodesize, fs.treeImage), ...superblockBios(fs.bdev.capacityBytes, Infinity, superImage(fs.superblock))];
  for (const bio of bios) recorder.deviceWrite(bio.startSector * SECTOR_BYTES, bio.images ?? [], 0, 0, true);
}

/** For each logical data block, the data images written to it in issue order. */
function dataHistory(recorder: CrashRecorder, volumes: Volumes): DataBefore {
  const byPhysical = new Map<number, Array<{ seq: number; image: DataImage }>>();
  for (const w of recorder.writes) {
    w.images.forEach((image, i) => {
      if (image.kind !== "data") return;
      const block = w.block + i;
      let list = byPhysical.get(block);
      if (list === undefined) {
        list = [];
        byPhysical.set(block, list);
      }
      list.push({ seq: w.seq, image });
    });
  }
  return (logicalBlock, seq) => {
    const list = byPhysical.get(volumes.firstPhysical(logicalBlock * RECORD_BLOCK_BYTES) / RECORD_BLOCK_BYTES);
    if (list === undefined) return undefined;
    return list[partitionPoint(list.length, (i) => (list[i] as { seq: number }).seq < seq) - 1]?.image;
  };
}

