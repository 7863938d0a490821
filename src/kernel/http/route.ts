import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor, Permission, PersonalScope, Principal } from '../access.js';
import type { AppServices } from './app-services.js';

/**
 * Who may call a route:
 * - 'public': anyone (listed in PUBLIC_ROUTES of the route-walk test);
 * - 'user': any signed-in principal, not scoped to a workspace;
 * - a Permission: the URL has `:workspaceId` and the caller's role there must grant it.
 */
export type RouteAccess = 'public' | 'user' | Permission;

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | null;
  /** Set on workspace routes (access is a Permission). */
  actor: Actor;
  services: AppServices;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<PS extends Schema | undefined = Schema | undefined, QS extends Schema | undefined = Schema | undefined, BS extends Schema | undefined = Schema | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: RouteAccess;
  /**
   * For 'user' routes that change something: the personal scope an API token needs. An unsafe 'user'
   * route without one is for sessions only; safe ones (reading /me) are open to any principal.
   */
  scope?: PersonalScope;
  summary: string;
  tags: string[];
  params?: PS;
  query?: QS;
  body?: BS;
  /** Response body schema for the success status (documented in OpenAPI). */
  response?: Schema;
  /** Success status; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** Raw (non-JSON) responses such as files: the handler writes the reply itself. */
  raw?: boolean;
  /** Larger request bodies (uploads, imports), in bytes. */
  bodyLimit?: number;
  /** The body arrives as a Buffer, whatever its content type (webhook signatures are checked on the exact bytes). */
  rawBody?: boolean;
  handler(ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

/** Identity helper that keeps each route's handler typed from its own schemas. */
export function route<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(def: RouteDef<PS, QS, BS>): AnyRoute {
  return def as AnyRoute;
}

export function defineRoutes(routes: AnyRoute[]): AnyRoute[] {
  return routes;
}
