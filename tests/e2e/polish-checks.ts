import type { Page } from 'playwright-core';

// Page-wide accessibility checks for tests/e2e/polish.e2e.ts. Each returns the offenders as short
// readable strings, so a failing test says which control or text to fix.

/** ARIA roles of the controls a user operates; each needs an accessible name. */
const CONTROL_ROLES = new Set(['button', 'checkbox', 'combobox', 'listbox', 'menuitem', 'radio', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'textbox', 'link']);

/** Controls without an accessible name, as Chromium's own accessibility tree computes it. */
export async function controlsWithoutName(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const unnamed = nodes.filter((n) => !n.ignored && CONTROL_ROLES.has(String(n.role?.value)) && !String(n.name?.value ?? '').trim());
  const out: string[] = [];
  for (const n of unnamed) {
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId });
    out.push(`${n.role?.value} <${node.localName} ${(node.attributes ?? []).join(' ')}>`);
  }
  await cdp.detach();
  return out;
}

/**
 * Text below the WCAG AA contrast ratio (4.5, or 3 for large text) against the background it is
 * drawn on. Backgrounds are composited up the ancestors; text on an image or gradient, inside SVG
 * or in a disabled control (exempt in WCAG) is skipped.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    /** Any CSS colour → [r, g, b, a] with a in 0..1, by painting one pixel. */
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return a === 0 ? [0, 0, 0, 0] : [r, g, b, a / 255];
    };
    const over = (top: number[], below: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out: string[] = [];
    const all = document.querySelectorAll<HTMLElement>('body *');
    for (const el of all) {
      const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
      if (!own || el.closest('svg, canvas, :disabled, [aria-disabled="true"], .visually-hidden, .a11y-list, [aria-hidden="true"]')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width < 2 || r.height < 2 || style.visibility !== 'visible') continue;
      // Composite the backgrounds from the page down to this element; opacity fades the text too.
      const chain: HTMLElement[] = [];
      for (let a: HTMLElement | null = el; a; a = a.parentElement) chain.unshift(a);
      let bg = [255, 255, 255, 1];
      let opacity = 1;
      let skip = false;
      for (const a of chain) {
        const s = getComputedStyle(a);
        if (s.backgroundImage !== 'none') skip = true;
        bg = over(rgba(s.backgroundColor), bg);
        opacity *= Number(s.opacity);
      }
      if (skip) continue;
      const fg = rgba(style.color);
      fg[3] *= opacity;
      const text = over(fg, bg);
      const [l1, l2] = [lum(text), lum(bg)].sort((x, y) => y - x);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        const name = `${el.localName}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').filter((c) => !c.startsWith('svelte-'))[0] : ''}`;
        out.push(`${name} "${el.textContent!.trim().slice(0, 40)}" ${ratio.toFixed(2)}:1`);
      }
    }
    return out;
  });
}

/** A readable, unique name for each element that should be a Tab stop on the page, in DOM order. */
export function tabStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seenRadio = new Set<string>();
    const stops: string[] = [];
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]');
    candidates.forEach((el, i) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return;
      // checkVisibility: also false inside a closed <details> (content-visibility: hidden).
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (seenRadio.has(el.name)) return;
        seenRadio.add(el.name);
      }
      const label = el.getAttribute('data-testid') ?? el.id ?? '';
      const id = `${i}:${el.localName}${label ? '#' + label : ''} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`;
      el.dataset.tabStop = id;
      stops.push(id);
    });
    return stops;
  });
}

/**
 * Presses Tab `presses` times and records each focused element (by its `tabStops` name) and any
 * that showed no focus ring: no outline and no box shadow, or an outline clipped by an ancestor
 * that hides its overflow.
 */
export async function focusWalk(page: Page, presses: number): Promise<{ reached: string[]; withoutRing: string[] }> {
  const reached = new Set<string>();
  const withoutRing = new Set<string>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const id = el.dataset.tabStop ?? `unlisted ${el.localName} ${el.className}`;
      // CodeMirror draws its ring on the editor around the focused content.
      const ringEl = el.closest<HTMLElement>('.cm-editor') ?? el;
      const s = getComputedStyle(ringEl);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
      if (!outline && s.boxShadow === 'none') return { id, ring: false };
      if (!outline) return { id, ring: true };
      const grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
      const box = ringEl.getBoundingClientRect();
      for (let a = ringEl.parentElement; a && a !== document.body; a = a.parentElement) {
        const as = getComputedStyle(a);
        if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        // A ring pushed past a clipping ancestor's edge by more than a pixel is cut off.
        if (box.left - grow < c.left - 1 || box.right + grow > c.right + 1 || box.top - grow < c.top - 1 || box.bottom + grow > c.bottom + 1) {
          return { id: `${id} (clipped by ${a.localName}.${[...a.classList].find((x) => !x.startsWith('svelte-')) ?? ''})`, ring: false };
        }
      }
      return { id, ring: true };
    });
    if (!r) continue;
    reached.add(r.id.replace(/ \(clipped by .*\)$/, ''));
    if (!r.ring) withoutRing.add(r.id);
  }
  return { reached: [...reached], withoutRing: [...withoutRing] };
}
