/**
 * Every route module, in one list: a capability adds its line here. Each module is
 * `(app, desk) => Promise<void>` and registers its routes with schemas.
 */
import type { FastifyInstance } from 'fastify';
import type { Desk } from '../context.js';
import { accountRoutes } from './accounts.routes.js';
import { authRoutes } from './auth.routes.js';
import { authorRoutes } from './authors.routes.js';
import { crisisRoutes } from './crisis.routes.js';
import { escalationRoutes } from './escalations.routes.js';
import { connectionRoutes } from './connections.routes.js';
import { importRoutes } from './imports.routes.js';
import { itemRoutes } from './items.routes.js';
import { moderationRoutes } from './moderation.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { oncallRoutes } from './oncall.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { orgRoutes } from './orgs.routes.js';
import { postRoutes } from './posts.routes.js';
import { webRoutes } from '../../web/index.js';

export type RouteModule = (app: FastifyInstance, desk: Desk) => Promise<void>;

export const routeModules: RouteModule[] = [
  authRoutes,
  orgRoutes,
  itemRoutes,
  connectionRoutes,
  importRoutes,
  oidcRoutes,
  accountRoutes,
  authorRoutes,
  webRoutes,
  postRoutes,
  crisisRoutes,
  oncallRoutes,
  escalationRoutes,
  notificationRoutes,
  moderationRoutes,
];
