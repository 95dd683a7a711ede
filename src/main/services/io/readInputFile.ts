/**
 * Reading an import file: refused when it is too large (before a byte is read) or not UTF-8 (with the byte offset
 * of the first bad sequence and a hint); a UTF-8 byte-order mark is dropped. Binary files (XLSX workbooks) are read
 * as bytes with the same size check.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AtlasError, errorMessage, fieldIssue } from '../../../shared/api';

/** The largest file an import reads (a real coalition or HSDS export is a few MB; 100k services is ~60 MB of CSV). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** A file to import: its name (for messages) and its text. */
export interface InputText {
  name: string;
  text: string;
}

function tooLarge(name: string, bytes: number, limit: number): AtlasError {
  const megabytes = { size: (bytes / 1048576).toFixed(1), limit: limit / 1048576 };
  return new AtlasError('BAD_INPUT', errorMessage('error.fileTooLarge', { file: name, ...megabytes }), [
    fieldIssue(name, errorMessage('error.issue.largerThan', { limit: megabytes.limit })),
  ]);
}

/** Decodes bytes as UTF-8 (dropping a BOM), or refuses them with a message naming the file and the offset. */
export function decodeUtf8(name: string, bytes: Uint8Array, limit = MAX_IMPORT_BYTES): string {
  if (bytes.length > limit) throw tooLarge(name, bytes.length, limit);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AtlasError('BAD_INPUT', errorMessage('error.fileUtf16', { file: name }), [
      fieldIssue(name, errorMessage('error.issue.utf16')),
    ]);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const byte = (bytes[offset] ?? 0).toString(16);
    throw new AtlasError('BAD_INPUT', errorMessage('error.fileNotUtf8', { file: name, byte, offset }), [
      fieldIssue(name, errorMessage('error.issue.notUtf8', { offset })),
    ]);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

/** A binary file to import (an XLSX workbook): its name (for messages) and its bytes. */
export interface InputBytes {
  name: string;
  bytes: Uint8Array;
}

/** Checks that a path is a file no larger than the limit (before reading it) and gives its name. */
function checkedFile(path: string, limit: number): string {
  const name = basename(path);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new AtlasError('NOT_FOUND', errorMessage('error.noSuchFile', { path }), [
      fieldIssue(name, errorMessage('error.issue.notFound')),
    ]);
  }
  if (stats.isDirectory())
    throw new AtlasError('BAD_INPUT', errorMessage('error.isFolder', { path }), [
      fieldIssue(name, errorMessage('error.issue.folder')),
    ]);
  if (stats.size > limit) throw tooLarge(name, stats.size, limit);
  return name;
}

/** Reads a file from disk as UTF-8 text, after checking its size. */
export function readInputFile(path: string, limit = MAX_IMPORT_BYTES): InputText {
  const name = checkedFile(path, limit);
  return { name, text: decodeUtf8(name, readFileSync(path), limit) };
}

/** Reads a binary file from disk, after checking its size. */
export function readInputBytes(path: string, limit = MAX_IMPORT_BYTES): InputBytes {
  const name = checkedFile(path, limit);
  return { name, bytes: readFileSync(path) };
}

/** Decodes a file sent as base64 by the renderer (the bridge carries bytes, so the encoding check still happens here). */
export function readUploadedFile(name: string, contentBase64: string, limit = MAX_IMPORT_BYTES): InputText {
  const uploaded = readUploadedBytes(name, contentBase64, limit);
  return { name: uploaded.name, text: decodeUtf8(uploaded.name, uploaded.bytes, limit) };
}

/** Decodes a file sent as base64 by the renderer into bytes, refusing it when it is over the limit. */
export function readUploadedBytes(name: string, contentBase64: string, limit = MAX_IMPORT_BYTES): InputBytes {
  if (contentBase64.length > (limit * 4) / 3 + 4)
    throw tooLarge(name, Math.floor((contentBase64.length * 3) / 4), limit);
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > limit) throw tooLarge(name, bytes.length, limit);
  return { name: basename(name), bytes };
}
