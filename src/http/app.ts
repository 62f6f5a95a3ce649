import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ScheduleStore } from '../schedule-store.js';
import { type AppContext, requirePublication } from './context.js';
import { AppError, errorHandler } from './errors.js';
import { apiRoutes } from './routes/api.js';
import { feedRoutes } from './routes/feeds.js';
import { pageRoutes } from './routes/page.js';
import { servePrepared } from './serve-prepared.js';

/** Strict: only this server's own scripts, styles and images; no third-party requests, no framing. */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

/** The Express app: every route except the plain feed hot path, which createRequestHandler answers first. */
export function createApp(context: AppContext): Express {
  const { store, logger } = context;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', context.trustProxy ?? false);
  // One JSON line per request (pino-http). Feed polls answered on the hot path are logged at debug level there.
  app.use(
    pinoHttp({
      logger,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      // One short line per request: what was asked and answered, not every header.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: { policy: 'no-referrer' } }));

  app.get('/healthz', (_req, res) => {
    const publication = requirePublication(store);
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      version: publication.version,
      publishedAt: publication.publishedAt.toISOString(),
      windows: publication.timeline.windows.length,
      notices: publication.timeline.notices.length,
      rejectedEdit: store.rejected ? { at: store.rejected.at.toISOString(), problems: store.rejected.problems } : null,
    });
  });
  app.use(feedRoutes(context));
  app.use(apiRoutes(context));
  app.use(pageRoutes(context));

  app.use((_req, _res) => {
    throw new AppError('NOT_FOUND', 'Not found.');
  });
  app.use(errorHandler(logger));
  return app;
}

/**
 * The server's request listener: a GET or HEAD of a feed path without a query is answered straight from memory;
 * everything else goes to Express. This keeps the polling hot path free of routing and middleware.
 */
/** Set on SIGTERM: every answer from then on closes its connection, so keep-alive clients let go. */
export interface Lifecycle {
  draining: boolean;
}

export function createRequestHandler(store: ScheduleStore, app: Express, logger?: Logger, lifecycle?: Lifecycle) {
  // Decided once: a per-request log line would cost the hot path more than the rest of its work.
  const logPolls = logger?.isLevelEnabled('debug') === true;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (lifecycle?.draining) res.setHeader('Connection', 'close');
    const url = req.url ?? '/';
    if ((req.method === 'GET' || req.method === 'HEAD') && !url.includes('?')) {
      const body = store.current?.bodies.get(url);
      if (body) {
        servePrepared(req, res, body);
        if (logPolls)
          logger?.debug({ req: { method: req.method, url }, res: { statusCode: res.statusCode } }, 'feed poll');
        return;
      }
    }
    app(req, res);
  };
}
