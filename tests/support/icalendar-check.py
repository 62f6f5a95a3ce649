"""Parses an iCalendar stream from stdin with python-icalendar; prints the number of VEVENTs, exits 1 on errors."""
import sys

from icalendar import Calendar

calendar = Calendar.from_ical(sys.stdin.buffer.read())
errors = [f"{component.name}: {error}" for component in calendar.walk() for error in getattr(component, "errors", [])]
for event in calendar.walk("VEVENT"):
    event.decoded("DTSTART")  # every start must resolve, with its timezone
    if "DTEND" in event:
        event.decoded("DTEND")
for error in errors:
    print(error, file=sys.stderr)
print(len(calendar.walk("VEVENT")))
sys.exit(1 if errors else 0)
