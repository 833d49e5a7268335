// Template files in and out of the renderer, the same in Electron and the
// browser: a file picker to read, a download to write (Electron shows its
// native save dialog for downloads).

export class FileReadError extends Error {}

/** Opens the system file picker; resolves null when the user cancels. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Reads a file as UTF-8, refusing other encodings rather than guessing. */
export async function readUtf8(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new FileReadError(`${file.name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  }
}

export function downloadText(fileName: string, text: string, type = 'application/x-yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "my stack.v3.yaml" -> a file name safe on every OS. */
export function safeFileName(name: string, extension: string): string {
  // Control characters are invalid in file names on Windows and confusing elsewhere.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || 'template';
  return `${base}${extension}`;
}

export function nameFromFileName(fileName: string): string {
  return fileName.replace(/\.(ya?ml|json|template)$/i, '') || fileName;
}
