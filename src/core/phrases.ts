import type { Language, MaintenanceWindow, Notice } from './windows.js';

/** The few sentences the service writes itself, in both languages. Everything else is the schedule's data. */

export function describeDowntime(minutes: number, lang: Language): string {
  if (minutes === 0) return lang === 'nl' ? 'geen downtime' : 'no downtime';
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return lang === 'nl' ? `${hours} uur downtime` : `${hours} h downtime`;
  }
  return `${minutes} min downtime`;
}

/** Reads well in a crowded week view: product, kind, downtime. Outlook ignores STATUS:CANCELLED, hence the prefix. */
export function windowSummary(window: MaintenanceWindow, product: string, lang: Language): string {
  const kind = lang === 'nl' ? `${product} onderhoud` : `${product} maintenance`;
  const base = `${kind}: ${window.label[lang]}, ${describeDowntime(window.downtimeMinutes, lang)}`;
  const prefixes: string[] = [];
  if (window.cancelled) prefixes.push(lang === 'nl' ? 'Geannuleerd: ' : 'Cancelled: ');
  if (window.unplanned) prefixes.push(lang === 'nl' ? 'Ongepland: ' : 'Unplanned: ');
  return prefixes.join('') + base;
}

export function windowDescription(window: MaintenanceWindow, lang: Language): string {
  const parts: string[] = [];
  if (window.cancelled)
    parts.push(lang === 'nl' ? 'Dit onderhoud gaat niet door.' : 'This maintenance has been cancelled.');
  if (window.unplanned) {
    parts.push(
      lang === 'nl'
        ? 'Ongepland onderhoud, op korte termijn aangekondigd.'
        : 'Unplanned maintenance, announced at short notice.',
    );
  }
  if (window.note) parts.push(window.note[lang]);
  const minutes = window.downtimeMinutes;
  parts.push(
    lang === 'nl'
      ? `${window.label.nl} onderhoud, verwachte downtime: ${minutes === 0 ? 'geen' : `${minutes} minuten`}.`
      : `${window.label.en} maintenance, expected downtime: ${minutes === 0 ? 'none' : `${minutes} minutes`}.`,
  );
  parts.push(window.typeDescription[lang]);
  return parts.join('\n\n');
}

export function noticeSummary(notice: Notice, lang: Language): string {
  return `${lang === 'nl' ? 'Geen onderhoud' : 'No maintenance'}: ${notice.reason[lang]}`;
}
