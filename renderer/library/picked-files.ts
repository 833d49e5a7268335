// Files the user dropped or picked, folders walked, with the paths they had
// inside the chosen folder (so a template's nested files keep their places).

/** A dropped or picked file with the path it had inside the chosen folder. */
export interface PickedFile {
  path: string;
  file: File;
}

/** Files from a drop, folders walked (webkitGetAsEntry), with their relative paths. */
export async function filesFromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const list = [...items].filter((i) => i.kind === 'file');
  const entries = list.map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  const out: PickedFile[] = [];
  if (entries.length === 0) {
    // No file-system entries (some hosts, synthetic drops): plain files, no folders.
    return list
      .map((i) => i.getAsFile())
      .filter((f): f is File => f !== null)
      .map((file) => ({ path: file.name, file }));
  }
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: prefix + entry.name, file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns at most ~100 entries per call: read until empty.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return stripSingleFolder(out);
}

/** Files of a picked folder (webkitdirectory) with paths relative to that folder. */
export function filesFromFolderInput(list: FileList): PickedFile[] {
  return stripSingleFolder([...list].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

function stripSingleFolder(files: PickedFile[]): PickedFile[] {
  const first = files[0]?.path.split('/')[0];
  if (!first || !files.every((f) => f.path.startsWith(`${first}/`))) return files;
  return files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) }));
}
