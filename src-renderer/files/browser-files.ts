// Browser file pickers: uploads are read in the page and sent as text; downloads are built in the
// page. The web server never touches a path the page names.
import { LIMITS, tooBigMessage } from '../../core/limits';

/** Refuses a file over the upload limit before reading it (the host would refuse it anyway). */
export function checkUploadSize(name: string, size: number): void {
  if (size > LIMITS.uploadChars) throw new Error(`${tooBigMessage(name, size, LIMITS.uploadChars)} for an upload.`);
}

export function pickTextFile(accept: string): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      try {
        checkUploadSize(file.name, file.size);
      } catch (err) {
        return reject(err as Error);
      }
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
