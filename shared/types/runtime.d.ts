/**
 * The few Web APIs that every runtime of shared/ provides (Node, browsers and workers alike: the
 * minimum common API of JavaScript runtimes). Declared here so that shared/ is checked without the
 * DOM library; the renderer and Electron builds use their own, fuller declarations instead.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

interface AbortSignal {
  readonly aborted: boolean;
  throwIfAborted(): void;
}

/** Base64 of a binary string (each char one byte). */
declare function btoa(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

/** Web Crypto's one synchronous call. */
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };

/** Only told apart from other values here: file contents stay where they are. */
declare class Blob {
  readonly size: number;
}
