// JSON Schema of the `pathways-map` version 1 file. Unknown fields are allowed everywhere the SPEC
// says they are kept. Cross-references (ids, endpoints) are checked by validate.ts, not here.
import {
  COLLABORATION_LEVELS,
  COSTS,
  DOMAINS,
  LIMITS,
  MAP_FORMAT,
  MAP_VERSION,
  PROGRAM_STATUSES,
  REFERRAL_STATUSES,
  SECTORS,
} from './constants.ts';
import { viewFieldSchemas } from './view-schema.ts';

const id = { type: 'string', minLength: 1, maxLength: LIMITS.idLength } as const;
const label = { type: 'string', minLength: 1, maxLength: LIMITS.labelLength } as const;
const text = { type: 'string', maxLength: LIMITS.descriptionLength } as const;
const stringList = {
  type: 'array',
  maxItems: LIMITS.listLength,
  items: { type: 'string', minLength: 1, maxLength: LIMITS.labelLength },
} as const;
const nonNegative = { type: 'number', minimum: 0 } as const;
const share = { type: 'number', minimum: 0, maximum: 1 } as const;

const nodeCommon = {
  id,
  label,
  description: text,
  tags: stringList,
  url: { type: 'string', maxLength: LIMITS.urlLength },
} as const;

const edgeCommon = { id, source: id, target: id, label: { type: 'string', maxLength: LIMITS.labelLength }, description: text } as const;

export const organizationSchema = {
  type: 'object',
  required: ['id', 'type', 'label'],
  properties: {
    ...nodeCommon,
    type: { const: 'organization' },
    sector: { enum: SECTORS },
    backbone: { type: 'boolean' },
  },
} as const;

export const programSchema = {
  type: 'object',
  required: ['id', 'type', 'label'],
  properties: {
    ...nodeCommon,
    type: { const: 'program' },
    organization: id,
    lifeStages: stringList,
    domains: { type: 'array', maxItems: LIMITS.listLength, items: { enum: DOMAINS } },
    services: stringList,
    areas: stringList,
    populations: stringList,
    languages: { type: 'array', maxItems: LIMITS.listLength, items: { type: 'string', pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' } },
    capacity: nonNegative,
    served: nonNegative,
    status: { enum: PROGRAM_STATUSES },
    entryPoint: { type: 'boolean' },
    entryWeight: nonNegative,
    cost: { enum: COSTS },
  },
} as const;

export const edgeSchemas = {
  referral: {
    type: 'object',
    required: ['id', 'type', 'source', 'target'],
    properties: {
      ...edgeCommon,
      type: { const: 'referral' },
      status: { enum: REFERRAL_STATUSES },
      volume: nonNegative,
      handoffRate: share,
      closedLoop: { type: 'boolean' },
    },
  },
  partnership: {
    type: 'object',
    required: ['id', 'type', 'source', 'target'],
    properties: { ...edgeCommon, type: { const: 'partnership' }, level: { enum: COLLABORATION_LEVELS } },
  },
  funding: {
    type: 'object',
    required: ['id', 'type', 'source', 'target'],
    properties: {
      ...edgeCommon,
      type: { const: 'funding' },
      amount: nonNegative,
      period: { type: 'string', maxLength: LIMITS.labelLength },
    },
  },
  'data-sharing': {
    type: 'object',
    required: ['id', 'type', 'source', 'target'],
    properties: { ...edgeCommon, type: { const: 'data-sharing' } },
  },
} as const;

const labelledItem = { type: 'object', required: ['id', 'label'], properties: { id, label } } as const;

export const populationSchema = {
  type: 'object',
  required: ['id', 'label'],
  properties: {
    id,
    label,
    share,
    languages: programSchema.properties.languages,
    areas: stringList,
    barrier: share,
  },
} as const;

export const metaSchema = {
  type: 'object',
  required: ['title'],
  properties: {
    title: { type: 'string', maxLength: LIMITS.labelLength },
    commonPurpose: text,
    lifeStages: { type: 'array', maxItems: LIMITS.listLength, items: labelledItem },
    areas: { type: 'array', maxItems: LIMITS.listLength, items: labelledItem },
    populations: { type: 'array', maxItems: LIMITS.listLength, items: populationSchema },
    outcomes: {
      type: 'array',
      maxItems: LIMITS.listLength,
      items: {
        type: 'object',
        required: ['measure'],
        properties: {
          id,
          measure: label,
          stage: id,
          baseline: { type: 'number' },
          target: { type: 'number' },
          actual: { type: 'number' },
          byPopulation: { type: 'object', additionalProperties: { type: 'number' } },
        },
      },
    },
    redundancyThreshold: share,
  },
} as const;

export const viewSchema = {
  type: 'object',
  required: ['id', 'label'],
  properties: { id, label, caption: text, ...viewFieldSchemas },
} as const;

export const positionSchema = {
  type: 'object',
  required: ['x', 'y'],
  properties: { x: { type: 'number' }, y: { type: 'number' } },
} as const;

const keyedList = { type: 'array', items: { type: 'object', required: ['id'], properties: { id } } } as const;

/**
 * A named version: the whole content, or changes against its base version. Entries inside are checked
 * when the version is rebuilt (src/history/versions.ts validates the map it gives back).
 */
export const versionSchema = {
  type: 'object',
  required: ['id', 'label', 'at'],
  properties: {
    id,
    label,
    at: { type: 'string', minLength: 10, maxLength: 40 },
    by: { type: 'string', maxLength: LIMITS.labelLength },
    base: id,
    content: {
      type: 'object',
      required: ['meta', 'nodes', 'edges'],
      properties: { meta: { type: 'object' }, nodes: keyedList, edges: keyedList, views: keyedList, positions: { type: 'object', additionalProperties: positionSchema } },
    },
    changes: {
      type: 'object',
      properties: {
        meta: { type: 'object' },
        nodes: { type: 'object', properties: { set: keyedList, remove: { type: 'array', items: id } } },
        edges: { type: 'object', properties: { set: keyedList, remove: { type: 'array', items: id } } },
        views: keyedList,
        positions: { type: 'object', properties: { set: { type: 'object', additionalProperties: positionSchema }, remove: { type: 'array', items: id } } },
      },
    },
  },
  oneOf: [{ required: ['content'] }, { required: ['base', 'changes'] }],
} as const;

/** The whole file. `$id` names the version so a newer file is recognisable. */
export const pathwaysMapSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pathways.studio/schema/pathways-map.v1.schema.json',
  title: 'pathways-map version 1',
  type: 'object',
  required: ['format', 'version', 'meta', 'nodes', 'edges'],
  properties: {
    format: { const: MAP_FORMAT },
    version: { const: MAP_VERSION },
    meta: metaSchema,
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: ['organization', 'program'] } },
        if: { properties: { type: { const: 'organization' } } },
        then: organizationSchema,
        else: programSchema,
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: Object.keys(edgeSchemas) } },
        allOf: Object.entries(edgeSchemas).map(([type, schema]) => ({
          if: { properties: { type: { const: type } } },
          then: schema,
        })),
      },
    },
    views: { type: 'array', items: viewSchema },
    positions: { type: 'object', additionalProperties: positionSchema },
    versions: { type: 'array', maxItems: LIMITS.versions, items: versionSchema },
  },
} as const;
