import { looksBinary } from '../core/files';
import type { FileNote } from '../core/types';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Decode file bytes for analysis; binary files come back as a note instead of text. */
export function decodeFile(path: string, bytes: Uint8Array, notes: FileNote[]): string | undefined {
  if (looksBinary(bytes)) {
    notes.push({ file: path, kind: 'skipped', reason: 'binary file' });
    return undefined;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    notes.push({ file: path, kind: 'partial', reason: 'not valid UTF-8; invalid bytes were replaced before analysis' });
    return lenientUtf8.decode(bytes);
  }
}
