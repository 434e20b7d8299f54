import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';

const SERVER_ERROR = 500;
const NOT_FOUND = 404;

/** The last handler: a short text 404 for any path nothing else served. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(NOT_FOUND).type('text').send(`${NOT_FOUND} ${STATUS_CODES[NOT_FOUND]}\n`);
};

/**
 * The error handler: status and its name only. Express's default prints the error's stack, with
 * the server's folders in it, outside production; a hub faces strangers, so it never does.
 */
export const plainErrors: ErrorRequestHandler = (error: { status?: number; statusCode?: number }, _req, res, _next) => {
  const given = error?.status ?? error?.statusCode;
  const status = typeof given === 'number' && given >= 400 && given < 600 ? given : SERVER_ERROR;
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).type('text').send(`${status} ${STATUS_CODES[status] ?? 'Error'}\n`);
};
