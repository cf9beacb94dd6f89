import type { AksKubernetesVersion, AksMaintenanceConfiguration } from '../../core/snapshot-aks';
import { toWire } from '../../core/wire';

/*
 * Microsoft.ContainerService objects read with plain ARM REST, turned into the shape the
 * `@azure/arm-containerservice` 25.x deserializers give (the snapshot's canonical shape): the
 * same api-version, `properties` flattened, only the model's fields, and its `Date` fields
 * written back as ISO strings (`Date#toJSON`), as `toWire` writes an SDK object.
 */

/** The api-version `@azure/arm-containerservice` 25.3.0 calls. */
export const CONTAINER_SERVICE_API_VERSION = '2026-04-01';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a `Date` field becomes through the SDK and JSON: unset kept, a time in its ISO form. */
function instant(value: unknown): unknown {
  return !value ? value : new Date(value as string).toJSON();
}

/** The SDK's `!x ? x : f(x)`: a falsy value (absent, `null`) is kept as it is. */
function when<T>(value: unknown, map: (v: T) => unknown): unknown {
  return !value ? value : map(value as T);
}

const list = (value: unknown, map: (item: Json) => unknown): unknown =>
  when<Json[]>(value, (items) => items.map(map));

function systemData(item: Json): Json {
  return {
    createdBy: item['createdBy'],
    createdByType: item['createdByType'],
    createdAt: instant(item['createdAt']),
    lastModifiedBy: item['lastModifiedBy'],
    lastModifiedByType: item['lastModifiedByType'],
    lastModifiedAt: instant(item['lastModifiedAt']),
  };
}

function schedule(item: Json): Json {
  const daily = (d: Json) => ({ intervalDays: d['intervalDays'] });
  const weekly = (w: Json) => ({ intervalWeeks: w['intervalWeeks'], dayOfWeek: w['dayOfWeek'] });
  const absolute = (a: Json) => ({
    intervalMonths: a['intervalMonths'],
    dayOfMonth: a['dayOfMonth'],
  });
  const relative = (r: Json) => ({
    intervalMonths: r['intervalMonths'],
    weekIndex: r['weekIndex'],
    dayOfWeek: r['dayOfWeek'],
  });
  return {
    daily: when(item['daily'], daily),
    weekly: when(item['weekly'], weekly),
    absoluteMonthly: when(item['absoluteMonthly'], absolute),
    relativeMonthly: when(item['relativeMonthly'], relative),
  };
}

/** `schedule` is required in a maintenance window (the SDK fails the whole list without it). */
function requiredSchedule(value: unknown): Json {
  if (!isObject(value)) throw new Error('a maintenanceWindow has no "schedule" object');
  return value;
}

function maintenanceWindow(item: Json): Json {
  return {
    schedule: schedule(requiredSchedule(item['schedule'])),
    durationHours: item['durationHours'],
    utcOffset: item['utcOffset'],
    startDate: instant(item['startDate']),
    startTime: item['startTime'],
    notAllowedDates: list(item['notAllowedDates'], (span) => ({
      start: new Date(span['start'] as string).toJSON(),
      end: new Date(span['end'] as string).toJSON(),
    })),
  };
}

/** One MaintenanceConfiguration (ARM JSON) in the SDK's shape. */
export function maintenanceConfigurationFromArm(raw: unknown): AksMaintenanceConfiguration {
  const item = isObject(raw) ? raw : {};
  const props = isObject(item['properties']) ? item['properties'] : undefined;
  return toWire({
    id: item['id'],
    name: item['name'],
    type: item['type'],
    systemData: when(item['systemData'], systemData),
    ...(props
      ? {
          timeInWeek: list(props['timeInWeek'], (t) => ({
            day: t['day'],
            hourSlots: when<unknown[]>(t['hourSlots'], (slots) => [...slots]),
          })),
          notAllowedTime: list(props['notAllowedTime'], (span) => ({
            start: instant(span['start']),
            end: instant(span['end']),
          })),
          maintenanceWindow: when(props['maintenanceWindow'], maintenanceWindow),
        }
      : {}),
  }) as AksMaintenanceConfiguration;
}

/** One KubernetesVersion of a location's list (ARM JSON) in the SDK's shape. */
export function kubernetesVersionFromArm(raw: unknown): AksKubernetesVersion {
  const item = isObject(raw) ? raw : {};
  return toWire({
    version: item['version'],
    capabilities: when<Json>(item['capabilities'], (c) => ({
      supportPlan: when<unknown[]>(c['supportPlan'], (plans) => [...plans]),
    })),
    isDefault: item['isDefault'],
    isPreview: item['isPreview'],
    patchVersions: when<Json>(item['patchVersions'], (patches) =>
      Object.fromEntries(
        Object.entries(patches).map(([key, patch]) => [
          key,
          when<Json>(patch, (p) => ({
            upgrades: when<unknown[]>(p['upgrades'], (u) => [...u]),
          })),
        ]),
      ),
    ),
  }) as AksKubernetesVersion;
}

/**
 * The `Date` fields of a ManagedCluster (ARM JSON, before `canonicalManagedCluster`) as the SDK
 * writes them back: `systemData.createdAt`/`lastModifiedAt` and
 * `upgradeSettings.overrideSettings.until`. The rest of the object is left as it is.
 */
export function managedClusterInstants(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const out: Json = { ...raw };
  const system = out['systemData'];
  if (isObject(system)) {
    out['systemData'] = {
      ...system,
      createdAt: instant(system['createdAt']),
      lastModifiedAt: instant(system['lastModifiedAt']),
    };
  }
  const props = out['properties'];
  const upgrade = isObject(props) ? props['upgradeSettings'] : undefined;
  const override = isObject(upgrade) ? upgrade['overrideSettings'] : undefined;
  if (isObject(props) && isObject(upgrade) && isObject(override)) {
    out['properties'] = {
      ...props,
      upgradeSettings: {
        ...upgrade,
        overrideSettings: { ...override, until: instant(override['until']) },
      },
    };
  }
  return out;
}
