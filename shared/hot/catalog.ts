// Resource types and their schemas, dumped from Heat's global resource
// registry (scripts/catalog/dump-heat-catalog.py -> catalog/resource-types.json).
import typesJson from './catalog/resource-types.json';

export interface PropertySchema {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'map' | 'list' | 'any';
  description?: string;
  default?: unknown;
  required?: boolean;
  update_allowed?: boolean;
  immutable?: boolean;
  constraints?: Record<string, unknown>[];
  /** Nested schema: property names for maps, '*' for list items. */
  schema?: Record<string, PropertySchema>;
  support_status?: string;
  support_message?: string;
}

export interface AttributeSchema {
  description?: string;
  type?: string;
  support_status?: string;
}

export interface ResourceTypeSchema {
  properties: Record<string, PropertySchema>;
  attributes: Record<string, AttributeSchema>;
  support_status?: string;
  support_message?: string;
}

const TYPES = typesJson as unknown as Record<string, ResourceTypeSchema>;
const NAMES = Object.keys(TYPES);

export function resourceType(name: string): ResourceTypeSchema | undefined {
  return Object.prototype.hasOwnProperty.call(TYPES, name) ? TYPES[name] : undefined;
}

export function resourceTypeNames(): string[] {
  return NAMES;
}

/** Attributes every resource has, whatever its type (Heat's base Resource). */
export const BASE_ATTRIBUTES: readonly string[] = ['show', 'OS::stack_id'];

/**
 * OS::Heat::None, or a removed type Heat keeps as a do-nothing NoneResource
 * subclass (OS::Designate::Domain, OS::Magnum::Bay ...): any properties are
 * accepted and every attribute is null.
 */
export function isPlaceholder(type: string): boolean {
  if (type === 'OS::Heat::None') return true;
  const schema = resourceType(type);
  return !!schema && schema.support_status === 'HIDDEN' && Object.keys(schema.properties).length === 0;
}
