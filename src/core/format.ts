import { DateTime } from 'luxon';
import type { Language, MaintenanceWindow } from './windows.js';
import { calendarZone } from './zone.js';

/** Dates as people read them: "donderdag 2 oktober 2019, 22.00" / "Thursday 2 October 2019, 22:00". */
const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const TIME: Record<Language, string> = { nl: 'HH.mm', en: 'HH:mm' };

export function formatDay(date: DateTime, lang: Language): string {
  return date.setLocale(LOCALE[lang]).toFormat('cccc d LLLL yyyy');
}

export function formatTime(time: DateTime, lang: Language): string {
  return time.toFormat(TIME[lang]);
}

/** "donderdag 2 oktober 2019, 22.00–22.30" (the end only when there is downtime). */
export function formatWindow(window: MaintenanceWindow, lang: Language): string {
  const start = `${formatDay(window.start, lang)}, ${formatTime(window.start, lang)}`;
  return window.downtimeMinutes > 0 ? `${start}–${formatTime(window.end, lang)}` : start;
}

export function formatDate(isoDate: string, zone: string, lang: Language): string {
  return formatDay(DateTime.fromISO(isoDate, { zone: calendarZone(zone) }), lang);
}

/** "Europe/Amsterdam" → "Amsterdam": names the zone the way people do, summer and winter alike. */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}
