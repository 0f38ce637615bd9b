import type { FastifyRequest } from 'fastify'
import type { RequestContext } from '../deps'

/** The request half of a service call: who asks and from where. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip }
}
