import type { ErrorRequestHandler } from 'express';
import { UNAVAILABLE_ERROR, isDatabaseUnavailable } from './unavailable.js';

/**
 * Last handler: errors raised outside GraphQL (malformed JSON, a body over the limit) answer
 * in GraphQL's error shape with a code, never Express's HTML page with a stack trace.
 */
export const jsonErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      type === 'entity.too.large'
        ? 'The request body is too large.'
        : type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request is not valid.';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    req.log.warn({ err: error }, 'Database unavailable');
    res
      .status(503)
      .set('Retry-After', '5')
      .json({ errors: [UNAVAILABLE_ERROR] });
    return;
  }
  req.log.error({ err: error }, 'Unexpected HTTP error');
  res.status(500).json({
    errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
};
