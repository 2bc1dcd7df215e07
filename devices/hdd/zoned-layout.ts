// Where each logical block of a zoned-recording disk sits: zone, cylinder, surface (head) and
// sector within the track. Zones hold equal numbers of cylinders; sectors per track fall linearly
// from the outer zone's count to the inner zone's (a zone's media rate is its track's bytes per
// revolution). LBAs run through a cylinder surface by surface, then to the next cylinder inwards.
// (DiskSim's layout_g1, without spare sectors.) Track skew is timing, so it lives in mechanics.ts.

export interface ZonedLayoutSpec {
  readonly capacitySectors: number;
  readonly surfaces: number;
  readonly zones: number;
  /** Sectors on one track of the outermost zone. */
  readonly outerTrackSectors: number;
  /** Sectors on one track of the innermost zone. */
  readonly innerTrackSectors: number;
  readonly revolutionNs: number;
}

export interface Zone {
  readonly firstLba: number;
  readonly firstCylinder: number;
  readonly sectorsPerTrack: number;
  /** Time one sector takes to pass under the head, ns. */
  readonly sectorNs: number;
}

/** A block's physical place; reused by callers to avoid allocation on hot paths. */
export interface Location {
  zone: Zone;
  cylinder: number;
  head: number;
  /** Sector index within its track. */
  sector: number;
}

export class ZonedLayout {
  readonly zones: readonly Zone[];
  readonly cylinders: number;
  readonly cylindersPerZone: number;
  readonly surfaces: number;

  constructor(spec: ZonedLayoutSpec) {
    this.surfaces = spec.surfaces;
    const sectorsPerTrack: number[] = [];
    for (let z = 0; z < spec.zones; z++) {
      const fraction = spec.zones === 1 ? 0 : z / (spec.zones - 1);
      const sectors = spec.outerTrackSectors + (spec.innerTrackSectors - spec.outerTrackSectors) * fraction;
      sectorsPerTrack.push(Math.max(1, Math.round(sectors)));
    }
    const sectorsPerCylinderRound = sectorsPerTrack.reduce((s, n) => s + n, 0) * spec.surfaces;
    this.cylindersPerZone = Math.ceil(spec.capacitySectors / sectorsPerCylinderRound);
    this.cylinders = this.cylindersPerZone * spec.zones;
    const zones: Zone[] = [];
    let lba = 0;
    for (let z = 0; z < spec.zones; z++) {
      const spt = sectorsPerTrack[z] as number;
      zones.push({ firstLba: lba, firstCylinder: z * this.cylindersPerZone, sectorsPerTrack: spt, sectorNs: spec.revolutionNs / spt });
      lba += spt * spec.surfaces * this.cylindersPerZone;
    }
    this.zones = zones;
  }

  /** Fills `out` with the place of `lba` and returns it. */
  locate(lba: number, out: Location): Location {
    const zones = this.zones;
    let z = zones.length - 1;
    while (z > 0 && (zones[z] as Zone).firstLba > lba) z--;
    const zone = zones[z] as Zone;
    const offset = lba - zone.firstLba;
    const track = Math.floor(offset / zone.sectorsPerTrack);
    out.zone = zone;
    out.sector = offset - track * zone.sectorsPerTrack;
    out.cylinder = zone.firstCylinder + Math.floor(track / this.surfaces);
    out.head = track % this.surfaces;
    return out;
  }

  /** A fresh Location object (for callers that keep one to reuse). */
  static emptyLocation(layout: ZonedLayout): Location {
    return { zone: layout.zones[0] as Zone, cylinder: 0, head: 0, sector: 0 };
  }
}
