import type { z } from 'zod';
import { fail, ok, type Result } from '../shared/ipc';
import { isTrustedSender } from './security';

/** The part of Electron's IpcMainInvokeEvent that the guard reads. */
export type InvokeEvent = {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown };
};

/**
 * Wraps an IPC handler: the sender must be the app's own top-level page, the payload must match its
 * schema, and whatever goes wrong comes back as `{ ok: false, error }` instead of a thrown error.
 */
export function guardHandler<S extends z.ZodType, T>(
  schema: S,
  handler: (request: z.infer<S>, event: InvokeEvent) => Promise<T>,
): (event: InvokeEvent, payload: unknown) => Promise<Result<T>> {
  return async (event, payload) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return fail('forbidden-sender', 'This request did not come from the app.');
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid-payload', `${issue?.path.join('.') || 'request'}: ${issue?.message}`);
    }
    try {
      return ok(await handler(parsed.data, event));
    } catch (error) {
      return fail('io-failed', error instanceof Error ? error.message : String(error));
    }
  };
}
