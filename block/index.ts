// The block layer: bios with PREFLUSH/FUA/META flags, the request queue that applies Linux's flush
// rules by device capability, the device interface it calls, and its recording hook.
export { REQ, emptyFlushBio, readBio, writeBio, type Bio } from "./bio.ts";
export { BlockDevice, zeroBlockStats, type BlockStats } from "./block-device.ts";
export { SECTOR_BYTES, type DeviceCapabilities, type DeviceCommand, type DeviceModel } from "./device.ts";
export { RECORD_BLOCK_BYTES, type BlockImage, type BlockRecorder } from "./recorder.ts";
