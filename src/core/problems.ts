import type { z } from 'zod';

/** One thing wrong in the schedule file: where, and a sentence an operator understands. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** `["maintenance", 4, "time"]` → `maintenance[4].time`; odd keys quoted: `types["Extra groot"]` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function problemsFromZod(prefix: readonly PropertyKey[], error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: plainMessage(issue),
  }));
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown field ${names}: check the spelling (field names are case-sensitive)`;
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((inner) => inner.message).join('; ');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return issue.expected === 'object' || issue.expected === 'record'
      ? 'is missing'
      : `is missing: it ${issue.message}`;
  }
  if (issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'record')) {
    return 'must be an object { … } with named fields';
  }
  return issue.message;
}

/** Where JSON.parse stopped, as "line L, column C", when the engine says so. */
export function describeJsonError(textContent: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (textContent.trim() === '') return { path: '', message: 'the file is empty' };
  if (position === undefined) return { path: '', message: `the file is not valid JSON (${message})` };
  const before = textContent.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return {
    path: '',
    message: `the file is not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
  };
}
