/**
 * Expiries over the next 12 months: a bar per month stacked by the threshold band each certificate is in,
 * what already expired as its own bar on the left. Drawn in SVG; the same numbers follow as a table for
 * screen readers (and for anyone who would rather read them).
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme, type Theme } from '@mui/material/styles';
import { bandLabel, type Band, type Timeline } from './timeline';

/** Read by screen readers, not drawn (the chart above shows the same numbers). */
const visuallyHidden = { border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;

const W = 1100;
const H = 190;
const LEFT = 34;
const BOTTOM = 34;
const TOP = 12;

/** Most urgent band red-orange, then amber, then yellow-green; beyond every threshold green. */
function bandColor(theme: Theme, band: Band, index: number, numbered: number): string {
  if (band === 'later') return theme.palette.success.main;
  if (index === 0) return theme.palette.error.light;
  return index === numbered - 1 ? theme.palette.warning.light : theme.palette.warning.main;
}

function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / 4));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step);
  return out;
}

export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const theme = useTheme();
  const { months, bands, expired, beyond } = timeline;
  const yTicks = ticks(Math.max(timeline.max, expired));
  const top = yTicks[yTicks.length - 1] || 1;
  const plotH = H - TOP - BOTTOM;
  const slots = months.length + 1;
  const slotW = (W - LEFT) / slots;
  const barW = Math.min(44, slotW * 0.6);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const numbered = bands.filter((b) => b !== 'later').length;
  const colors = new Map(bands.map((b, i) => [b, bandColor(theme, b, i, numbered)]));
  const grid = theme.palette.divider;
  const ink = theme.palette.text.secondary;
  const label = `Certificates expiring per month over the next 12 months. Already expired: ${expired}. ${months.map((m) => `${m.label}: ${m.total}`).join(', ')}.${beyond ? ` Later than that: ${beyond}.` : ''}`;

  return (
    <Box>
      <Box component="svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="expiry-timeline" sx={{ width: '100%', height: 'auto', display: 'block', fontFamily: theme.typography.fontFamily }}>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={W} y1={y(v)} y2={y(v)} stroke={grid} strokeWidth={1} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill={ink}>
              {v}
            </text>
          </g>
        ))}
        {/* Already expired: apart from the months, behind a dashed separator. */}
        <g data-testid="expiry-timeline-expired">
          {expired > 0 && <rect x={LEFT + (slotW - barW) / 2} y={y(expired)} width={barW} height={y(0) - y(expired)} rx={3} fill={theme.palette.error.main} />}
          {expired > 0 && (
            <text x={LEFT + slotW / 2} y={y(expired) - 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={theme.palette.error.main}>
              {expired}
            </text>
          )}
          <text x={LEFT + slotW / 2} y={H - BOTTOM + 16} textAnchor="middle" fontSize={11} fontWeight={700} fill={theme.palette.error.main}>
            Expired
          </text>
        </g>
        <line x1={LEFT + slotW} x2={LEFT + slotW} y1={TOP} y2={H - BOTTOM + 22} stroke={ink} strokeDasharray="3 3" strokeWidth={1} />
        {months.map((m, i) => {
          const x = LEFT + slotW * (i + 1) + (slotW - barW) / 2;
          let base = 0;
          return (
            <g key={m.key} data-testid={`expiry-timeline-${m.key}`} data-total={m.total}>
              {bands.map((b) => {
                const n = m.byBand.get(b) ?? 0;
                if (n === 0) return null;
                const rect = <rect key={String(b)} x={x} y={y(base + n)} width={barW} height={y(base) - y(base + n)} fill={colors.get(b)} />;
                base += n;
                return rect;
              })}
              {m.total > 0 && (
                <text x={x + barW / 2} y={y(m.total) - 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={theme.palette.text.primary}>
                  {m.total}
                </text>
              )}
              <text x={x + barW / 2} y={H - BOTTOM + 16} textAnchor="middle" fontSize={11} fill={ink}>
                {m.label.slice(0, 3)}
              </text>
              {(i === 0 || m.key.endsWith('-01')) && (
                <text x={x + barW / 2} y={H - BOTTOM + 29} textAnchor="middle" fontSize={10} fill={ink}>
                  {m.key.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={W} y1={y(0)} y2={y(0)} stroke={ink} strokeWidth={1} />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 0.5, alignItems: 'center' }} aria-hidden>
        {bands.map((b) => (
          <Box key={String(b)} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: colors.get(b) }} />
            <Typography variant="caption">{bandLabel(b, bands)}</Typography>
          </Box>
        ))}
        {beyond > 0 && (
          <Typography variant="caption" color="text.secondary">
            {beyond} more after {months[months.length - 1]!.label}
          </Typography>
        )}
      </Box>
      <Box component="table" sx={visuallyHidden} data-testid="expiry-timeline-table">
        <caption>Certificates expiring per month, by how soon</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {bands.map((b) => (
              <th scope="col" key={String(b)}>
                {bandLabel(b, bands)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Already expired</th>
            {bands.map((b) => (
              <td key={String(b)}>–</td>
            ))}
            <td>{expired}</td>
          </tr>
          {months.map((m) => (
            <tr key={m.key}>
              <th scope="row">{m.label}</th>
              {bands.map((b) => (
                <td key={String(b)}>{m.byBand.get(b) ?? 0}</td>
              ))}
              <td>{m.total}</td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
