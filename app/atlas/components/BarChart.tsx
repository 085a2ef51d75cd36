import { formatCount } from "../../platform/format";

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
  const height = props.bars.length * rowHeight + 8;
  return (
    <svg
      role="img"
      aria-label={props.title}
      viewBox={`0 0 ${labelWidth + chartWidth + 80} ${height}`}
      width="100%"
      className="fr-mb-4w"
    >
      <title>{props.title}</title>
      {props.bars.map((bar, i) => {
        const y = i * rowHeight + 4;
        const width = Math.max(1, (bar.value / max) * chartWidth);
        return (
          <g key={bar.label}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="currentColor">
              {bar.label.length > 36 ? `${bar.label.slice(0, 35)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={width} height={rowHeight - 8} fill="#000091" />
            <text x={labelWidth + width + 6} y={y + 16} fontSize="13" fill="currentColor">
              {formatCount(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
