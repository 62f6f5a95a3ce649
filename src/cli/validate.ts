import { readFileSync } from 'node:fs';
import { formatProblem } from '../core/problems.js';
import { parseScheduleText } from '../core/validate.js';
import { buildTimeline } from '../core/windows.js';

/** `npm run validate [file]`: checks a schedule before it goes live. Exit 0 when valid, 1 with every problem. */
const file = process.argv[2] ?? 'schedule.json';
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(1);
}
const result = parseScheduleText(text);
if (!result.ok) {
  process.stderr.write(`${file} has ${result.problems.length} problem(s):\n`);
  for (const problem of result.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
  process.exit(1);
}
const { windows, notices } = buildTimeline(result.schedule);
process.stdout.write(`${file} is valid: ${windows.length} windows, ${notices.length} days without maintenance.\n`);
