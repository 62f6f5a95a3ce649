import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

export type ErrorCode = 'FEED_NOT_FOUND' | 'NOT_FOUND' | 'BAD_REQUEST' | 'METHOD_NOT_ALLOWED' | 'NOT_READY';

const STATUS: Record<ErrorCode, number> = {
  FEED_NOT_FOUND: 404,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  METHOD_NOT_ALLOWED: 405,
  NOT_READY: 503,
};

/** The one exception type that crosses module lines; its message is safe to show to clients. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** Maps errors to plain-text (or JSON for /api) answers; never a stack trace to a client. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = error instanceof AppError;
    // Express's own parse errors (bad URL encoding, …) carry a 4xx status.
    const status = known ? error.status : typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    const message = known ? error.message : status < 500 ? 'Bad request' : 'Internal server error';
    if (status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (known && error.code === 'METHOD_NOT_ALLOWED') res.set('Allow', 'GET, HEAD');
    if (res.headersSent) return;
    if (req.path.startsWith('/api/'))
      res.status(status).json({ error: { code: known ? error.code : 'ERROR', message } });
    else res.status(status).type('text/plain; charset=utf-8').send(`${message}\n`);
  };
}
