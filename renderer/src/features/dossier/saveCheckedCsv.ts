import type { LocatedText, NameHit } from '#shared/redaction/nameCheck';
import { platform } from '../../app/platform';
import { checkFileForNames } from '../../case/exports/nameClearances';
import type { WithCase } from '../../case/useCase';

/**
 * Saves a CSV export once the confidential-name check finds nothing blocking in it; else saves
 * nothing and returns what blocks it, for the NameCheckDialog (whose "Export now" calls this
 * again once the hits are cleared). `located` says where each checked text comes from.
 */
export async function saveCheckedCsv(
  withCase: WithCase,
  file: { name: string; bytes: Uint8Array },
  located: readonly LocatedText[],
): Promise<NameHit[] | null> {
  const check = await withCase(checkFileForNames, file, located);
  if (check.blocking.length > 0) return check.blocking;
  await platform.saveFile({
    suggestedName: file.name,
    bytes: file.bytes,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
  return null;
}
