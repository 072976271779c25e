/** Schemas shared by route modules (typebox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';

export const OrgParams = Type.Object({ org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) });
export const OrgItemParams = Type.Object({
  org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  id: Type.Integer({ minimum: 1 }),
});

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() }))),
  }),
});
