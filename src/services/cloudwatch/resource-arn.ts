import { parseArn } from '../../kernel/index.js';
import type { Scope } from '../../storage/index.js';
import { invalidParameterValue } from './errors.js';

/** A taggable CloudWatch resource named by its ARN. */
export interface CloudWatchResource {
  /** The model's documented kinds: `alarm`, `insight-rule`, `dashboard`, `metric-stream`. */
  readonly type: 'alarm' | 'insight-rule' | 'dashboard' | 'metric-stream';
  readonly name: string;
  /** False when the ARN names another account or region than the caller's: such a resource is never found. */
  readonly inCallerScope: boolean;
}

/**
 * Reads a tagging ARN in the formats the CloudWatch model documents:
 * `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`, `...:insight-rule/<name>`, `...:metric-stream/<name>`
 * and `arn:aws:cloudwatch::<account>:dashboard/<name>` (dashboards are global). Anything else is refused as an
 * invalid parameter value [unconfirmed text].
 */
export function parseResourceArn(text: string, scope: Scope): CloudWatchResource {
  const arn = parseArn(text);
  const invalid = () => invalidParameterValue(`The value ${text} for parameter ResourceARN is invalid.`);
  if (arn === undefined || arn.partition !== 'aws' || arn.service !== 'cloudwatch' || !/^\d{12}$/.test(arn.accountId)) throw invalid();
  const alarm = /^alarm:(.+)$/.exec(arn.resource);
  const slash = /^(insight-rule|dashboard|metric-stream)\/(.+)$/.exec(arn.resource);
  const type = alarm !== null ? 'alarm' : (slash?.[1] as CloudWatchResource['type'] | undefined);
  const name = alarm?.[1] ?? slash?.[2];
  if (type === undefined || name === undefined) throw invalid();
  const global = type === 'dashboard';
  if (global ? arn.region !== '' : arn.region === '') throw invalid();
  const inCallerScope = arn.accountId === scope.accountId && (global || arn.region === scope.region);
  return { type, name, inCallerScope };
}
