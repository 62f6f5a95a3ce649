import type { DateTime } from 'luxon';
import { type FeedVariant, feedTitle } from '../core/feeds.js';
import { formatDate, formatDay, formatTime, formatWindow, zoneCity } from '../core/format.js';
import { eventUid } from '../core/ical.js';
import { describeDowntime } from '../core/phrases.js';
import { eventPath, findStatus } from '../core/present.js';
import type { Schedule } from '../core/schedule.js';
import type { Language, MaintenanceWindow, Notice, Timeline } from '../core/windows.js';
import { subscribeLinks } from './subscribe-links.js';
import { type PageTexts, TEXTS } from './texts.js';

export interface PageModel {
  readonly schedule: Schedule;
  readonly timeline: Timeline;
  readonly feeds: readonly FeedVariant[];
  readonly lang: Language;
  readonly now: DateTime;
  /** The URL the page was reached through (or the configured public one), for subscribe links. */
  readonly baseUrl: string;
}

/** The subscribe page: the seed page's content, live from the schedule, plus one-click subscribing. */
export function renderPage(model: PageModel): string {
  const { schedule, lang } = model;
  const t = TEXTS[lang];
  const name = lang === 'en' ? (schedule.calendar.en?.name ?? schedule.calendar.name) : schedule.calendar.name;
  const description =
    lang === 'en'
      ? (schedule.calendar.en?.description ?? schedule.calendar.description)
      : schedule.calendar.description;
  const intro = lang === 'en' ? (schedule.calendar.en?.intro ?? schedule.calendar.intro) : schedule.calendar.intro;
  const other = lang === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(name)}</title>
${description ? `<meta name="description" content="${esc(description)}">` : ''}
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/page.css">
<link rel="alternate" type="application/atom+xml" href="/feed.atom${lang === 'en' ? '?lang=en' : ''}" title="${esc(name)}">
<link rel="alternate" hreflang="${other}" href="/${other === 'en' ? '?lang=en' : ''}">
<script src="/assets/page.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${esc(t.skip)}</a>
<header class="site">
<nav aria-label="${lang === 'nl' ? 'Taal' : 'Language'}"><a href="/${other === 'en' ? '?lang=en' : ''}" hreflang="${other}" lang="${other}">${esc(t.otherLanguage)}</a></nav>
<h1>${esc(name)}</h1>
${description ? `<p class="lead">${esc(description)}</p>` : ''}
</header>
<main id="main">
${renderBanner(model, t)}
${intro ? `<section aria-labelledby="why"><h2 id="why">${esc(t.whyTitle)}</h2><p>${esc(intro)}</p></section>` : ''}
${renderSubscribe(model, t)}
${renderTypes(schedule, lang, t)}
${renderCalendar(model, t)}
</main>
<footer class="site">
<h2>${esc(t.integrations)}</h2>
<ul>
<li><a href="/api/maintenance${lang === 'en' ? '?lang=en' : ''}">${esc(t.api)}</a></li>
<li><a href="/api/openapi.json">${esc(t.openapi)}</a></li>
<li><a href="/feed.atom${lang === 'en' ? '?lang=en' : ''}">${esc(t.atom)}</a></li>
</ul>
</footer>
</body>
</html>
`;
}

function renderBanner({ timeline, now, lang, schedule }: PageModel, t: PageTexts): string {
  const { current, next } = findStatus(timeline, now);
  const product = schedule.calendar.product ?? schedule.calendar.name;
  if (current) {
    const what = `${product}: ${current.label[lang]} (${describeDowntime(current.downtimeMinutes, lang)})`;
    return banner('now', t.nowTitle, t.now(what, formatTime(current.visibleEnd, lang)));
  }
  if (next && next.start.diff(now, 'hours').hours <= 24) {
    const what = `${product}: ${next.label[lang]} (${describeDowntime(next.downtimeMinutes, lang)})`;
    return banner('soon', t.soonTitle, t.soon(what, formatWindow(next, lang)));
  }
  return '';
}

function banner(kind: string, title: string, text: string): string {
  return `<section class="banner ${kind}" role="status" aria-labelledby="banner-title"><h2 id="banner-title">${esc(title)}</h2><p>${esc(text)}</p></section>`;
}

function renderSubscribe(model: PageModel, t: PageTexts): string {
  const { schedule, lang } = model;
  const items = model.feeds.map((feed) => {
    const type = schedule.types[feed.id];
    const title =
      feed.id === 'all'
        ? t.feedAll
        : feed.id === 'downtime'
          ? t.feedDowntime
          : t.feedType(type?.en && lang === 'en' ? (type.en.label ?? type.label) : (type?.label ?? feed.id));
    const text =
      feed.id === 'all'
        ? t.feedAllText
        : feed.id === 'downtime'
          ? t.feedDowntimeText(schedule.calendar.product ?? schedule.calendar.name)
          : t.feedTypeText(describeDowntime(type?.downtimeMinutes ?? 0, lang));
    const links = subscribeLinks(model.baseUrl, feed.path, feedTitle(schedule, feed, lang), lang);
    const id = `feed-${feed.id}`;
    const link = (href: string, app: string, cls: string, hint?: string) =>
      `<a class="button ${cls}" href="${esc(href)}" aria-label="${esc(t.subscribeIn(app, title))}"${hint ? ` title="${esc(hint)}"` : ''}>${esc(app)}</a>`;
    return `<li class="feed" aria-labelledby="${id}">
<h3 id="${id}">${esc(title)}</h3>
<p>${esc(text)}</p>
<div class="links">
${link(links.webcal, t.apple, 'webcal', t.appleHint)}
${link(links.google, t.google, 'google')}
${link(links.outlookCom, t.outlookCom, 'outlook-com')}
${link(links.microsoft365, t.m365, 'm365')}
</div>
<div class="copy-row">
<input class="feed-url" type="text" readonly value="${esc(links.https)}" aria-label="${esc(t.linkLabel(title))}" id="${id}-url">
<button type="button" class="copy" data-target="${id}-url" data-copied="${esc(t.copied)}" data-failed="${esc(t.copyFailed)}">${esc(t.copy)}</button>
<a class="plain" href="${esc(links.https)}">${esc(links.https)}</a>
</div>
</li>`;
  });
  return `<section aria-labelledby="subscribe"><h2 id="subscribe">${esc(t.subscribeTitle)}</h2>
<p>${esc(t.subscribeIntro)}</p>
<ul class="feeds">
${items.join('\n')}
</ul>
<p class="copy-status" role="status" aria-live="polite"></p>
<details><summary>${esc(t.googleStepsTitle)}</summary><ol>${t.googleSteps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></details>
<p class="note">${esc(t.importWarning)}</p>
</section>`;
}

function renderTypes(schedule: Schedule, lang: Language, t: PageTexts): string {
  const rows = Object.values(schedule.types).map((type) => {
    const label = lang === 'en' ? (type.en?.label ?? type.label) : type.label;
    const description = lang === 'en' ? (type.en?.description ?? type.description) : type.description;
    const downtime = type.downtimeMinutes === 0 ? t.noDowntime : t.minutes(type.downtimeMinutes);
    return `<tr><th scope="row">${esc(label)}</th><td>${esc(downtime)}</td><td>${esc(description)}</td></tr>`;
  });
  return `<section aria-labelledby="types"><h2 id="types">${esc(t.typesTitle)}</h2>
<table class="types"><caption>${esc(t.typesCaption)}</caption>
<thead><tr><th scope="col">${esc(t.thType)}</th><th scope="col">${esc(t.thDowntime)}</th><th scope="col">${esc(t.thDescription)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

type Row = { at: number; html: string };

function renderCalendar(model: PageModel, t: PageTexts): string {
  const { timeline, now, schedule } = model;
  const zone = schedule.calendar.timezone;
  const today = now.setZone(zone).toISODate() ?? '';
  const rows = [
    ...timeline.windows.map((w) => ({ upcoming: w.visibleEnd > now, year: w.start.year, row: windowRow(model, w, t) })),
    ...timeline.notices.map((n) => ({
      upcoming: n.date >= today,
      year: Number(n.date.slice(0, 4)),
      row: noticeRow(model, n, t),
    })),
  ];
  const upcoming = rows.filter((r) => r.upcoming).map((r) => r.row);
  const past = rows.filter((r) => !r.upcoming);
  const years = [...new Set(past.map((r) => r.year))].sort((a, b) => b - a);
  const pastTables = years.map((year) =>
    table(
      `past-${year}`,
      `<h4 id="past-${year}">${year}</h4>`,
      past.filter((r) => r.year === year).map((r) => r.row),
      t,
      String(year),
    ),
  );
  return `<section aria-labelledby="calendar"><h2 id="calendar">${esc(t.calendarTitle)}</h2>
<p>${esc(t.calendarIntro)}</p>
<p class="zone">${esc(t.timesIn(zoneCity(zone), zone))}</p>
<h3 id="upcoming">${esc(t.upcomingTitle)}</h3>
${upcoming.length > 0 ? table('upcoming', '', upcoming, t, t.upcomingTitle) : `<p>${esc(t.noUpcoming)}</p>`}
${past.length > 0 ? `<h3 id="past">${esc(t.pastTitle)}</h3>\n${pastTables.join('\n')}` : ''}
</section>`;
}

function table(labelledBy: string, heading: string, rows: Row[], t: PageTexts, caption: string): string {
  const body = [...rows].sort((a, b) => a.at - b.at).map((r) => r.html);
  return `${heading}<table class="windows" aria-labelledby="${labelledBy}"><caption class="visually-hidden">${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(t.thDate)}</th><th scope="col">${esc(t.thTime)}</th><th scope="col">${esc(t.thKind)}</th><th scope="col">${esc(t.thAdd)}</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table>`;
}

function windowRow({ schedule, lang }: PageModel, window: MaintenanceWindow, t: PageTexts): Row {
  const badges = [
    window.cancelled ? `<span class="badge cancelled">${esc(t.cancelled)}</span>` : '',
    window.unplanned ? `<span class="badge unplanned">${esc(t.unplanned)}</span>` : '',
  ].join('');
  const day = formatDay(window.start, lang);
  const uid = eventUid(window.key, schedule);
  const href = `${eventPath(uid)}${lang === 'en' ? '?lang=en' : ''}`;
  const note = window.note ? `<br><span class="note">${esc(window.note[lang])}</span>` : '';
  const kind = `${esc(window.label[lang])} <span class="downtime">(${esc(describeDowntime(window.downtimeMinutes, lang))})</span>${badges}${note}`;
  const cls = window.cancelled ? ' class="is-cancelled"' : '';
  return {
    at: window.start.toMillis(),
    html: `<tr${cls}><td>${esc(day)}</td><td>${esc(formatTime(window.start, lang))}</td><td>${kind}</td><td><a href="${esc(href)}" aria-label="${esc(t.addOne(`${window.label[lang]}, ${day}`))}">${esc(t.addShort)}</a></td></tr>`,
  };
}

function noticeRow({ schedule, lang }: PageModel, notice: Notice, t: PageTexts): Row {
  const day = formatDate(notice.date, schedule.calendar.timezone, lang);
  return {
    at: Date.parse(`${notice.date}T12:00:00Z`),
    html: `<tr class="no-update"><td>${esc(day)}</td><td>${esc(t.noUpdate)}</td><td>${esc(notice.reason[lang])}</td><td></td></tr>`,
  };
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
