// Every device model's parameter table follows the conventions: a unit in every number's name,
// help and a source for every entry, defaults within bounds; and every model builds from defaults.
import { describe, expect, it } from "vitest";
import { DEVICE_KINDS, DEVICE_MODELS, createDevice, deviceSpec } from "../../devices/index.ts";
import { InputError, SOURCE_STATUS, unitOfParamName } from "../../lib/index.ts";

describe("device registry", () => {
  for (const kind of DEVICE_KINDS) {
    describe(kind, () => {
      const spec = DEVICE_MODELS[kind];
      it("names its registry key", () => expect(spec.name).toBe(kind));
      for (const [name, p] of Object.entries(spec.params)) {
        it(`parameter ${name} has a unit, help, a source and a sane default`, () => {
          expect(p.help.length).toBeGreaterThan(10);
          expect(p.source.length).toBeGreaterThan(5);
          expect(Object.keys(SOURCE_STATUS)).toContain(p.status);
          if (p.kind === "number") {
            expect(unitOfParamName(name), `${name} needs a unit suffix`).toBeDefined();
            expect(p.default).toBeGreaterThanOrEqual(p.min);
            expect(p.default).toBeLessThanOrEqual(p.max);
            if (p.integer === true) expect(Number.isInteger(p.default)).toBe(true);
          }
          if (p.kind === "choice") expect(p.choices).toContain(p.default);
        });
      }
      it("builds an instance from its defaults with a sector-aligned capacity", () => {
        const caps = createDevice(kind).model.capabilities;
        expect(caps.capacityBytes % 512).toBe(0);
        expect(caps.capacityBytes).toBeGreaterThan(2 ** 20);
      });
    });
  }

  it("suggests the nearest name for an unknown device", () => {
    expect(() => deviceSpec("fusion")).toThrow(InputError);
    expect(() => deviceSpec("sata-hd")).toThrow(/did you mean 'sata-hdd'/);
  });

  it("refuses inherited object properties as parameter names", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(() => createDevice("null", [{ name, value: "1", where: "--set" }])).toThrow(/unknown parameter/);
    }
  });
});
