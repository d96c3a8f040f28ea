/**
 * Incoming text-document notifications are checked before anything uses them: a client may send a URI Node cannot
 * map to a path (`file:///…/a%2Fb.ts`, `file://otherhost/share/x.ts`), no `text`, a number for `text`. A bad one
 * is dropped with a log line (notifications have no response), never a crash of the server.
 */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';

type Check = (params: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

/** Why a document URI cannot be used, or undefined. `file:` URIs must map to a local path. */
export function uriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri) return 'no document URI';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return 'a document URI without a scheme';
  if (!/^file:/i.test(uri)) return undefined;
  try {
    fileURLToPath(uri);
    return undefined;
  } catch (error) {
    return `a file URI that is not a local path (${(error as NodeJS.ErrnoException).code ?? 'invalid'})`;
  }
}

/** The local path of a `file:` URI, or undefined when it has none (see uriProblem). */
export function localPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function documentProblem(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return 'no textDocument';
  return uriProblem(params.textDocument.uri);
}

const didOpen: Check = (params) => {
  const problem = documentProblem(params);
  if (problem) return problem;
  const document = (params as { textDocument: Record<string, unknown> }).textDocument;
  if (typeof document.text !== 'string') return 'no text (or text that is not a string)';
  if (typeof document.languageId !== 'string') return 'no languageId';
  if (!isInteger(document.version)) return 'no integer version';
  return undefined;
};

const isPosition = (value: unknown) => isObject(value) && isInteger(value.line) && isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;

const didChange: Check = (params) => {
  const problem = documentProblem(params);
  if (problem) return problem;
  const { textDocument, contentChanges } = params as { textDocument: Record<string, unknown>; contentChanges: unknown };
  if (!isInteger(textDocument.version)) return 'no integer version';
  if (!Array.isArray(contentChanges)) return 'no contentChanges';
  for (const change of contentChanges) {
    if (!isObject(change) || typeof change.text !== 'string') return 'a content change without text';
    if (change.range !== undefined && !(isObject(change.range) && isPosition(change.range.start) && isPosition(change.range.end))) return 'a content change with a bad range';
  }
  return undefined;
};

/** The notifications TextDocuments listens to, with the check each one's parameters must pass. */
const CHECKS: Record<string, Check> = {
  onDidOpenTextDocument: didOpen,
  onDidChangeTextDocument: didChange,
  onDidCloseTextDocument: documentProblem,
  onWillSaveTextDocument: documentProblem,
  onWillSaveTextDocumentWaitUntil: documentProblem,
  onDidSaveTextDocument: documentProblem,
};

/**
 * The connection as TextDocuments.listen should see it: its document notification handlers only get parameters
 * that passed their check; others are logged and dropped.
 */
export function validatingConnection(connection: Connection, log: (message: string) => void): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const check = typeof property === 'string' ? CHECKS[property] : undefined;
      if (!check || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (handler: (params: unknown) => unknown) =>
        (value as (handler: (params: unknown) => unknown) => unknown).call(target, (params: unknown) => {
          const problem = check(params);
          if (problem) {
            log(`ignored a ${String(property).replace(/^on/, '')} notification: ${problem}`);
            return property === 'onWillSaveTextDocumentWaitUntil' ? [] : undefined;
          }
          return handler(params);
        });
    },
  });
}
