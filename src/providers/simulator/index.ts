export { createSimulatorProvider } from './simulator-provider.js';
export { DEFAULT_SIMULATOR_OPTIONS, SimulatorOptionsError, parseSimulatorOptions, realSleeper } from './simulator-options.js';
export type { SimulatorOptions, Sleeper } from './simulator-options.js';
export { encodePng } from './png-image.js';
