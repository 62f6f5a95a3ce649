import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFeeds, selectFeedContent } from '../../src/core/feeds.js';
import { renderEvents, renderFeed } from '../../src/core/ical.js';
import { buildTimeline } from '../../src/core/windows.js';
import { ROOT, smallRaw, validSchedule } from '../support/schedules.js';

/**
 * Every feed through two independent parsers besides ical.js: libical (C; GNOME Evolution, many CalDAV servers)
 * and python-icalendar. .ci/run installs both (Debian packages libical-dev and python3-icalendar).
 */
const LIBICAL_CHECK = `${ROOT}.tmp/libical-check`;

const feeds = [validSchedule(), validSchedule(smallRaw())].flatMap((schedule) => {
  const timeline = buildTimeline(schedule);
  return (['nl', 'en'] as const).flatMap((lang) => {
    const events = renderEvents(schedule, timeline, lang);
    return listFeeds(schedule).map((feed) => {
      const content = selectFeedContent(feed, timeline);
      return {
        name: `${schedule.calendar.uidDomain} ${feed.path} ${lang}`,
        text: renderFeed(schedule, feed, content, events, lang),
        count: content.windows.length + content.notices.length,
      };
    });
  });
});

beforeAll(() => {
  mkdirSync(`${ROOT}.tmp`, { recursive: true });
  const flags = execFileSync('pkg-config', ['--cflags', '--libs', 'libical'], { encoding: 'utf8' }).trim().split(/\s+/);
  execFileSync('cc', ['-o', LIBICAL_CHECK, `${ROOT}tests/support/libical-check.c`, ...flags]);
});

describe.each(feeds)('$name', ({ text, count }) => {
  it('libical parses it without errors', () => {
    expect(execFileSync(LIBICAL_CHECK, { input: text, encoding: 'utf8' }).trim()).toBe(String(count));
  });

  it('python-icalendar parses it without errors', () => {
    const output = execFileSync('/usr/bin/python3', [`${ROOT}tests/support/icalendar-check.py`], {
      input: text,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe(String(count));
  });
});
