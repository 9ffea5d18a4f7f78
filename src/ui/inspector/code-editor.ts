// CodeMirror 6 behind one small interface. This module is only ever loaded with `import()`, so
// the editor and its JavaScript language pack stay out of the first page load.
import { basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { MergeView } from '@codemirror/merge';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** An editor on a page: replace its text or highlighted lines, read its text, remove it. */
export interface CodeEditor {
  setDoc(text: string): void;
  setChanged(lines: number[]): void;
  getDoc(): string;
  destroy(): void;
}

/** Options of a single editor. */
export interface EditorOptions {
  doc: string;
  readOnly: boolean;
  /** 1-based lines drawn as changed (they differ from the parent's program). */
  changed: number[];
  label: string;
  onChange?: (doc: string) => void;
}

const setChangedLines = StateEffect.define<number[]>();
const changedLine = Decoration.line({ class: 'cm-changed-line' });

/** The highlighted lines, kept in the editor state so they move with edits. */
const changedField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setChangedLines)) return decorate(tr.state, e.value);
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

function decorate(state: EditorState, lines: number[]): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const n of [...new Set(lines)].sort((x, y) => x - y)) {
    if (n >= 1 && n <= state.doc.lines) b.add(state.doc.line(n).from, state.doc.line(n).from, changedLine);
  }
  return b.finish();
}

/** Colours from the app's theme variables, so the editor follows light and dark themes. */
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface, #fff)', color: 'var(--text, #1b2430)', fontSize: '13px', maxHeight: '60vh' },
  '.cm-scroller': { fontFamily: 'var(--mono, monospace)', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2, #eef1f5)', color: 'var(--muted, #5a6675)', border: 'none' },
  '.cm-changed-line': { backgroundColor: 'color-mix(in srgb, #2ea043 22%, transparent)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent, #1f6feb) 8%, transparent)' },
  '&.cm-focused': { outline: '2px solid var(--focus, #0969da)' },
  // The base theme's light-only colours (gutter, selection, search panel, tooltips) glare on the
  // dark theme: take them from the app's variables too, so they switch with it.
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent, #1f6feb) 16%, transparent)', color: 'var(--text, #1b2430)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text, #1b2430)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent, #1f6feb) 30%, transparent)',
  },
  '.cm-panels': { backgroundColor: 'var(--surface-2, #eef1f5)', color: 'var(--text, #1b2430)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border, #d5dbe3)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border, #d5dbe3)' },
  '.cm-textfield': { backgroundColor: 'var(--surface, #fff)', color: 'var(--text, #1b2430)', border: '1px solid var(--border, #d5dbe3)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--surface, #fff)', color: 'var(--text, #1b2430)', border: '1px solid var(--border, #d5dbe3)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface-2, #eef1f5)', color: 'var(--text, #1b2430)', border: '1px solid var(--border, #d5dbe3)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface-2, #eef1f5)', color: 'var(--muted, #5a6675)', border: '1px solid var(--border, #d5dbe3)' },
});

/**
 * Syntax colours from theme variables (app.css): CodeMirror's default style is made for light
 * backgrounds and drops to 1.5:1 contrast on the dark theme.
 */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: 'var(--code-atom)' },
  { tag: [tags.literal, tags.inserted], color: 'var(--code-literal)' },
  { tag: [tags.string, tags.deleted], color: 'var(--code-string)' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: 'var(--code-regexp)' },
  { tag: tags.definition(tags.variableName), color: 'var(--code-definition)' },
  { tag: tags.local(tags.variableName), color: 'var(--code-local)' },
  { tag: [tags.typeName, tags.namespace], color: 'var(--code-type)' },
  { tag: tags.className, color: 'var(--code-class)' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: 'var(--code-special)' },
  { tag: tags.definition(tags.propertyName), color: 'var(--code-property)' },
  { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--code-invalid)' },
]);

function extensions(o: Pick<EditorOptions, 'readOnly' | 'label' | 'onChange'>): Extension[] {
  return [
    basicSetup,
    javascript(),
    theme,
    syntaxHighlighting(highlight),
    // Long lines wrap: a sideways-scrolled editor hid the start of every line on narrow panels.
    EditorView.lineWrapping,
    changedField,
    EditorState.readOnly.of(o.readOnly),
    EditorView.editable.of(!o.readOnly),
    EditorView.contentAttributes.of({ 'aria-label': o.label }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onChange?.(u.state.doc.toString());
    }),
  ];
}

/** A CodeMirror editor in `parent`. */
export function createCodeEditor(parent: HTMLElement, o: EditorOptions): CodeEditor {
  const view = new EditorView({ parent, state: EditorState.create({ doc: o.doc, extensions: extensions(o) }) });
  view.dispatch({ effects: setChangedLines.of(o.changed) });
  return {
    setDoc(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setChanged(lines) {
      view.dispatch({ effects: setChangedLines.of(lines) });
    },
    getDoc: () => view.state.doc.toString(),
    destroy: () => view.destroy(),
  };
}

/** A read-only side-by-side view: the parent's program on the left, this node's on the right. */
export function createMergeView(parent: HTMLElement, before: string, after: string): { destroy(): void } {
  const ext = (label: string) => extensions({ readOnly: true, label });
  const view = new MergeView({ parent, a: { doc: before, extensions: ext("Parent's program") }, b: { doc: after, extensions: ext("This node's program") } });
  return { destroy: () => view.destroy() };
}
