import { renderToStaticMarkup } from "react-dom/server";
import type { ChangedTopic } from "../../src/platform/changes";
import type { AppServices } from "../context";
import { ChoroplethDrawing, type DrawingProps, type DrawnMap } from "./components/MapFigures";

/**
 * A coloured map drawn once per data version of its topic: its `<svg>` content (100–200 kB
 * of paths) is rendered here, kept in the instance's public cache, and pages only insert
 * it. The areas keep their names and counts for the legend and the table, not their paths.
 */
export function drawnMap(
  { cache }: Pick<AppServices, "cache">,
  topic: ChangedTopic,
  key: string,
  drawing: () => DrawingProps | Promise<DrawingProps>,
): Promise<DrawnMap> {
  return cache.at(topic, `map:${key}`, async () => {
    const props = await drawing();
    return {
      ...props.map,
      areas: props.map.areas.map((area) => ({ ...area, path: null })),
      points: Boolean(props.clusters?.length),
      drawing: svgContent(
        // biome-ignore lint/a11y/noSvgWithoutTitle: a wrapper taken off below; the page's <svg> is labelled
        renderToStaticMarkup(<svg>{<ChoroplethDrawing {...props} />}</svg>),
      ),
    };
  });
}

/**
 * Rendered inside an `<svg>` (outside one, React would take its titles for the page's
 * title), then unwrapped: the page puts the content in its own `<svg>` element.
 */
const svgContent = (markup: string) => markup.slice("<svg>".length, -"</svg>".length);
