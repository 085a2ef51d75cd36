/** Five colours of the DSFR's "bleu France", light to dark, and the colour of "none". */
export const CLASS_COLOURS = ["#e3e3fd", "#cacafb", "#8585f6", "#6a6af4", "#000091"] as const;
export const NONE_COLOUR = "#d9d9d9";

export interface ColourClass {
  min: number;
  max: number;
  colour: string;
}

/**
 * Classes of a choropleth: quantiles of the non-zero values, so each colour covers about as
 * many areas; fewer classes when values are few.
 */
export function colourClasses(values: number[]): ColourClass[] {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const bounds: number[] = [];
  for (let i = 1; i < CLASS_COLOURS.length; i++) {
    const bound = sorted[Math.floor((i * sorted.length) / CLASS_COLOURS.length)];
    if (bound !== undefined && bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  const classes: ColourClass[] = [];
  let min = sorted[0];
  for (const bound of bounds) {
    if (bound - 1 >= min) classes.push({ min, max: bound - 1, colour: "" });
    min = bound;
  }
  classes.push({ min, max: sorted.at(-1)!, colour: "" });
  const offset = CLASS_COLOURS.length - classes.length;
  return classes.map((entry, i) => ({ ...entry, colour: CLASS_COLOURS[offset + i] }));
}

export function colourOf(value: number, classes: ColourClass[]): string {
  if (value <= 0) return NONE_COLOUR;
  return classes.find((entry) => value <= entry.max)?.colour ?? CLASS_COLOURS.at(-1)!;
}
