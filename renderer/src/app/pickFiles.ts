/**
 * The files the user chooses, through a file input: in Electron it opens the native dialog, as in
 * a browser. Each comes as a File the browser reads from disk when asked, a slice at a time, so a
 * customs export or an archive of any size is never read whole into memory to be opened.
 */
import type { FileFilter } from '#shared/ipc';

const acceptOf = (filters: FileFilter[] = []): string =>
  filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');

export function pickFiles({
  filters,
  multiple,
}: {
  filters?: FileFilter[];
  multiple?: boolean;
}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple ?? false;
    input.accept = acceptOf(filters);
    input.addEventListener('cancel', () => resolve([]));
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.click();
  });
}
