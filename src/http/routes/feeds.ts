import { type Router as ExpressRouter, Router } from 'express';
import { type AppContext, requirePublication } from '../context.js';
import { AppError } from '../errors.js';
import { feedVariant, singleEvent } from '../publication.js';
import { parseLang, parseTypes } from '../query.js';
import { servePrepared } from '../serve-prepared.js';

const EVENT_PREFIX = '/calendar/events/';

/**
 * Feeds with a query (?lang=en, ?type=a,b) and single events. Plain feed URLs never get here: the request
 * handler in app.ts answers them from memory first.
 */
export function feedRoutes(context: AppContext): ExpressRouter {
  const router = Router();
  router.all(['/calendar.ics', '/calendar/{*rest}'], (req, res) => {
    const publication = requirePublication(context.store);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new AppError('METHOD_NOT_ALLOWED', 'Feeds answer GET and HEAD only.');
    const lang = parseLang(req.query);
    if (req.path.startsWith(EVENT_PREFIX) && req.path.endsWith('.ics')) {
      const uid = decodePathPart(req.path.slice(EVENT_PREFIX.length, -'.ics'.length));
      const key = uid.split('@')[0] ?? '';
      const body =
        uid.endsWith(`@${publication.schedule.calendar.uidDomain}`) || !uid.includes('@')
          ? singleEvent(publication, key, lang)
          : undefined;
      if (!body)
        throw new AppError('FEED_NOT_FOUND', 'No maintenance window with that uid. /api/maintenance lists them.');
      servePrepared(req, res, body);
      return;
    }
    const feed = publication.feeds.find((f) => f.path === req.path);
    if (!feed) {
      throw new AppError(
        'FEED_NOT_FOUND',
        `No such calendar feed. Valid feeds: ${publication.feeds.map((f) => f.path).join(', ')}`,
      );
    }
    const types = parseTypes(req.query, publication.schedule);
    if (types && feed.id !== 'all')
      throw new AppError('BAD_REQUEST', 'type: only /calendar.ics takes a selection of types');
    servePrepared(req, res, feedVariant(publication, feed, { lang, types }));
  });
  return router;
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AppError('BAD_REQUEST', 'The address is not correctly URL-encoded.');
  }
}
