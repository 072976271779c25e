/**
 * Whole-item tables for one label: items that must get the label and items that must not, run
 * through the triage engine with the signals of the enquiry and feedback labels together (so the
 * table checks supporting evidence adding up, suppressors and supersession).
 */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../src/core/triage/engine.js';
import type { Label } from '../../src/core/triage/labels.js';
import { signals } from '../../src/core/triage/signals/index.js';
import { testProfile } from './profiles.js';

const DESK_LABELS: readonly Label[] = [
  'foi_request',
  'media_enquiry',
  'complaint',
  'negative_feedback',
  'praise',
  'service_question',
  'misinformation',
  'spam',
];

let triage: ReturnType<typeof createTriage> | undefined;
const engine = () =>
  (triage ??= createTriage(
    testProfile('nhs-default'),
    signals.filter((s) => DESK_LABELS.includes(s.meta.label)),
  ));

/** `title` carries the requirement ID, e.g. "[INB-8] complaint on fresh items". */
export function labelItemsTest(
  title: string,
  label: Label,
  labelled: readonly string[],
  notLabelled: readonly string[],
): void {
  describe(title, () => {
    it.each(labelled)('labels %j', (text) =>
      expect(engine().triage({ text }).labels).toContain(label),
    );
    it.each(notLabelled)('does not label %j', (text) =>
      expect(engine().triage({ text }).labels).not.toContain(label),
    );
  });
}
