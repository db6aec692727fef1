import { createInProcessTailBus } from './in-process-tail-bus.js';
import { describeTailBusContract } from './tail-bus-contract.js';

describeTailBusContract('in-process', () => createInProcessTailBus());
