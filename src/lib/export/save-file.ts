/** Hands bytes to the browser as a download (a Blob URL: no request leaves the page). */
export function saveFile(bytes: Uint8Array, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name safe on Windows, macOS and Linux; Japanese is kept (every modern OS accepts it). */
export function safeFileName(parts: string[], ext: string): string {
  const clean = parts
    .map((p) => p.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, '').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('_');
  return `${clean.slice(0, 150)}.${ext}`;
}
