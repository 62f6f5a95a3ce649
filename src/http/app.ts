import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ScheduleStore } from '../schedule-store.js';
import { AppError, errorHandler } from './errors.js';
import type { Publication } from './publication.js';
import { servePrepared } from './serve-prepared.js';

export interface AppDeps {
  readonly store: ScheduleStore;
  readonly logger: Logger;
}

export function requirePublication(store: ScheduleStore): Publication {
  const publication = store.current;
  if (!publication) throw new AppError('NOT_READY', 'The schedule is not loaded yet; try again shortly.');
  return publication;
}

/** The Express app: every route except the feed hot path, which createRequestHandler answers first. */
export function createApp({ store, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(helmet());

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

  app.all(['/calendar.ics', '/calendar/{*rest}'], (req, res) => {
    const publication = requirePublication(store);
    const body = publication.bodies.get(req.path);
    if (!body) {
      const valid = [...publication.bodies.keys()].join(', ');
      throw new AppError('FEED_NOT_FOUND', `No such calendar feed. Valid feeds: ${valid}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new AppError('METHOD_NOT_ALLOWED', 'Feeds answer GET and HEAD only.');
    servePrepared(req, res, body);
  });

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
export function createRequestHandler(store: ScheduleStore, app: Express) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if ((req.method === 'GET' || req.method === 'HEAD') && !url.includes('?')) {
      const body = store.current?.bodies.get(url);
      if (body) {
        servePrepared(req, res, body);
        return;
      }
    }
    app(req, res);
  };
}
