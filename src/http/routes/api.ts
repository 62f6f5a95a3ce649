import { type Router as ExpressRouter, Router } from 'express';
import type { DateTime } from 'luxon';
import { filterTimeline, findStatus, viewNotice, viewWindow } from '../../core/present.js';
import { baseUrl } from '../base-url.js';
import { type AppContext, requirePublication } from '../context.js';
import { type PreparedBody, prepareBody } from '../prepared.js';
import { cachedBody, type Publication } from '../publication.js';
import { parseBoolean, parseDate, parseLang, parseTypes } from '../query.js';
import { servePrepared } from '../serve-prepared.js';
import { openApiDocument } from './openapi.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The JSON API for integrators: windows and notices with filters, the current status, and its OpenAPI description. */
export function apiRoutes(context: AppContext): ExpressRouter {
  const router = Router();

  router.get('/api/maintenance', (req, res) => {
    const publication = requirePublication(context.store);
    const { schedule } = publication;
    const lang = parseLang(req.query);
    const filter = {
      types: parseTypes(req.query, schedule),
      downtime: parseBoolean(req.query, 'downtime'),
      from: parseDate(req.query, 'from'),
      to: parseDate(req.query, 'to'),
    };
    const base = baseUrl(req, context.publicBaseUrl);
    const key = `api|${base}|${lang}|${JSON.stringify(filter)}`;
    const body = cachedJson(publication, key, () => {
      const selected = filterTimeline(publication.timeline, filter);
      return {
        windows: selected.windows.map((w) => viewWindow(schedule, w, lang, base)),
        notices: selected.notices.map((n) => viewNotice(schedule, n, lang)),
      };
    });
    servePrepared(req, res, body);
  });

  router.get('/api/status', (req, res) => {
    const publication = requirePublication(context.store);
    const lang = parseLang(req.query);
    const base = baseUrl(req, context.publicBaseUrl);
    const now: DateTime = context.clock();
    const { current, next } = findStatus(publication.timeline, now);
    // The answer changes only when a window starts or ends: cached per (current, next) like the other variants.
    const key = `status|${base}|${lang}|${current?.key ?? ''}|${next?.key ?? ''}`;
    const body = cachedJson(publication, key, () => {
      const view = (w: typeof current) => (w ? viewWindow(publication.schedule, w, lang, base) : null);
      return { inMaintenance: current !== undefined, current: view(current), next: view(next) };
    });
    servePrepared(req, res, body, 'public, max-age=30');
  });

  router.get('/api/openapi.json', (req, res) => {
    const publication = requirePublication(context.store);
    const base = baseUrl(req, context.publicBaseUrl);
    servePrepared(
      req,
      res,
      cachedJson(publication, `openapi|${base}`, () => openApiDocument(publication.schedule, base)),
    );
  });

  return router;
}

function cachedJson(publication: Publication, key: string, build: () => unknown): PreparedBody {
  return cachedBody(publication, key, () =>
    prepareBody(JSON.stringify(build()), { contentType: JSON_TYPE, lastModified: publication.publishedAt }),
  );
}
