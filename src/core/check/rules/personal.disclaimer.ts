// PLACEHOLDER: not written yet. scripts/check-rule-files.ts fails while this line is here.
import { z } from 'zod';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: { id: 'personal.disclaimer', description: 'not written yet', defaultSeverity: 'warn', audiences: ['corporate', 'personal'], requirements: ['PUB-3'] },
  options: z.object({}),
  create: () => () => {},
});
