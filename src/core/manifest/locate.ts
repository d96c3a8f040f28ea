import type { Document } from 'yaml';
import { keyRange, parentRange, valueRange } from './parse';

type Path = (string | number)[];

/**
 * Where to report something about a manifest field: its value if present, else its key, else (for a missing
 * field) the key of the mapping that should contain it.
 */
export function fieldRange(document: Document.Parsed, text: string, path: Path): [number, number] {
  return valueRange(document, path) ?? keyRange(document, path) ?? parentRange(document, text, path);
}
