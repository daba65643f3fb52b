import type { Investigation } from '#shared/investigation';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import { BlobSink } from '../../../renderer/src/lib/byteSink';
import { writeArchive } from '../../../renderer/src/workers/archive/writeArchive';

/** An investigation's archive, written as the app writes it, gathered into a Blob to read back. */
export async function archiveBlob(
  db: InvestigationDb,
  investigation: Investigation,
  options: Parameters<typeof writeArchive>[3],
): Promise<Blob> {
  const sink = new BlobSink();
  await writeArchive(db, investigation, sink, options);
  return sink.blob('application/zip');
}
