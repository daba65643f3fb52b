/**
 * SHA-256 of a whole entry with WebCrypto: native, and several times faster than hashing in
 * JavaScript, which matters for archives of hundreds of megabytes. (Imports hash incrementally while
 * the file streams, which WebCrypto cannot do; archive entries are whole in memory already.)
 */
export async function digestHex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
