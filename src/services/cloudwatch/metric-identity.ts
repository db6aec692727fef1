import type { Dimension } from '../../models/cloudwatch/index.js';
import type { MetricIdentity } from '../../storage/index.js';
import { invalidParameterValue, invalidValue } from './errors.js';


export interface MetricIdentityInput {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
  /** Query name of the structure holding the metric name and dimensions, '' at the top level. */
  readonly path: string;
}

/** A metric's identity from request members, refusing control characters and repeated dimension names. */
export function metricIdentity(input: MetricIdentityInput): MetricIdentity {
  const prefix = input.path === '' ? '' : `${input.path}.`;
  checkText(input.namespace, 'Namespace');
  checkText(input.metricName, `${prefix}MetricName`);
  const seen = new Set<string>();
  input.dimensions.forEach((dimension, i) => {
    const at = `${prefix}Dimensions.member.${i + 1}`;
    checkText(dimension.Name, `${at}.Name`);
    checkText(dimension.Value, `${at}.Value`);
    if (seen.has(dimension.Name)) {
      throw invalidParameterValue(`The dimension name ${dimension.Name} is repeated in ${prefix}Dimensions; dimension names must be unique.`);
    }
    seen.add(dimension.Name);
  });
  return {
    namespace: input.namespace,
    metricName: input.metricName,
    dimensions: input.dimensions.map((d) => ({ name: d.Name, value: d.Value })),
  };
}

/** ASCII control characters: AWS refuses them in names (spec 9.2), and the store cannot hold U+0000/U+0001. */
function checkText(text: string, parameter: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) throw invalidValue(JSON.stringify(text), parameter);
  }
}
