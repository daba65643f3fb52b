/**
 * What the app calls a dataset: the name the user gave it, else its file's name, with the day it
 * was imported where two datasets would otherwise read alike (two exports saved as `export.csv`),
 * and the time too where that day is shared. Citations and the dossier name the file itself.
 */
import type { Dataset } from './dataset';

type Named = Pick<Dataset, 'id' | 'fileName' | 'importedAt' | 'displayName'>;

const pad = (value: number) => String(value).padStart(2, '0');
const localDay = (time: number) => {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const localMinute = (time: number) => {
  const date = new Date(time);
  return `${localDay(time)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** Each dataset's label by id, told apart from the others'. */
export function datasetLabels(datasets: readonly Named[]): Map<string, string> {
  const plain = (dataset: Named) => dataset.displayName?.trim() || dataset.fileName;
  const counts = (label: (dataset: Named) => string) => {
    const seen = new Map<string, number>();
    for (const dataset of datasets) seen.set(label(dataset), (seen.get(label(dataset)) ?? 0) + 1);
    return seen;
  };
  const byName = counts(plain);
  const dated = (dataset: Named) =>
    (byName.get(plain(dataset)) ?? 0) > 1
      ? `${plain(dataset)} (imported ${localDay(dataset.importedAt)})`
      : plain(dataset);
  const byDay = counts(dated);
  return new Map(
    datasets.map((dataset) => [
      dataset.id,
      (byDay.get(dated(dataset)) ?? 0) > 1
        ? `${plain(dataset)} (imported ${localMinute(dataset.importedAt)})`
        : dated(dataset),
    ]),
  );
}
