import { svgPathBbox } from "svg-path-bbox";

/** The part of a drawing a map shows, and how much larger than the whole drawing it is shown. */
export interface Frame {
  viewBox: string;
  zoom: number;
}

/** Never closer than this: a small island alone would fill the map with a few pixels' outline. */
const MAX_ZOOM = 8;

/**
 * Bounding boxes of the drawings' outlines, measured once each: the outlines are fixed for
 * the process, and a filtered map asks for the same ones at every request.
 */
const measured = new Map<string, ReturnType<typeof svgPathBbox>>();
function boxOf(path: string) {
  let box = measured.get(path);
  if (!box) {
    box = svgPathBbox(path);
    measured.set(path, box);
  }
  return box;
}

const numbers = (viewBox: string) =>
  viewBox.split(/\s+/).map(Number) as [number, number, number, number];

/**
 * The frame that shows the given outlines with a margin, in the whole drawing's proportions
 * (the figure keeps its height from one filter to the next) and no closer than MAX_ZOOM;
 * the whole drawing when there are none.
 */
export function fittedFrame(viewBox: string, paths: string[]): Frame {
  const [x, y, width, height] = numbers(viewBox);
  const boxes = paths.filter(Boolean).map(boxOf);
  if (boxes.length === 0) return { viewBox, zoom: 1 };
  const left = Math.min(...boxes.map((box) => box[0]));
  const top = Math.min(...boxes.map((box) => box[1]));
  const right = Math.max(...boxes.map((box) => box[2]));
  const bottom = Math.max(...boxes.map((box) => box[3]));
  const margin = 1.2;
  const ratio = width / height;
  let frameWidth = Math.max((right - left) * margin, width / MAX_ZOOM);
  let frameHeight = Math.max((bottom - top) * margin, height / MAX_ZOOM);
  if (frameWidth / frameHeight > ratio) frameHeight = frameWidth / ratio;
  else frameWidth = frameHeight * ratio;
  if (frameWidth >= width) return { viewBox, zoom: 1 };
  // Centred on the outlines, moved back inside the drawing where it would leave it.
  const frameX = clamp((left + right) / 2 - frameWidth / 2, x, x + width - frameWidth);
  const frameY = clamp((top + bottom) / 2 - frameHeight / 2, y, y + height - frameHeight);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    viewBox: [frameX, frameY, frameWidth, frameHeight].map(round).join(" "),
    zoom: round(width / frameWidth),
  };
}

const clamp = (value: number, min: number, max: number) =>
  max < min ? min : Math.min(Math.max(value, min), max);
