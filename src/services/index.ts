// The services the core runs, by the id a level file names in its "service" field.
import type { Regime, ServiceModel, ServiceReportBase } from '../engine/service';
import { frontDesk } from './front-desk/index';
import { housingBenefit } from './housing-benefit/service';
import { housingRepairs } from './housing-repairs/index';

/** The services, by id. A level with no "service" field is a housing-benefit level. */
export const SERVICES = { 'front-desk': frontDesk, 'housing-benefit': housingBenefit, 'housing-repairs': housingRepairs } as const;
export type ServiceId = keyof typeof SERVICES;

/** The service a level file (unvalidated) is a model of. */
export function serviceOf(raw: unknown): ServiceId | string {
  const service = typeof raw === 'object' && raw !== null ? (raw as { service?: unknown }).service : undefined;
  return typeof service === 'string' ? service : 'housing-benefit';
}

/** Validates a level of any service against that service's own format. */
export function checkLevel(raw: unknown): { ok: true; service: ServiceId } | { ok: false; errors: string[] } {
  const service = serviceOf(raw);
  if (!Object.hasOwn(SERVICES, service))
    return { ok: false, errors: [`service: unknown service "${service}" (services: ${Object.keys(SERVICES).join(', ')})`] };
  const r = SERVICES[service as keyof typeof SERVICES].parseLevel(raw);
  return r.ok ? { ok: true, service: service as ServiceId } : r;
}

/**
 * The report of a level of any service (unvalidated: it is validated here, and a bad one throws
 * with the validator's messages), for a seed and regime, over the level's own length, no actions.
 */
export function simulateLevel(raw: unknown, seed: number, regime: Regime): ServiceReportBase {
  const r = checkLevel(raw);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return simulateWith(SERVICES[r.service] as ServiceModel<unknown, ServiceReportBase, unknown>, raw, seed, regime);
}

function simulateWith<L, R extends ServiceReportBase, V>(service: ServiceModel<L, R, V>, raw: unknown, seed: number, regime: Regime): R {
  const parsed = service.parseLevel(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return service.simulate(parsed.level, seed, regime, service.defaults(parsed.level).days, []);
}
