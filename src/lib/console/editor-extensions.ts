import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { SQLDialect, StandardSQL, sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { measureSource, type EditorCatalog } from './catalog-completion';

/** Marks the failing position DuckDB reported (from, to offsets in the document), or clears it. */
export const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();

const errorMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorMark)) continue;
      next = e.value && e.value.to > e.value.from
        ? Decoration.set([Decoration.mark({ class: 'cm-sql-error', attributes: { 'data-testid': 'error-mark' } }).range(e.value.from, e.value.to)])
        : Decoration.none;
    }
    return tr.docChanged ? Decoration.none : next;
  },
  provide: (f) => EditorView.decorations.from(f)
});

/** Swapped once DuckDB's catalog has been read: dialect words and schema come from the engine. */
export const languageSlot = new Compartment();

export function languageFor(catalog: EditorCatalog | null): Extension {
  if (!catalog) return sql({ dialect: StandardSQL, upperCaseKeywords: true });
  const dialect = SQLDialect.define({
    keywords: catalog.keywords,
    types: catalog.types,
    builtin: catalog.functions,
    doubleDollarQuotedStrings: true,
    caseInsensitiveIdentifiers: true
  });
  const support = sql({ dialect, schema: catalog.schema, upperCaseKeywords: true });
  return [support, dialect.language.data.of({ autocomplete: measureSource(catalog.measures) })];
}

/** `run(text, from)` gets the selection, or the statement under the cursor is chosen by the caller. */
export function editorExtensions(run: (view: EditorView) => boolean, onChange: (doc: string) => void): Extension[] {
  return [
    lineNumbers(),
    history(),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    errorMark,
    languageSlot.of(languageFor(null)),
    keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
    EditorView.updateListener.of((u) => u.docChanged && onChange(u.state.doc.toString())),
    EditorView.contentAttributes.of({ 'aria-label': 'SQL エディター（Ctrl+Enter で実行）' }),
    EditorView.theme({
      '&': { fontSize: '0.9rem', border: '1px solid var(--color-neutral-solid-gray-420, #999)', borderRadius: '6px' },
      // Japanese glyphs fall back to the site's Noto Sans JP: many monospace fonts have none.
      '.cm-content, .cm-tooltip.cm-tooltip-autocomplete > ul, .cm-completionInfo': { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans JP', monospace" },
      '.cm-content': { minHeight: '9rem' },
      '.cm-sql-error': { textDecoration: 'underline wavy #d00', backgroundColor: '#fde8e8' },
      '&.cm-focused': { outline: '2px solid #0017c1' }
    })
  ];
}
