/**
 * Where a triaged item goes. Routes are evaluated in a fixed priority order and each keeps the
 * labels and signals that called for it, so the desk can say why an item went where it went.
 */
import type { Route } from '../profile/schema.js';
import type { Label } from './labels.js';

/** Routes in the order they are listed and acted on: the most urgent first. */
export const ROUTE_ORDER: readonly Route[] = [
  'oncall',
  'quality',
  'safeguarding',
  'police',
  'pals',
  'foi',
  'press',
  'governance',
];

/** The routes each label calls for on its own (labels.md "typical route"). */
export const LABEL_ROUTES: Readonly<Record<Label, readonly Route[]>> = {
  praise: [],
  negative_feedback: [],
  complaint: ['pals'],
  patient_safety: ['quality', 'pals'],
  foi_request: ['foi'],
  media_enquiry: ['press'],
  medical_question: [],
  legal_matter: ['governance'],
  abuse: [],
  personal_data: [],
  service_question: [],
  misinformation: [],
  spam: [],
};

/** Why a route was chosen. */
export interface RouteReason {
  route: Route;
  /** Labels that call for the route. */
  labels: Label[];
  /** Signal ids whose evidence called for it (e.g. a threat → police), or `oncall.out_of_hours`. */
  signals: string[];
}
