/** The credential fields both Meta connectors take alike, so their settings cannot drift apart. */
import { z } from 'zod';
import { GRAPH_API_VERSION } from './graph.js';

/** Spread after each connector's own ids and token (field order is the order problems are named in). */
export const graphCredentialFields = {
  /** When set, every call carries `appsecret_proof` (Meta recommends it). */
  appSecret: z.string().min(1).optional(),
  graphVersion: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default(GRAPH_API_VERSION),
  /** Read direct messages (Messenger, Instagram Direct) as well as comments. */
  directMessages: z.boolean().default(true),
  /** How far back the first poll looks. */
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** How many recent posts each poll checks for new comments. */
  maxPosts: z.number().int().positive().max(100).default(25),
};
