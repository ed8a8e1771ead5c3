// The fields of a saved view (issue 7): what it shows (filter), how (colour, size, layout), where
// (viewport) and what it says (caption). One source for the schema, the editor's controls and tests.
import { EDGE_TYPES, LIMITS, NODE_TYPES, PROGRAM_STATUSES, SECTORS } from './constants.ts';

export const VIEW_COLOR_BY = ['sector', 'lifeStage', 'community', 'status', 'metric'] as const;
export const VIEW_SIZE_BY = ['default', 'capacity', 'betweenness', 'degree'] as const;
export const VIEW_LAYOUTS = ['lanes', 'force', 'concentric', 'byArea'] as const;
/** Structure metrics a view can colour by (colorBy "metric") or arrange by (concentric layout). */
export const VIEW_METRICS = ['betweenness', 'degree', 'pagerank'] as const;

const idList = {
  type: 'array',
  maxItems: LIMITS.listLength,
  items: { type: 'string', minLength: 1, maxLength: LIMITS.idLength },
} as const;
const enumList = (values: readonly string[]) => ({ type: 'array', maxItems: values.length * 4, items: { enum: [...values] } }) as const;

export const viewFilterSchema = {
  type: 'object',
  properties: {
    nodeTypes: enumList(NODE_TYPES),
    edgeTypes: enumList(EDGE_TYPES),
    sectors: enumList(SECTORS),
    lifeStages: idList,
    areas: idList,
    populations: idList,
    statuses: enumList(PROGRAM_STATUSES),
    communities: { type: 'array', maxItems: LIMITS.listLength, items: { type: 'integer', minimum: 0 } },
    problemsOnly: { type: 'boolean' },
  },
} as const;

export const viewFieldSchemas = {
  filter: viewFilterSchema,
  colorBy: { enum: [...VIEW_COLOR_BY] },
  colorMetric: { enum: [...VIEW_METRICS] },
  sizeBy: { enum: [...VIEW_SIZE_BY] },
  layout: { enum: [...VIEW_LAYOUTS] },
  layoutMetric: { enum: [...VIEW_METRICS] },
  viewport: {
    type: 'object',
    required: ['zoom', 'pan'],
    properties: {
      zoom: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
      pan: { type: 'object', required: ['x', 'y'], properties: { x: { type: 'number' }, y: { type: 'number' } } },
    },
  },
} as const;
