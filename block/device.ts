// The device interface the block layer calls: what it needs from a storage device model. A model receives
// commands (read, write, flush) in dispatch order and answers when each completes; its capabilities,
// stated as data, tell the block layer which Linux flush/FUA rules apply (style guide P1, P2).

/** Bytes per Linux sector: the unit of every sector number and count. */
export const SECTOR_BYTES = 512;

/** One command as the device sees it, after the block layer's flush/FUA translation. */
export interface DeviceCommand {
  readonly op: "read" | "write" | "flush";
  /** First 512-byte sector (0 for a flush). */
  readonly startSector: number;
  /** Number of 512-byte sectors (0 for a flush). */
  readonly sectorCount: number;
  /** Write with Force Unit Access: durable before completion. Only sent if capabilities.fua. */
  readonly fua: boolean;
}

/** What a device advertises to Linux, and what its driver costs the host. */
export interface DeviceCapabilities {
  /**
   * The device has a volatile write cache (Linux QUEUE_FLAG_WC): flushes are sent to it. Without
   * one, the block layer completes empty flushes at once and strips FLUSH/FUA from writes.
   */
  readonly volatileWriteCache: boolean;
  /**
   * Acknowledged writes survive a power cut even while they sit in the write cache (capacitors or
   * a protected buffer): what the crash checker may lose. Flushes are still sent if the device
   * advertises a cache; they just do not decide durability.
   */
  readonly powerLossProtected: boolean;
  /** The device takes FUA writes natively (QUEUE_FLAG_FUA); otherwise FUA is write + post-flush. */
  readonly fua: boolean;
  /** Addressable size in bytes (a multiple of SECTOR_BYTES). */
  readonly capacityBytes: number;
  /** Host CPU time the driver spends on each command before the device sees it, in ns. */
  readonly hostCpuNsPerCommand: number;
  /**
   * The device is rotational (Linux queue/rotational = 1, no QUEUE_FLAG_NONROT). btrfs mounts a
   * filesystem whose devices are all non-rotational with the ssd option.
   */
  readonly rotational: boolean;
}

/** A device model instance: mutable state (head position, cache, queues) behind one call. */
export interface DeviceModel {
  readonly capabilities: DeviceCapabilities;
  /**
   * Accepts `cmd` at `nowNs` and returns the integer time in ns at which it completes (>= nowNs).
   * Calls come with non-decreasing `nowNs`; a model that serves one command at a time queues the
   * command behind the ones before it.
   */
  submit(cmd: DeviceCommand, nowNs: number): number;
}
