import type { Language } from '../core/windows.js';

export interface SubscribeLinks {
  /** The feed itself, over the scheme the page was reached by (https in production). */
  readonly https: string;
  /** webcal:// opens the subscribe dialog of Apple Calendar and Outlook desktop. */
  readonly webcal: string;
  readonly google: string;
  readonly outlookCom: string;
  readonly microsoft365: string;
}

/**
 * One-click subscribe links for a feed. Google's `cid` takes the webcal URL; Outlook on the web has an
 * "addfromweb" deep link that pre-fills the "Subscribe from web" dialog with the feed's https URL and a name.
 */
export function subscribeLinks(baseUrl: string, path: string, name: string, lang: Language): SubscribeLinks {
  const https = `${baseUrl}${path}${lang === 'en' ? '?lang=en' : ''}`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  const addFromWeb = (host: string) =>
    `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    outlookCom: addFromWeb('outlook.live.com'),
    microsoft365: addFromWeb('outlook.office.com'),
  };
}
