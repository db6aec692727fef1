/**
 * Reads one backend's options object from the config file, throwing a plain Error that names the bad key, so the
 * server refuses a bad config at startup with a message the operator can act on.
 */
export class OptionReader {
  private readonly values: Readonly<Record<string, unknown>>;

  constructor(
    raw: unknown,
    private readonly where: string,
    allowed: readonly string[],
    /** Where `{"env": "NAME"}` secrets are looked up; the process environment, read once at startup. */
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: options must be a JSON object`);
    this.values = raw as Record<string, unknown>;
    // `kind` is the registry's key for choosing the backend; it sits beside the options in the config.
    const unknown = Object.keys(this.values).filter((key) => key !== 'kind' && !allowed.includes(key));
    if (unknown.length > 0) throw new Error(`${where}: unknown option "${unknown[0]}" (known: ${allowed.join(', ')})`);
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`${this.where}: "${key}" must be a non-empty string`);
    return value;
  }

  /**
   * A secret: either the value itself or `{"env": "NAME"}`, read from the environment now, so keys need not sit in
   * the config file. A named variable that is unset or empty is an error, not a silent "no key".
   */
  secret(key: string): string | undefined {
    const value = this.values[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.string(key);
    return this.fromEnv(value, key);
  }

  private fromEnv(value: object, label: string): string {
    const name = (value as { env?: unknown }).env;
    if (typeof name !== 'string' || name === '' || Object.keys(value).length !== 1) {
      throw new Error(`${this.where}: "${label}" must be a string or {"env": "VARIABLE_NAME"}`);
    }
    const resolved = this.env[name];
    if (resolved === undefined || resolved === '') throw new Error(`${this.where}: "${label}" names the environment variable ${name}, which is not set`);
    return resolved;
  }

  requiredSecret(key: string): string {
    const value = this.secret(key);
    if (value === undefined) throw new Error(`${this.where}: "${key}" is required`);
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined) throw new Error(`${this.where}: "${key}" is required`);
    return value;
  }

  url(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error(`${this.where}: "${key}" must be an absolute http(s) URL, got "${value}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`${this.where}: "${key}" must be an http or https URL, got "${value}"`);
    }
    return value.replace(/\/+$/, '');
  }

  positiveInteger(key: string): number | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new Error(`${this.where}: "${key}" must be a positive integer`);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw new Error(`${this.where}: "${key}" must be true or false`);
    return value;
  }

  /** A `{"Header-Name": "value"}` object. */
  headers(key: string): Readonly<Record<string, string>> {
    const value = this.values[key];
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${this.where}: "${key}" must be an object of header names to string values`);
    }
    const out: Record<string, string> = {};
    for (const [name, headerValue] of Object.entries(value)) {
      const label = `${key}.${name}`;
      if (typeof headerValue === 'object' && headerValue !== null && !Array.isArray(headerValue)) out[name.toLowerCase()] = this.fromEnv(headerValue, label);
      else if (typeof headerValue === 'string') out[name.toLowerCase()] = headerValue;
      else throw new Error(`${this.where}: "${label}" must be a string or {"env": "VARIABLE_NAME"}`);
    }
    return out;
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      throw new Error(`${this.where}: "${key}" must be one of ${choices.join(', ')}, got "${value}"`);
    }
    return value as T;
  }

  object(key: string): Readonly<Record<string, unknown>> | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${this.where}: "${key}" must be an object`);
    return value as Record<string, unknown>;
  }
}

/** The default silence limit before a backend call answers ModelTimeoutException. */
export const DEFAULT_TIMEOUT_MS = 60_000;
