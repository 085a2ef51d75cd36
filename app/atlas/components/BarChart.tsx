import { formatCount } from "../../platform/format";

/** Characters of a label's line left of the bars (13 px text in 250 px). */
const LINE_CHARACTERS = 34;
const LINE_HEIGHT = 15;

/** A label as lines of whole words: long names wrap, they are never cut. */
function labelLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= LINE_CHARACTERS)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A horizontal bar chart drawn on the server as SVG. It is an image for assistive
 * technologies (its title says what it shows); the table printed next to it carries the
 * figures themselves.
 */
export function BarChart(props: { title: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const rowHeight = 26;
  const labelWidth = 260;
  const chartWidth = 460;
  let top = 4;
  const rows = props.bars.map((bar) => {
    const lines = labelLines(bar.label);
    const height = rowHeight + (lines.length - 1) * LINE_HEIGHT;
    const row = { ...bar, lines, y: top, height };
    top += height;
    return row;
  });
  return (
    <svg
      role="img"
      aria-label={props.title}
      viewBox={`0 0 ${labelWidth + chartWidth + 80} ${top + 4}`}
      width="100%"
      className="fr-mb-4w"
    >
      <title>{props.title}</title>
      {rows.map((bar) => {
        const width = Math.max(1, (bar.value / max) * chartWidth);
        const middle = bar.y + bar.height / 2;
        return (
          <g key={bar.label}>
            <text
              x={labelWidth - 8}
              y={middle + 5 - ((bar.lines.length - 1) * LINE_HEIGHT) / 2}
              textAnchor="end"
              fontSize="13"
              fill="currentColor"
            >
              {bar.lines.map((line, index) => (
                <tspan key={line} x={labelWidth - 8} dy={index === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={labelWidth}
              y={middle - 9}
              width={width}
              height={rowHeight - 8}
              fill="#000091"
            />
            <text x={labelWidth + width + 6} y={middle + 5} fontSize="13" fill="currentColor">
              {formatCount(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
