import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
  component: ICAL.Component;
}

/** Parses feed text with ical.js (a real parser, as used by many web clients) and returns its events. */
export function parseIcs(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate, end: event.endDate, component };
  });
  return { calendar, events };
}

export function utcIso(time: ICAL.Time): string {
  return time.toJSDate().toISOString();
}

/** Physical lines (RFC 5545 §3.1): CRLF-terminated, at most 75 octets, none splitting a UTF-8 character. */
export function physicalLines(bytes: Buffer): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (bytes.subarray(-2).toString('latin1') !== '\r\n') throw new Error('does not end with CRLF');
  const lines: string[] = [];
  let from = 0;
  while (from < bytes.length) {
    const end = bytes.indexOf('\r\n', from, 'latin1');
    const raw = bytes.subarray(from, end);
    if (raw.length > 75) throw new Error(`line longer than 75 octets: ${raw.toString('utf8')}`);
    if (raw.includes(10) || raw.includes(13)) throw new Error(`bare line break in ${raw.toString('utf8')}`);
    lines.push(decoder.decode(raw)); // throws on a split multi-byte character
    from = end + 2;
  }
  return lines;
}
