import { writeFileSync } from 'node:fs';
import { scheduleJsonSchemaText } from '../src/core/json-schema.js';

writeFileSync('schedule.schema.json', scheduleJsonSchemaText());
process.stdout.write('wrote schedule.schema.json\n');
