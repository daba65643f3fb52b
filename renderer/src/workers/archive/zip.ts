/**
 * The archive's zip layer, on zip.js (core build: no codecs, no web workers, no WASM, none of which
 * an archive needs or the CSP allows). Entries are stored, never compressed; zip64 records are
 * written where sizes or offsets need them (or for every entry when asked), and read wherever they
 * are. Reading is random access on the file: the central directory first, then one entry at a time.
 * zip.js parses and checks the structure; an entry's bytes are then read from the file directly.
 */
import {
  configure,
  Reader,
  ZipReader,
  ZipWriter,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-core-custom.js';
import { ArchiveError } from '#shared/archive/archiveFormat';
import { isArchiveEntryName } from '#shared/archive/archiveSchema';
import type { ByteSink } from '../../lib/byteSink';

configure({ useWebWorkers: false, useCompressionStream: false, chunkSize: 4 * 1024 * 1024 });

const HEADER_WINDOW = 64 * 1024;
const DATA_WINDOW = 16 * 1024 * 1024;

/**
 * The archive file as zip.js reads it, through one window: a small one for headers, 16 MB for
 * entries' data, read in order. Each read of a Blob is a round trip to the browser's blob store:
 * zip.js's own reader, which reads every request separately, took 2.3 s for the table of contents
 * of a 600 MB archive in Chromium here and 14 s to read it all (through a 64 MB window: 20 ms and
 * 9 s). 16 MB keeps the reads few and each allocation small.
 *
 * Each window is read with `arrayBuffer()`. Reading them into one recycled buffer through a BYOB
 * reader of the Blob's stream, cancelled once full, left less garbage, but such a read sometimes
 * never settled in Chromium (no error, no CPU) while the same worker was storing sealed parts of a
 * restored file: 2 benchmark runs in 4 hung; without it, 4 in 4 went through, as fast, in as much
 * memory.
 */
class WindowReader extends Reader<Blob> {
  private window: Uint8Array = new Uint8Array(0);
  private start = 0;

  constructor(private readonly file: Blob) {
    super(file);
    this.size = file.size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    // A window moved to another worker with the piece it was (a restored file's: pieceSource in
    // lib/bytes.ts) is empty here, so every read misses it and reads afresh.
    if (length === 0) return new Uint8Array(0);
    if (index < this.start || index + length > this.start + this.window.length) {
      const span = Math.max(length, length < HEADER_WINDOW ? HEADER_WINDOW : DATA_WINDOW);
      const end = Math.min(this.size, index + span);
      const window = new Uint8Array(await this.file.slice(index, end).arrayBuffer());
      // Moved together once read, so that a read meanwhile sees the window as it was.
      [this.start, this.window] = [index, window];
      return window.subarray(0, length);
    }
    return this.window.subarray(index - this.start, index - this.start + length);
  }
}

/** A zip's checked table of contents, and each entry's stored bytes read from the file. */
export type ZipDirectory = {
  entries: ReadonlyMap<string, FileEntry>;
  /**
   * An entry's bytes, or `length` of them from `from`, straight from the file (through the reader's
   * window: a view of it, no copy, valid until the next read). Where they start, its local header
   * says; zipDirectory has checked every local header against the table of contents and for
   * overlap, so only the header's two lengths are read here.
   */
  read(entry: FileEntry, from?: number, length?: number): Promise<Uint8Array>;
};

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;

const truncated = () =>
  new ArchiveError('This archive ends early: it was cut short (truncated) or is incomplete.');
const damaged = (what: string) => new ArchiveError(`This archive is damaged: ${what}.`);

/** What zip.js found wrong (its `reason`s of ERR_AMBIGUOUS_ARCHIVE included), in one sentence. */
const AMBIGUITIES: Record<string, string> = {
  'duplicate filename': 'it holds an entry twice',
  'appended data': 'it has data after its end',
  'prepended data': 'it has data before its first entry',
  'trailing central directory data': 'its table of contents holds more than its entries',
  'multiple end of central directory records': 'it has more than one end record',
  'mismatched central directory offset':
    'its table of contents does not end where the file’s end record begins',
  'mismatched zip64 end of central directory record': 'its two end records disagree',
};

function zipFailure(error: unknown, entry?: string): Error {
  if (error instanceof ArchiveError || !(error instanceof Error)) return error as Error;
  const name = entry ? `the entry “${entry}”` : 'an entry';
  const { reason, filename } = error as { reason?: string; filename?: string };
  if (filename !== undefined)
    return damaged(
      `it holds an entry named “${filename.slice(0, 80)}”, which Waybill never writes`,
    );
  if (reason?.startsWith('mismatched local file header'))
    return damaged(`${name} says otherwise inside than its table of contents`);
  if (reason) return damaged(AMBIGUITIES[reason] ?? 'its zip structure can be read in two ways');
  switch (error.message) {
    case 'End of central directory not found':
    case 'File format is not recognized':
      return truncated();
    case 'Overlapping entry found':
      return damaged(`${name} overlaps another`);
    case 'Entry data out of bounds':
      return damaged(`${name} runs past the end of its data`);
    case 'Local file header not found':
      return damaged(`${name} is not where its table of contents says`);
    case 'Invalid CRC32':
      return damaged(`${name} does not match its checksum`);
    default:
      return damaged('its zip structure cannot be read');
  }
}

/**
 * The zip's central directory, checked before any entry is read: zip.js (strict) refuses an end
 * record that does not close the file, a table of contents that does not end where it begins,
 * duplicate names and data before or after the zip; here each entry must be stored (not
 * compressed, not zip-encrypted), with one size, a name of the format's own grammar, and the sizes
 * together within the file. Then every local header is checked against the table of contents and
 * for overlap with the others, without reading any entry's data.
 */
export async function zipDirectory(file: Blob): Promise<ZipDirectory> {
  const reader = new ZipReader(new WindowReader(file), { strictness: 'strict' });
  const directory = new Map<string, FileEntry>();
  let total = 0;
  try {
    for await (const entry of reader.getEntriesGenerator()) {
      const name = entry.filename;
      if (entry.directory || !isArchiveEntryName(name))
        throw damaged(`it holds an entry named “${name.slice(0, 80)}”, which Waybill never writes`);
      if (directory.has(name)) throw damaged(`it holds the entry “${name}” twice`);
      if (entry.compressionMethod !== 0)
        throw damaged(`“${name}” is compressed, which Waybill never does`);
      if (entry.encrypted) throw damaged(`“${name}” is zip-encrypted`);
      if (entry.compressedSize !== entry.uncompressedSize)
        throw damaged(`its table of contents gives “${name}” two different sizes`);
      total += entry.compressedSize;
      if (total > file.size) throw damaged('its entries are larger than the file that holds them');
      directory.set(name, entry);
    }
  } catch (error) {
    throw zipFailure(error);
  }
  for (const [name, entry] of directory) {
    try {
      // Reads the local header (and any data descriptor) only: the stream is never written.
      await entry.getData(new WritableStream(), { checkOverlappingEntryOnly: true });
    } catch (error) {
      throw zipFailure(error, name);
    }
  }
  // Entries are read here rather than through zip.js's streams, which took 6 s of an 18 s restore
  // (174 MB) in the benchmark. (No CRC-32 is checked: every entry but the header is checked against
  // its SHA-256 in the manifest, and the header is parsed with a schema.) They are read through a
  // window of their own: a view of it is valid until the next read moves it.
  const window = new WindowReader(file);
  const read = async (
    entry: FileEntry,
    from = 0,
    length = entry.compressedSize - from,
  ): Promise<Uint8Array> => {
    const name = `the entry “${entry.filename}”`;
    const header = await window.readUint8Array(entry.offset, LOCAL_HEADER_BYTES);
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (header.length < LOCAL_HEADER_BYTES || view.getUint32(0, true) !== LOCAL_HEADER)
      throw damaged(`${name} is not where its table of contents says`);
    const start =
      entry.offset + LOCAL_HEADER_BYTES + view.getUint16(26, true) + view.getUint16(28, true);
    if (start + entry.compressedSize > file.size)
      throw damaged(`${name} runs past the end of its data`);
    return window.readUint8Array(
      start + from,
      Math.max(0, Math.min(length, entry.compressedSize - from)),
    );
  };
  return { entries: directory, read };
}

/** How much of the zip is gathered into one piece for its sink: a few writes, each small. */
const PIECE_BYTES = 4 * 1024 * 1024;
/** Pieces handed to the sink and not yet written: the next is made while it writes the last. */
const PIECES_IN_FLIGHT = 2;

/**
 * A zip written entry by entry into a sink (the file the user chose, or a Blob), a piece of a few
 * MB at a time, never one large buffer: each piece is a buffer of its own, for the sink to keep or
 * move. The next piece is made while the sink writes the one before; beyond that the writer waits,
 * so a slow disk holds it back instead of the archive piling up in memory. A piece the sink gives
 * back once written is filled again: a new buffer for every 4 MB, collected late in each thread it
 * passed through, made some 130 MB of the page's memory during a 5 GB backup.
 */
export class ZipWriting {
  private piece: Uint8Array = new Uint8Array(PIECE_BYTES);
  private pieceBytes = 0;
  private readonly writing: Promise<void>[] = [];
  /** Pieces given back by the sink, to be filled again. */
  private readonly spare: Uint8Array[] = [];
  private readonly writer: ZipWriter<unknown>;

  /**
   * `zip64`: every entry in zip64 form. Otherwise zip.js writes zip64 records by itself where a
   * size or offset needs them, provided the option is left unset: set to false, it refuses an
   * archive past 4 GiB instead (a case of ten million shipments makes one of 5 GB).
   */
  constructor(
    private readonly sink: ByteSink,
    zip64 = false,
  ) {
    this.writer = new ZipWriter(
      new WritableStream<Uint8Array>({ write: (chunk) => this.keep(chunk) }),
      { level: 0, zip64: zip64 || undefined, extendedTimestamp: false, dataDescriptor: false },
    );
  }

  private async keep(chunk: Uint8Array): Promise<void> {
    let from = 0;
    while (from < chunk.length) {
      const taken = Math.min(chunk.length - from, PIECE_BYTES - this.pieceBytes);
      this.piece.set(chunk.subarray(from, from + taken), this.pieceBytes);
      this.pieceBytes += taken;
      from += taken;
      if (this.pieceBytes === PIECE_BYTES) await this.handOver();
    }
  }

  private async handOver(): Promise<void> {
    if (this.pieceBytes === 0) return;
    const piece =
      this.pieceBytes === PIECE_BYTES ? this.piece : this.piece.slice(0, this.pieceBytes);
    this.piece = this.spare.pop() ?? new Uint8Array(PIECE_BYTES);
    this.pieceBytes = 0;
    const written = Promise.resolve(this.sink.write(piece)).then((back) => {
      if (back && back.byteLength === PIECE_BYTES && back.buffer.byteLength === PIECE_BYTES)
        this.spare.push(back);
    });
    // Awaited in turn below or on close; until then its failure is not unhandled.
    written.catch(() => undefined);
    this.writing.push(written);
    if (this.writing.length >= PIECES_IN_FLIGHT) await this.writing.shift();
  }

  /**
   * Adds an entry of bytes in memory. They go in as a stream of one chunk, with their size given:
   * zip.js read the same bytes from a Uint8ArrayReader at two thirds of the speed in Chromium here
   * (79 against 116 MB/s for 2 MB entries), and lays out an entry of a given size as one read from
   * a sized reader. Without `crc32` it holds the entry until it has computed the checksum, then
   * writes its header and it; with the checksum given (computed where the entry was made, in
   * another thread) it writes them at once, copying the bytes as they are.
   */
  async add(name: string, bytes: Uint8Array, crc32?: number): Promise<void> {
    const data = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    await this.writer.add(name, data, {
      uncompressedSize: bytes.length,
      ...(crc32 === undefined ? {} : { passThrough: true, compressionMethod: 0, crc32 }),
    });
  }

  /**
   * Adds an entry of any size as a stream of its parts, written as they come: its checksum and
   * sizes follow it in a data descriptor, rather than the whole entry being held until they are
   * known.
   */
  async addStream(name: string, content: ReadableStream<Uint8Array>, size: number): Promise<void> {
    await this.writer.add(name, content, { uncompressedSize: size, dataDescriptor: true });
  }

  /** Writes the central directory, hands over the last piece and waits until all are written. */
  async close(): Promise<void> {
    await this.writer.close();
    await this.handOver();
    for (const written of this.writing.splice(0)) await written;
  }
}
