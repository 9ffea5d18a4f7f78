import type { Renderer } from '../render-types';

function rank(card: number): string {
  return card === 1 ? 'A' : String(card);
}

function drawCard(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, label: string | null): void {
  ctx.fillStyle = label === null ? '#3b5bdb' : '#ffffff';
  ctx.strokeStyle = '#1f2933';
  ctx.lineWidth = Math.max(1, w * 0.03);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, w * 0.1);
  ctx.fill();
  ctx.stroke();
  if (label === null) return; // face down: the dealer's hidden card is not part of the state
  ctx.fillStyle = '#c92a2a';
  ctx.font = `bold ${Math.round(h * 0.45)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x + w / 2, y + h / 2);
}

/** Draws a Blackjack state [player_sum, dealer_card, usable_ace]: the dealer's cards and the player's sum. */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const [sum, dealerCard, usable] = Array.isArray(state) ? state : [state, 1, 0];
  ctx.fillStyle = dark ? '#0b3d2e' : '#2f9e44';
  ctx.fillRect(0, 0, width, height);
  const text = '#f8f9fa';
  const cardH = height * 0.34;
  const cardW = cardH * 0.7;
  const font = Math.max(10, Math.round(height * 0.07));

  ctx.fillStyle = text;
  ctx.font = `${font}px sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('Dealer', width * 0.05, height * 0.05);
  drawCard(ctx, width * 0.05, height * 0.05 + font * 1.3, cardW, cardH, rank(dealerCard));
  drawCard(ctx, width * 0.05 + cardW * 1.15, height * 0.05 + font * 1.3, cardW, cardH, null);

  const bust = sum > 21;
  ctx.fillStyle = text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold ${Math.round(height * 0.16)}px sans-serif`;
  ctx.fillText(`Player ${sum}`, width * 0.05, height * 0.82);
  ctx.font = `${font}px sans-serif`;
  const notes = [usable === 1 ? 'usable ace' : 'no usable ace', bust ? 'bust' : ''].filter(Boolean).join(' · ');
  ctx.fillStyle = bust ? '#ffa8a8' : text;
  ctx.fillText(notes, width * 0.05, height * 0.94);
};
