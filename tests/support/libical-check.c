/* Parses an iCalendar stream from stdin with libical (the parser of GNOME Evolution) and reports
   every X-LIC-ERROR it attaches. Prints the number of VEVENTs; exits 1 on any error. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static int report_errors(icalcomponent *c) {
  int errors = 0;
  for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    fprintf(stderr, "libical: %s\n", icalproperty_get_xlicerror(p));
    errors++;
  }
  for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
       s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
    errors += report_errors(s);
  return errors;
}

int main(void) {
  size_t cap = 1 << 20, len = 0, n;
  char *buf = malloc(cap + 1);
  while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) buf = realloc(buf, (cap *= 2) + 1);
  }
  buf[len] = 0;
  icalcomponent *cal = icalparser_parse_string(buf);
  if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
    fprintf(stderr, "libical: not a VCALENDAR\n");
    return 1;
  }
  int errors = report_errors(cal);
  printf("%d\n", icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT));
  return errors ? 1 : 0;
}
