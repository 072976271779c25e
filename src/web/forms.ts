/**
 * Reading form bodies and query strings the same way on every page: a field is one trimmed
 * string (the first, when a browser sends it twice) or a list of non-empty trimmed strings, and a
 * refusal is a problem tied to the id of the field it is about (for the NHS.UK error summary
 * link and the message beside the field).
 */
export type Form = Record<string, string | string[] | undefined>;

/** One field, trimmed; empty when missing. */
export function one(form: Form, name: string): string {
  const v = form[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

/** Every value of a repeated field (checkboxes), trimmed, empty ones dropped. */
export function many(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

export interface FormProblem {
  /** The field's id, for the error summary link and the message beside the field. */
  field: string;
  text: string;
}
