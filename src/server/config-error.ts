/** A configuration the server refuses to start with; main prints its message and the usage. */
export class ConfigError extends Error {}
