// The services the core runs, by the id a level file names in its "service" field.
import { parseLevel } from '../levels/load';
import { housingRepairs } from './housing-repairs/index';

/** Services with a model of their own. A level with no "service" field is a housing-benefit level. */
export const SERVICES = { 'housing-repairs': housingRepairs } as const;
export type ServiceId = 'housing-benefit' | keyof typeof SERVICES;

/** The service a level file (unvalidated) is a model of. */
export function serviceOf(raw: unknown): ServiceId | string {
  const service = typeof raw === 'object' && raw !== null ? (raw as { service?: unknown }).service : undefined;
  return typeof service === 'string' ? service : 'housing-benefit';
}

/** Validates a level of any service against that service's own format. */
export function checkLevel(raw: unknown): { ok: true; service: ServiceId } | { ok: false; errors: string[] } {
  const service = serviceOf(raw);
  if (service === 'housing-benefit') {
    const r = parseLevel(raw);
    return r.ok ? { ok: true, service } : r;
  }
  if (!Object.hasOwn(SERVICES, service))
    return { ok: false, errors: [`service: unknown service "${service}" (services: housing-benefit, ${Object.keys(SERVICES).join(', ')})`] };
  const r = SERVICES[service as keyof typeof SERVICES].parseLevel(raw);
  return r.ok ? { ok: true, service: service as ServiceId } : r;
}
