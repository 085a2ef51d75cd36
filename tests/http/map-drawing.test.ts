import type { Noun } from "../../app/platform/format";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChoroplethFigure } from "../../app/atlas/components/MapFigures";
import { drawnMap } from "../../app/atlas/map-drawing.server";
import { atlasLabels, franceMap, worldMap } from "../../src/modules/atlas/index";
import { createPublicCache } from "../../src/platform/cache";
import { changing } from "../../src/platform/changes";
import { openTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("maps drawn once per data version", () => {
  it("give the very page the map rendered on each request gave", async () => {
    const labels = await atlasLabels(database.db);
    const cache = createPublicCache(database.db);
    for (const map of [
      worldMap({ SN: 12, MA: 3, DE: 250, BR: 1 }, labels),
      franceMap("region", { "53": 40, "11": 7, "976": 2 }, labels),
    ]) {
      const figure = {
        id: "carte",
        title: "Projets par pays",
        unit: ["projet", "projets", "m"] as Noun,
      };
      const drawn = await drawnMap({ cache }, "atlas", `test:${map.viewBox}`, () => ({
        ...figure,
        map,
        unit: ["projet", "projets", "m"] as Noun,
      }));
      expect(drawn.areas.every((area) => area.path === null)).toBe(true);
      const render = (shown: typeof drawn) =>
        renderToStaticMarkup(
          createElement(ChoroplethFigure, {
            ...figure,
            unit: ["projet", "projets", "m"] as Noun,
            map: shown,
            areaHeader: "Pays",
          }),
        );
      const direct = render(map);
      expect(direct.match(/<path /g)?.length).toBeGreaterThan(10);
      expect(render(drawn)).toBe(direct);
    }
  });

  it("are drawn again only when their topic's data changes", async () => {
    const labels = await atlasLabels(database.db);
    const cache = createPublicCache(database.db);
    let drawings = 0;
    const draw = () => {
      drawings += 1;
      return {
        id: "carte",
        title: "Demandes",
        unit: ["demande", "demandes", "f"] as Noun,
        map: worldMap({ SN: drawings }, labels),
      };
    };
    const first = await drawnMap({ cache }, "bourse", "k", draw);
    expect(await drawnMap({ cache }, "bourse", "k", draw)).toBe(first);
    await changing(database.db, "atlas", async () => undefined);
    expect(await drawnMap({ cache }, "bourse", "k", draw)).toBe(first);
    await changing(database.db, "bourse", async () => undefined);
    const second = await drawnMap({ cache }, "bourse", "k", draw);
    expect(drawings).toBe(2);
    expect(second.drawing).not.toBe(first.drawing);
  });
});
