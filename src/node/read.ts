import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, realpathSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { looksBinary } from '../core/files';
import type { FileNote } from '../core/types';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * Decode file bytes for analysis; binary files come back as a note instead of text. UTF-16 with a byte order mark
 * (what Windows tools write) is text: its NUL bytes would otherwise make it look binary and hide its secrets.
 */
export function decodeFile(path: string, bytes: Uint8Array, notes: FileNote[]): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes);
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

/** Raised instead of reading something that is not a regular file (a FIFO would block the reader forever). */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}

/** A regular file's text (UTF-8), for the tool's own files (configuration, baseline): never blocks on a FIFO. */
export function readRegularText(path: string): string {
  return readRegularFile(path)!.toString('utf8');
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What a non-regular directory entry is, for notes. */
export function specialFileKind(stats: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice' | 'isSymbolicLink' | 'isDirectory'>): string {
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'device';
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isDirectory()) return 'directory';
  return 'special file';
}

/**
 * The bytes of a regular file. It is opened without following a final symbolic link and without blocking (opening a
 * FIFO for reading would wait for a writer forever), then checked on the open descriptor, so what is read is what
 * was checked. Undefined when it is larger than `maxBytes` (never read); throws NotRegularFileError for anything but a
 * regular file.
 */
export function readRegularFile(path: string, maxBytes = Infinity): Buffer | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new NotRegularFileError('symbolic link');
    if (code === 'ENXIO') throw new NotRegularFileError('socket');
    throw error;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new NotRegularFileError(specialFileKind(stats));
    return stats.size > maxBytes ? undefined : readOpenFile(descriptor, stats.size);
  } finally {
    closeSync(descriptor);
  }
}

/** What readFileSync(descriptor) does, without asking the size again: at most `size` bytes, fewer if it shrank. */
function readOpenFile(descriptor: number, size: number): Buffer {
  if (size === 0) return readFileSync(descriptor); // a size the file system does not know (procfs): read to the end
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(descriptor, buffer, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled < size ? buffer.subarray(0, filled) : buffer;
}

/** The real path of `path` when it lies inside `rootReal` (itself a real path), else undefined. */
export function realPathInside(path: string, rootReal: string): string | undefined {
  try {
    const real = realpathSync(path);
    return real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A workspace file for the language server: read only when its real path is inside the workspace folder, it is a
 * regular file and no larger than `maxBytes`. Undefined otherwise (outside, special, too large, gone).
 */
export function readWorkspaceFile(root: string, path: string, maxBytes: number): Buffer | undefined {
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    return undefined;
  }
  const real = realPathInside(join(root, path), rootReal);
  if (!real) return undefined;
  try {
    return readRegularFile(real, maxBytes);
  } catch {
    return undefined;
  }
}
