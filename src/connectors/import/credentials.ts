import { z } from 'zod';

/** An import needs no credentials; the schema exists so every connector is set up the same way. */
export const importCredentialsSchema = z.object({}).passthrough();

export type ImportCredentials = z.infer<typeof importCredentialsSchema>;
