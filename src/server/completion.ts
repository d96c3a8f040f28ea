import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection, type Hover, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { manifestCompletions, manifestHover, type AssistItem } from '../core/manifest/assist';
import { isManifestPath } from '../core/manifest/schema';

const KINDS: Record<AssistItem['kind'], CompletionItemKind> = { key: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, snippet: CompletionItemKind.Snippet };

/**
 * Completion and hover in agent manifests, served by the language server from the manifest schema, so that every
 * LSP client has them (the logic is in src/core/manifest/assist.ts). `fileName` maps a URI to a path whose name
 * says whether it is a manifest (untitled documents take their language's extension).
 */
export function registerManifestAssist(connection: Connection, documents: TextDocuments<TextDocument>, fileName: (document: TextDocument) => string | undefined, options: { snippets: () => boolean; today: () => string }): void {
  connection.onCompletion((params): CompletionItem[] => {
    const document = documents.get(params.textDocument.uri);
    const path = document && fileName(document);
    if (!document || !path || !isManifestPath(path)) return [];
    const items = manifestCompletions(path, document.getText(), document.offsetAt(params.position), { snippets: options.snippets(), today: options.today() });
    return items.map((item) => ({
      label: item.label,
      kind: KINDS[item.kind],
      ...(item.detail && { detail: item.detail }),
      ...(item.documentation && { documentation: { kind: MarkupKind.Markdown, value: item.documentation } }),
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: { start: document.positionAt(item.replaceStart), end: document.positionAt(item.replaceEnd) }, newText: item.insertText },
      sortText: item.sortText,
      filterText: item.label,
    }));
  });
  connection.onHover((params): Hover | null => {
    const document = documents.get(params.textDocument.uri);
    const path = document && fileName(document);
    if (!document || !path || !isManifestPath(path)) return null;
    const hover = manifestHover(path, document.getText(), document.offsetAt(params.position));
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: document.positionAt(hover.startOffset), end: document.positionAt(hover.endOffset) } } : null;
  });
}
