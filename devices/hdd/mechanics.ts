// The moving parts of a disk: the arm (which cylinder and head it is on) and the spindle, whose
// angle is a function of simulated time (angle = (t + phase) mod one revolution), so the rotational
// wait for a sector is computed from where the platter really is, not from an average. A media
// access is: move the arm (seek with write settle, or head switch), wait for the first sector to come
// round, transfer track by track with head and cylinder switches in between. Tracks are skewed so
// that a transfer continuing onto the next track arrives just as its first sector does: by the
// head-switch time within a cylinder, by the cylinder-switch time across cylinders (the standard
// formatting practice; DiskSim's track and cylinder skews).
import type { SeekCurve } from "./seek-curve.ts";
import { ZonedLayout, type Location } from "./zoned-layout.ts";

export interface MechanicsSpec {
  readonly layout: ZonedLayout;
  readonly seek: SeekCurve;
  readonly revolutionNs: number;
  /** Rotational position at time 0, ns into a revolution. */
  readonly phaseNs: number;
  readonly headSwitchNs: number;
  /** Extra settle after a seek before a write may start. */
  readonly writeSettleNs: number;
  /** Skew between the last track of a cylinder and the first of the next: a one-cylinder move. */
  readonly cylinderSwitchNs: number;
}

/** Positions closer than this to the head count as under it (absorbs floating-point error). */
const ALIGN_EPSILON_NS = 0.5;

export class DiskMechanics {
  /** Cylinder and head the arm is on. */
  cylinder = 0;
  head = 0;
  /** The LBA just past the last sector transferred (where a C-LOOK sweep continues). */
  nextLba = 0;
  private readonly spec: MechanicsSpec;
  private readonly loc: Location;
  private readonly skewPerCylinderNs: number;

  constructor(spec: MechanicsSpec) {
    this.spec = spec;
    this.loc = ZonedLayout.emptyLocation(spec.layout);
    this.skewPerCylinderNs = spec.cylinderSwitchNs + (spec.layout.surfaces - 1) * spec.headSwitchNs;
  }

  /** Rotational position (ns into a revolution) at which the start of `loc`'s sector passes the head. */
  sectorAngleNs(loc: Location): number {
    const skew = loc.cylinder * this.skewPerCylinderNs + loc.head * this.spec.headSwitchNs;
    return (skew + loc.sector * loc.zone.sectorNs) % this.spec.revolutionNs;
  }

  /** Time from `tNs` until the head is over the start of `lba`, without moving anything. */
  positioningNs(tNs: number, lba: number, write: boolean): number {
    const loc = this.spec.layout.locate(lba, this.loc);
    const moveNs = this.moveNs(loc.cylinder, loc.head, write);
    return moveNs + this.rotationalWaitNs(tNs + moveNs, this.sectorAngleNs(loc));
  }

  /** Reads or writes `count` sectors from `lba` starting at `tNs`; returns the end time (ns, float). */
  access(tNs: number, lba: number, count: number, write: boolean): number {
    const layout = this.spec.layout;
    let t = tNs;
    let at = lba;
    let remaining = count;
    while (remaining > 0) {
      const loc = layout.locate(at, this.loc);
      const n = Math.min(remaining, loc.zone.sectorsPerTrack - loc.sector);
      t += this.moveNs(loc.cylinder, loc.head, write);
      this.cylinder = loc.cylinder;
      this.head = loc.head;
      t += this.rotationalWaitNs(t, this.sectorAngleNs(loc));
      t += n * loc.zone.sectorNs;
      at += n;
      remaining -= n;
    }
    this.nextLba = at;
    return t;
  }

  /** The platter's rotational position at `tNs`, ns into a revolution. */
  angleAtNs(tNs: number): number {
    return (tNs + this.spec.phaseNs) % this.spec.revolutionNs;
  }

  /** Wait from `tNs` until rotational position `angleNs` is under the head. */
  rotationalWaitNs(tNs: number, angleNs: number): number {
    const rev = this.spec.revolutionNs;
    let wait = angleNs - this.angleAtNs(tNs);
    if (wait < 0) wait += rev;
    return wait >= rev - ALIGN_EPSILON_NS || wait <= ALIGN_EPSILON_NS ? 0 : wait;
  }

  /** Arm movement to (cylinder, head): a seek (plus write settle), a head switch, or nothing. */
  private moveNs(cylinder: number, head: number, write: boolean): number {
    const distance = Math.abs(cylinder - this.cylinder);
    if (distance > 0) return this.spec.seek.timeNs(distance) + (write ? this.spec.writeSettleNs : 0);
    return head === this.head ? 0 : this.spec.headSwitchNs;
  }
}
