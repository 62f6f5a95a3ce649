/**
 * RFC 5545 §3.1 line folding, byte for byte what ical-generator's `foldLines` writes (a line holds up to 74 octets,
 * continuation lines a space plus up to 74), without its per-character TextEncoder: that made folding 10,000
 * events cost seconds. ASCII-only lines, nearly all of them, take a fast path. A UTF-8 character is never split.
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

const MAX_OCTETS = 74;

function foldLine(line: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  if (/^[\u0000-\u007f]*$/.test(line)) {
    if (line.length <= MAX_OCTETS) return line;
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += MAX_OCTETS) parts.push(line.slice(i, i + MAX_OCTETS));
    return parts.join('\r\n ');
  }
  let out = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let char = line.charAt(i);
    const code = line.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) char += line.charAt(++i);
    const size = utf8Length(char, code);
    octets += size;
    if (octets > MAX_OCTETS) {
      out += '\r\n ';
      octets = size;
    }
    out += char;
  }
  return out;
}

function utf8Length(char: string, code: number): number {
  if (char.length === 2) return Buffer.byteLength(char, 'utf8'); // a surrogate pair (or a broken one)
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3; // includes a lone low surrogate, which UTF-8 encoding replaces by U+FFFD (3 octets)
}
