/**
 * Tesseract (tesseract.js), configured for an offline app. Its defaults would fetch its worker,
 * its WebAssembly core and its language data from a CDN and keep the language data in an
 * IndexedDB database of its own; here all three are files of the app (English ships with it) and
 * nothing is cached (`cacheMethod: 'none'`). Further languages are `.traineddata` files the user
 * provides (kept in the reference database), written into the engine's memory before it starts.
 * The engine runs in its own worker; stopping it terminates that worker mid-page.
 */
import { createWorker, OEM, type Worker } from 'tesseract.js';
import workerUrl from 'tesseract.js/dist/worker.min.js?url';
import coreUrl from 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js?url';
import englishUrl from '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz?url';
import type { EngineWord } from '#shared/documents/ocr';

/** The engine, for the record: what read a page is part of what the dossier says about it. */
export const OCR_ENGINE = 'Tesseract 5 (tesseract.js 7.0.0, LSTM)';

/** English ships with the app; any other language comes as bytes of a `.traineddata` file. */
export type OcrLanguage = { code: string; data?: Uint8Array };

export class OcrStopped extends Error {
  constructor() {
    super('Text recognition was stopped.');
  }
}

export type OcrEngine = {
  /** The words of one page image (PNG), in reading order, each line's last marked. */
  recognise: (image: Blob, onProgress: (fraction: number) => void) => Promise<EngineWord[]>;
  stop: () => Promise<void>;
};

/** The directory of a URL: tesseract.js fetches `<langPath>/<code>.traineddata.gz`. */
const directoryOf = (url: string) => new URL('.', new URL(url, document.baseURI)).href;

export async function startOcrEngine(languages: readonly OcrLanguage[]): Promise<OcrEngine> {
  let progress: (fraction: number) => void = () => undefined;
  let stopped = false;
  let rejectStopped: (reason: Error) => void = () => undefined;
  const whenStopped = new Promise<never>((_resolve, reject) => {
    rejectStopped = reject;
  });
  whenStopped.catch(() => undefined);
  // tesseract.js loads only the languages not yet in this very list, so one written into the
  // engine's file system below is added to it before the engine is (re)initialised with it.
  const loaded = ['eng'];
  let worker: Worker | null = null;
  try {
    worker = await createWorker(loaded, OEM.LSTM_ONLY, {
      workerPath: new URL(workerUrl, document.baseURI).href,
      corePath: new URL(coreUrl, document.baseURI).href,
      langPath: directoryOf(englishUrl),
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
      logger: (message) => {
        if (message.status === 'recognizing text') progress(message.progress);
      },
      errorHandler: () => undefined,
    });
    const extra = languages.filter((language) => language.code !== 'eng');
    for (const language of extra) {
      if (!language.data) throw new Error(`No language data for “${language.code}”.`);
      await worker.FS('writeFile', [`${language.code}.traineddata`, language.data]);
      loaded.push(language.code);
    }
    const wanted = languages.map((language) => language.code).join('+') || 'eng';
    if (wanted !== 'eng') await worker.reinitialize(wanted, OEM.LSTM_ONLY);
  } catch {
    await worker?.terminate();
    const names = languages.map((language) => language.code).join(', ');
    throw new Error(
      `Text recognition could not start with ${names}: a language file may be for another Tesseract version (4 or later is needed). Remove it in Settings and add another.`,
    );
  }
  const engine = worker;
  return {
    recognise: async (image, onProgress) => {
      if (stopped) throw new OcrStopped();
      progress = onProgress;
      const job = engine.recognize(image, {}, { text: false, blocks: true });
      const { data } = await Promise.race([job, whenStopped]);
      const words: EngineWord[] = [];
      for (const block of data.blocks ?? [])
        for (const paragraph of block.paragraphs)
          for (const line of paragraph.lines)
            line.words.forEach((word, at) =>
              words.push({
                text: word.text,
                confidence: word.confidence,
                bbox: word.bbox,
                lineEnd: at === line.words.length - 1,
              }),
            );
      return words;
    },
    stop: async () => {
      stopped = true;
      rejectStopped(new OcrStopped());
      await engine.terminate();
    },
  };
}
