import type { Request } from 'express';

/**
 * The URL customers reached the service through, for subscribe links: the configured public base URL, or the
 * request's own scheme and host (X-Forwarded-* only when `trust proxy` is on). A malformed Host falls back to
 * localhost rather than being echoed into links.
 */
export function baseUrl(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl;
  const host = req.host;
  const safeHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host ?? '') ? host : 'localhost';
  return `${req.protocol}://${safeHost}`;
}
