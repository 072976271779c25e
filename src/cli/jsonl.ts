/**
 * JSONL in, JSONL out, same order. A line that cannot be read gives `{"id": …, "error": …}` on its
 * own line and the run goes on; the exit code says whether any line failed.
 */
import { createInterface } from 'node:readline';
import type { z } from 'zod';

/** The outcome of one input line. */
export type LineResult =
  { ok: true; output: Record<string, unknown> } | { ok: false; id: string | null; error: string };

/** Explain a zod failure in one sentence, naming the field and what was expected. */
export function explain(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.length ? `"${i.path.join('.')}"` : 'the line';
      if (i.code === 'invalid_type' && i.message.includes('received undefined'))
        return `missing ${field}, expected ${i.expected}`;
      if (i.code === 'unrecognized_keys')
        return `unexpected field ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${field}: ${i.message}`;
    })
    .join('; ');
}

/** Parse one line against a schema: a result or an error naming what is wrong. */
export function parseLine<T>(
  line: string,
  lineNo: number,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; id: string | null; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return {
      ok: false,
      id: null,
      error: `line ${lineNo}: not valid JSON (${(e as Error).message})`,
    };
  }
  const id =
    typeof raw === 'object' &&
    raw !== null &&
    'id' in raw &&
    (typeof raw.id === 'string' || typeof raw.id === 'number')
      ? String(raw.id)
      : null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, id, error: `line ${lineNo}: ${explain(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/**
 * Read JSONL from a stream, call `each` per non-empty line, print each result as it comes.
 * Returns how many lines failed.
 */
export async function processJsonl(
  input: NodeJS.ReadableStream,
  each: (line: string, lineNo: number) => LineResult,
  print: (result: LineResult) => void,
): Promise<{ lines: number; failed: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let lines = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    lines++;
    const result = each(line, lineNo);
    if (!result.ok) failed++;
    print(result);
  }
  return { lines, failed };
}

/** Write a JSON line to stdout, waiting when the pipe is full. */
export function writeLine(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}
