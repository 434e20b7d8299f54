import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A download that sends no byte for this long is abandoned. */
const STALL_TIMEOUT_MS = 20_000;

/**
 * Downloads `url` to `path`, returning the sha256 of what arrived. Throws with a short reason
 * (HTTP status, network error code, stall) on failure; `path` may then hold a partial file.
 */
export async function downloadFile(url: string, path: string): Promise<string> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const hash = createHash('sha256');
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
    });
    await pipeline(body, createWriteStream(path));
    return hash.digest('hex');
  } catch (error) {
    const { message, cause } = error as Error & { cause?: { code?: string; message?: string } };
    const detail = cause?.code ?? cause?.message;
    throw new Error(controller.signal.aborted ? `stalled for ${STALL_TIMEOUT_MS / 1000} s` : detail ? `${message} (${detail})` : message);
  } finally {
    clearTimeout(timer);
  }
}
