import { useRef } from 'react';
import {
  addOcrLanguage,
  removeOcrLanguage,
  useOcrLanguageFiles,
} from '../../case/documents/ocrLanguages';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatBytes } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';

/**
 * The languages text recognition reads: English ships with the app; others come from Tesseract
 * `.traineddata` files the user adds once, for every case (kept in the reference database).
 */
export function OcrLanguages() {
  const files = useOcrLanguageFiles();
  const input = useRef<HTMLInputElement>(null);
  const { error, run } = useAction();
  return (
    <section aria-labelledby="ocr-languages-title" className="card stack">
      <h2 id="ocr-languages-title">Text recognition languages</h2>
      <p className="hint">
        Scanned documents are read by OCR (Tesseract) on this machine. English is built in. For
        another language, add its Tesseract data file, such as <code>rus.traineddata</code> or{' '}
        <code>chi_sim.traineddata</code> (on Debian or Ubuntu, the packages{' '}
        <code>tesseract-ocr-rus</code> and <code>tesseract-ocr-chi-sim</code> put them in{' '}
        <code>/usr/share/tesseract-ocr/</code>).
      </p>
      <ul aria-label="Text recognition languages">
        <li>eng: English (built in)</li>
        {(files ?? []).map((file) => (
          <li key={file.code}>
            {file.code}: {file.fileName}, {formatBytes(file.size)}{' '}
            <button
              type="button"
              className="small"
              onClick={() => void run(() => removeOcrLanguage(file.code))}
            >
              Remove {file.code}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        autoComplete="off"
        type="file"
        accept=".traineddata"
        hidden
        aria-label="Language data file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void run(() => addOcrLanguage(file));
        }}
      />
      <div>
        <button type="button" onClick={() => input.current?.click()}>
          Add language data…
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
