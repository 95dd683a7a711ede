/** Files in and out of the renderer: a download link for what the app exports, base64 for what the user picks. */

/** Decodes base64 to bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes a file's bytes as base64, in chunks (a 60 MB file would overflow one String.fromCharCode call). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Offers a blob to the user as a file (the browser's download; Electron shows its save dialog). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Offers bytes sent as base64 (an export's file) to the user as a file. */
export function downloadFile(name: string, mimeType: string, base64: string): void {
  saveBlob(name, new Blob([base64ToBytes(base64)], { type: mimeType }));
}
