// Template files out of the renderer, the same in Electron and the browser:
// a download (Electron shows its native save dialog for downloads). Files
// coming in go to the main process as bytes (see base64.ts) to be decoded
// strictly there.

export function downloadText(fileName: string, text: string, type = 'application/x-yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Control characters are invalid in file names on Windows and confusing elsewhere.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** "my stack.v3.yaml" -> a file name safe on every OS. */
export function safeFileName(name: string, extension: string): string {
  const base = name.replace(UNSAFE_IN_FILE_NAMES, '_').trim().slice(0, 120) || 'template';
  return `${base}${extension}`;
}
