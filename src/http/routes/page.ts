import { fileURLToPath } from 'node:url';
import express, { type Router as ExpressRouter, Router } from 'express';
import { renderAtom } from '../../core/atom.js';
import { renderPage } from '../../page/render.js';
import { baseUrl } from '../base-url.js';
import { type AppContext, requirePublication } from '../context.js';
import { prepareBody } from '../prepared.js';
import { cachedBody } from '../publication.js';
import { parseLang } from '../query.js';
import { servePrepared } from '../serve-prepared.js';

const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** The subscribe page, its static assets and the Atom feed. */
export function pageRoutes(context: AppContext): ExpressRouter {
  const router = Router();

  router.get('/', (req, res) => {
    const publication = requirePublication(context.store);
    const html = renderPage({
      schedule: publication.schedule,
      timeline: publication.timeline,
      feeds: publication.feeds,
      lang: parseLang(req.query),
      now: context.clock(),
      baseUrl: baseUrl(req, context.publicBaseUrl),
    });
    // The banner depends on the time, so the page is short-lived in caches.
    res.set('Cache-Control', 'public, max-age=60').type('text/html; charset=utf-8').send(html);
  });

  router.get('/feed.atom', (req, res) => {
    const publication = requirePublication(context.store);
    const lang = parseLang(req.query);
    const base = baseUrl(req, context.publicBaseUrl);
    const key = `atom|${base}|${lang}`;
    const body = cachedBody(publication, key, () =>
      prepareBody(renderAtom(publication.schedule, publication.timeline, { baseUrl: base, lang }), {
        contentType: 'application/atom+xml; charset=utf-8',
        lastModified: publication.publishedAt,
      }),
    );
    servePrepared(req, res, body);
  });

  router.use('/assets', express.static(PUBLIC_DIR, { maxAge: '1h', fallthrough: true, index: false }));
  return router;
}
