/**
 * The triage engine with only the enquiry and feedback labels' signals, for the whole-item tables
 * that check those signals together (supporting evidence adding up, suppressors, supersession).
 */
import { createTriage, type Triage } from '../../src/core/triage/engine.js';
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

let engine: Triage | undefined;

/** One engine for every table in a test file. */
export function deskTriage(): Triage {
  return (engine ??= createTriage(
    testProfile('nhs-default'),
    signals.filter((s) => DESK_LABELS.includes(s.meta.label)),
  ));
}
