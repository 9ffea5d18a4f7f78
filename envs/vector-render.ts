import type { Renderer } from './render-types';

/** Smallest readable row height in CSS pixels; more elements than fit spill into columns. */
const MIN_ROW = 14;

/**
 * Draws any observation as labelled horizontal bars, one per element, around a centre line.
 * The fallback for packs without a picture of their own (the MuJoCo packs): all bars share one
 * scale, the largest magnitude in the vector (at least 1), so relative sizes stay comparable.
 */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const values = Array.isArray(state) ? state : [state];
  ctx.fillStyle = dark ? '#1a1b1e' : '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (values.length === 0) return;
  const columns = Math.max(1, Math.ceil((values.length * MIN_ROW) / height));
  const perColumn = Math.ceil(values.length / columns);
  const colW = width / columns;
  const rowH = height / perColumn;
  const scale = Math.max(1, ...values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  // Monospace glyphs are about 0.6 em wide: the font must fit "-0.1234" (7 glyphs) in the value
  // column and "[16]" in the label column, or the numbers spill into the next column.
  const fitsValue = (colW * 0.3 - 6) / (7 * 0.6);
  const fitsLabel = (colW * 0.18 - 4) / (4 * 0.6);
  const font = Math.max(6, Math.floor(Math.min(14, rowH * 0.6, fitsValue, fitsLabel)));
  ctx.font = `${font}px monospace`;
  ctx.textBaseline = 'middle';
  values.forEach((v, i) => {
    const x0 = Math.floor(i / perColumn) * colW;
    const y = (i % perColumn) * rowH;
    const labelW = colW * 0.18;
    const valueW = colW * 0.3;
    const barX = x0 + labelW;
    const barW = colW - labelW - valueW;
    const mid = barX + barW / 2;
    ctx.fillStyle = dark ? '#adb5bd' : '#495057';
    ctx.textAlign = 'right';
    ctx.fillText(`[${i}]`, barX - 4, y + rowH / 2);
    const finite = Number.isFinite(v);
    const len = finite ? ((v / scale) * barW) / 2 : 0;
    ctx.fillStyle = !finite ? '#fa5252' : v >= 0 ? (dark ? '#4dabf7' : '#1c7ed6') : dark ? '#ffa94d' : '#e8590c';
    ctx.fillRect(Math.min(mid, mid + len), y + rowH * 0.2, Math.abs(len), rowH * 0.6);
    ctx.strokeStyle = dark ? '#495057' : '#ced4da';
    ctx.beginPath();
    ctx.moveTo(mid + 0.5, y);
    ctx.lineTo(mid + 0.5, y + rowH);
    ctx.stroke();
    ctx.fillStyle = dark ? '#f8f9fa' : '#212529';
    ctx.textAlign = 'left';
    ctx.fillText(finite ? v.toPrecision(4) : String(v), barX + barW + 4, y + rowH / 2);
  });
};
