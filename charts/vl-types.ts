// Names for the parts of a Vega-Lite spec that the builders assemble before the whole: vega-lite
// exports only TopLevelSpec and Config from its root, and the rest from `types_unstable`, which is
// safe here because vega-lite is pinned (6.4.3). A `Vl` prefix marks them, as vega-lite uses `Vg`.
import type { ColorDef, Field, PositionDef } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec, NonNormalizedSpec } from "vega-lite/types_unstable/spec/index.js";
import type { FacetFieldDef } from "vega-lite/types_unstable/spec/facet.js";

/** An x or y encoding. */
export type VlPositionDef = PositionDef<Field>;
/** A color encoding. */
export type VlColorDef = ColorDef<Field>;
/** A layered view. */
export type VlLayerSpec = LayerSpec<Field>;
/** Any view that can sit in a concat. */
export type VlSpec = NonNormalizedSpec;
/** A facet row or column. */
export type VlFacetFieldDef = FacetFieldDef<Field>;
